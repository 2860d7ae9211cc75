import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { SecretRedactor } from '../logging/secret-redactor.js';
import { ApiError } from './api-error.js';
import { type ErrorCode, errorCatalogue, logLevelBySeverity } from './error-catalogue.js';

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  field?: string;
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Turns every thrown error into `{error, message}` with the catalogue's status, and
 * logs it once at the level its severity calls for. Anything not recognised is a bug:
 * the client gets a bare 500, the log gets the stack.
 */
export function installErrorHandler(app: FastifyInstance, redactor: SecretRedactor): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const body = toErrorBody(error, redactor);
    const entry = errorCatalogue[body.error];
    const level = logLevelBySeverity[entry.severity];

    if (entry.severity === 'bug') request.log.error({ err: error }, 'unexpected error');
    else request.log[level]({ error: body.error, field: body.field }, body.message);

    return reply.status(entry.status).send(body);
  });
}

export function errorBody(code: ErrorCode, message?: string, field?: string): ErrorBody {
  const body: ErrorBody = { error: code, message: message ?? errorCatalogue[code].message };
  if (field !== undefined) body.field = field;
  return body;
}

function toErrorBody(error: FastifyError, redactor: SecretRedactor): ErrorBody {
  if (error instanceof ApiError) {
    return errorBody(error.code, redactor.redact(error.message), error.field);
  }
  if (error.validation) return validationBody(error.validation, error.validationContext);

  const code = fastifyErrorCode(error);
  return errorBody(code);
}

function validationBody(issues: ValidationIssue[], context: string | undefined): ErrorBody {
  const issue = issues[0] ?? {};
  const field = fieldOf(issue) ?? context ?? 'request';
  const reason = issue.message ?? 'is invalid';
  return errorBody('validation_failed', `${field}: ${reason}`, field);
}

function fieldOf(issue: ValidationIssue): string | undefined {
  const missing = issue.params?.missingProperty;
  if (typeof missing === 'string') return missing;

  const additional = issue.params?.additionalProperty;
  if (typeof additional === 'string') return additional;

  const path = issue.instancePath?.replace(/^\//, '').replaceAll('/', '.');
  return path ? path : undefined;
}

// Fastify's own 4xx errors (body parsing, media type) are the client's; the rest are ours.
function fastifyErrorCode(error: FastifyError): ErrorCode {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'bad_request';
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return 'too_many_requests';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'internal_error';
}
