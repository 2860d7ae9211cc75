/**
 * What went wrong with a Bitrix24 call, in the terms a person can act on. The doctor
 * turns each kind into a fix; the sync decides from it whether to stop or wait. The
 * raw Bitrix24 code stays on the error (`Bitrix24Error.code`) for the log.
 */
export type Bitrix24ErrorKind =
  | 'credentials'
  | 'scope'
  | 'token_expired'
  | 'rate_limit'
  | 'time_budget'
  | 'not_found'
  | 'method_not_found'
  | 'bad_input'
  | 'access_denied'
  | 'portal_gone'
  | 'user_inactive'
  | 'server'
  | 'network'
  | 'timeout';

export interface ErrorKindInfo {
  /** Whether waiting and sending the same request again can succeed. */
  retryable: boolean;
  /** Which answers lead to this kind, and what fixes it. */
  meaning: string;
}

/** The catalogue of kinds; every classification below lands on one of these. */
export const errorKinds: Record<Bitrix24ErrorKind, ErrorKindInfo> = {
  credentials: {
    retryable: false,
    meaning:
      'The portal does not accept the credentials: a wrong webhook user or code ' +
      '(INVALID_CREDENTIALS), none sent (NO_AUTH_FOUND), an unknown access token after one ' +
      'refresh (invalid_token), or a refresh token the OAuth server refused (invalid_grant, ' +
      'invalid_client). Fix: recreate the webhook or reinstall the application.',
  },
  scope: {
    retryable: false,
    meaning:
      'The webhook or application lacks the scope of the method (insufficient_scope). ' +
      '`missingScope` names it when the method is known. Fix: tick that scope.',
  },
  token_expired: {
    retryable: false,
    meaning:
      'The OAuth access token expired and one refresh did not help (expired_token twice). ' +
      'Usually the portal and the OAuth server disagree; reinstalling the application fixes it.',
  },
  rate_limit: {
    retryable: true,
    meaning:
      'The portal refused the request rate (503 QUERY_LIMIT_EXCEEDED). Retried within the ' +
      'budget; seen by the caller only when the budget ran out. OVERLOAD_LIMIT (a manual block ' +
      'by Bitrix24 support) is this kind too, but not retryable.',
  },
  time_budget: {
    retryable: true,
    meaning:
      'The method spent its processing-time budget (429 OPERATION_TIME_LIMIT) and is blocked ' +
      'until `retryAfterMs` passes. Retried when the reset falls inside the retry budget.',
  },
  not_found: {
    retryable: false,
    meaning: 'The record asked for does not exist (the old CRM methods answer 400 "Not found").',
  },
  method_not_found: {
    retryable: false,
    meaning:
      'The portal does not know the method (ERROR_METHOD_NOT_FOUND). A portal also answers this ' +
      'for a method whose scope is not granted, so `missingScope` is set when the method is known.',
  },
  bad_input: {
    retryable: false,
    meaning:
      'The method rejected its parameters (ERROR_CORE, ERROR_ARGUMENT, INVALID_REQUEST, ' +
      'a batch over 50 commands ...). A bug in the caller, not in the portal.',
  },
  access_denied: {
    retryable: false,
    meaning:
      'The user may not do this (ACCESS_DENIED, user_access_error): REST not on the plan, ' +
      'an application context required, or the user has no access to the application.',
  },
  portal_gone: {
    retryable: false,
    meaning:
      'The portal no longer exists (PORTAL_DELETED), or the address does not answer as a ' +
      'Bitrix24 portal at all (404 without a REST answer). Fix: check the portal address.',
  },
  user_inactive: {
    retryable: false,
    meaning:
      'The user the webhook or token belongs to cannot be authorised (authorization_error), ' +
      'typically because they were dismissed. Fix: recreate the webhook as an active admin.',
  },
  server: {
    retryable: true,
    meaning:
      'The portal failed (5xx, INTERNAL_SERVER_ERROR) or answered something that is not a ' +
      'Bitrix24 answer. Retried within the budget.',
  },
  network: {
    retryable: true,
    meaning: 'No answer: the connection failed or was dropped. Retried within the budget.',
  },
  timeout: {
    retryable: true,
    meaning: 'No answer within the request timeout (60 s by default). Retried within the budget.',
  },
};
