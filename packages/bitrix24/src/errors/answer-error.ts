import type { Redactor } from '../redaction/redactor.js';
import type { RestErrorBody } from '../transport/rest-envelope.js';
import { Bitrix24Error } from './bitrix24-error.js';
import { classifyErrorAnswer } from './classify-error.js';

export interface AnswerContext {
  status: number | null;
  method: string | null;
  redactor: Redactor;
  nowMs: number;
  /** `operating_reset_at` of the method's last success, used when the error has none. */
  knownResetAt: number | null;
}

/** A Bitrix24 error answer (a whole call's or one batch command's) as a classified error. */
export function errorFromAnswer(body: RestErrorBody, context: AnswerContext): Bitrix24Error {
  const description = context.redactor.redact(body.description);
  const code = context.redactor.redact(body.code);
  const answerClass = classifyErrorAnswer({
    code,
    description,
    status: context.status,
    method: context.method,
  });

  return new Bitrix24Error({
    ...answerClass,
    code,
    description,
    status: context.status,
    method: context.method,
    retryAfterMs: answerClass.kind === 'time_budget' ? retryAfter(body, context) : null,
  });
}

/** Docs (error-codes.md): wait for `operating_reset_at` of the last successful answer. */
function retryAfter(body: RestErrorBody, context: AnswerContext): number | null {
  const resetAt = body.time?.operating_reset_at ?? context.knownResetAt;
  if (typeof resetAt !== 'number') return null;
  return Math.max(0, resetAt * 1000 - context.nowMs);
}

/** An answer that is not Bitrix24's: an HTML error page, a proxy's text, an empty body. */
export function foreignAnswerError(status: number, method: string): Bitrix24Error {
  const notAPortal = status === 404 || status === 410;
  return new Bitrix24Error({
    kind: notAPortal ? 'portal_gone' : 'server',
    code: notAPortal ? 'CLIENT_NOT_A_PORTAL' : 'CLIENT_UNEXPECTED_ANSWER',
    description: notAPortal
      ? 'the address does not answer as a Bitrix24 REST endpoint'
      : 'the answer is not a Bitrix24 REST answer',
    status,
    method,
    missingScope: null,
    retryable: !notAPortal && (status >= 500 || status < 300),
  });
}

/** A mistake the client catches before sending anything. */
export function clientInputError(code: string, description: string, method: string | null) {
  return new Bitrix24Error({
    kind: 'bad_input',
    code,
    description,
    status: null,
    method,
    missingScope: null,
    retryable: false,
  });
}
