import { requiredScope } from '../scopes/method-scopes.js';
import type { Bitrix24ErrorKind } from './error-kind.js';
import { errorKinds } from './error-kind.js';

export interface ErrorAnswer {
  /** Bitrix24's `error`; '' for the old CRM methods. */
  code: string;
  description: string;
  /** HTTP status; null inside a batch, where every command answers with the batch's 200. */
  status: number | null;
  method: string | null;
}

export interface ErrorClass {
  kind: Bitrix24ErrorKind;
  retryable: boolean;
  missingScope: string | null;
}

/**
 * System codes of the REST module (docs: error-codes.md, `_includes/system-errors.md`) and
 * of the OAuth server (settings/oauth/error-codes.md). Codes compare case-insensitively
 * because the portal mixes `insufficient_scope` and `QUERY_LIMIT_EXCEEDED`.
 */
const kindByCode: Record<string, Bitrix24ErrorKind> = {
  no_auth_found: 'credentials',
  invalid_credentials: 'credentials',
  invalid_token: 'credentials',
  invalid_grant: 'credentials',
  invalid_client: 'credentials',
  wrong_client: 'credentials',
  insufficient_scope: 'scope',
  invalid_scope: 'scope',
  expired_token: 'token_expired',
  authorization_error: 'user_inactive',
  user_access_error: 'access_denied',
  access_denied: 'access_denied',
  payment_required: 'access_denied',
  portal_deleted: 'portal_gone',
  query_limit_exceeded: 'rate_limit',
  overload_limit: 'rate_limit',
  operation_time_limit: 'time_budget',
  error_method_not_found: 'method_not_found',
  invalid_request: 'bad_input',
  error_core: 'bad_input',
  error_argument: 'bad_input',
  error_batch_length_exceeded: 'bad_input',
  error_batch_method_not_allowed: 'bad_input',
  error_required_parameters_missing: 'bad_input',
  internal_server_error: 'server',
  error_unexpected_answer: 'server',
  error_not_found: 'not_found',
  not_found: 'not_found',
  error_entity_not_found: 'not_found',
};

/** Codes whose kind is retryable in general but which must never be retried. */
const neverRetried = new Set(['overload_limit']);

export function classifyErrorAnswer(answer: ErrorAnswer): ErrorClass {
  const kind = kindOf(answer);
  const retryable = errorKinds[kind].retryable && !neverRetried.has(answer.code.toLowerCase());

  return { kind, retryable, missingScope: missingScopeOf(kind, answer.method) };
}

function kindOf(answer: ErrorAnswer): Bitrix24ErrorKind {
  const known = kindByCode[answer.code.toLowerCase()];
  if (known !== undefined) return known;

  // The old CRM methods answer 400 with an empty code and only a text.
  if (/not\s*found/i.test(answer.description)) return 'not_found';

  return kindOfStatus(answer.status);
}

function kindOfStatus(status: number | null): Bitrix24ErrorKind {
  if (status === null) return 'bad_input';
  if (status === 401) return 'credentials';
  if (status === 403) return 'access_denied';
  if (status === 404) return 'not_found';
  if (status === 429) return 'time_budget';
  if (status === 503) return 'rate_limit';
  if (status >= 500) return 'server';
  return 'bad_input';
}

function missingScopeOf(kind: Bitrix24ErrorKind, method: string | null): string | null {
  if (method === null) return null;
  if (kind !== 'scope' && kind !== 'method_not_found') return null;

  return requiredScope(method) ?? null;
}
