/**
 * The errors a Bitrix24 portal answers, with the HTTP status a real portal sends.
 * Where the official docs and the server disagree, the status follows the server
 * (see /work/shared/BITRIX24.md and the docs' `_includes/system-errors.md`).
 */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(`${code}: ${description}`);
  }

  toBody(): Record<string, unknown> {
    return { error: this.code, error_description: this.description };
  }
}

export const restErrors = {
  noAuthFound: () => new RestError(401, 'NO_AUTH_FOUND', 'Wrong authorization data'),
  invalidCredentials: () =>
    new RestError(401, 'INVALID_CREDENTIALS', 'Invalid request credentials'),
  insufficientScope: () =>
    new RestError(
      401,
      'insufficient_scope',
      'The request requires higher privileges than provided by the webhook token',
    ),
  expiredToken: () => new RestError(401, 'expired_token', 'The access token provided has expired.'),
  invalidToken: () => new RestError(401, 'invalid_token', 'The access token provided is invalid.'),
  authorizationError: () => new RestError(401, 'authorization_error', 'Unable to authorize user'),
  userAccessError: () =>
    new RestError(403, 'user_access_error', 'The user does not have access to the application.'),
  accessDenied: (text = 'Access denied.') => new RestError(403, 'ACCESS_DENIED', text),
  applicationContextRequired: () =>
    new RestError(403, 'ACCESS_DENIED', 'Application context required'),
  portalDeleted: () => new RestError(403, 'PORTAL_DELETED', 'Portal was deleted'),
  queryLimitExceeded: () => new RestError(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests'),
  operationTimeLimit: () =>
    new RestError(429, 'OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.'),
  methodNotFound: () => new RestError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!'),
  invalidRequest: (text: string) => new RestError(400, 'INVALID_REQUEST', text),
  core: (text: string) => new RestError(400, 'ERROR_CORE', text),
  argument: (text: string) => new RestError(400, 'ERROR_ARGUMENT', text),
  /** The old CRM methods (`crm.deal.get`...) answer 400 with an empty code. */
  crm: (text: string) => new RestError(400, '', text),
  notFound: (text = 'Not found') => new RestError(400, '', text),
  internal: () => new RestError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'),
  batchLengthExceeded: () =>
    new RestError(400, 'ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded'),
  batchMethodNotAllowed: () =>
    new RestError(405, 'ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage'),
};
