/**
 * Every error the API can answer with: a stable code clients may branch on, its HTTP
 * status, and its severity, which decides the log level — the user's mistake is
 * `info`, an outside system failing (Bitrix24 503, a timeout) is `warn`, our own bug
 * is `error`. Messages are generic on purpose; a route may pass a more precise one.
 */

export type ErrorSeverity = 'user' | 'operational' | 'bug';

export interface CatalogueEntry {
  status: number;
  severity: ErrorSeverity;
  message: string;
}

export const errorCatalogue = {
  validation_failed: { status: 400, severity: 'user', message: 'The request is invalid.' },
  bad_request: { status: 400, severity: 'user', message: 'The request cannot be read.' },
  unauthenticated: {
    status: 401,
    severity: 'user',
    message: 'Sign in or send an API token.',
  },
  forbidden: { status: 403, severity: 'user', message: 'Your role does not allow this.' },
  demo_disabled: {
    status: 403,
    severity: 'user',
    message: 'Demo sign-in works only when AudioBot runs the demo portal.',
  },
  not_found: { status: 404, severity: 'user', message: 'No such endpoint.' },
  house_not_found: { status: 404, severity: 'user', message: 'No such house.' },
  sync_run_not_found: { status: 404, severity: 'user', message: 'No such sync run.' },
  cleaning_not_found: {
    status: 404,
    severity: 'user',
    message: 'No such cleaning in the schedule of your houses.',
  },
  completion_not_found: { status: 404, severity: 'user', message: 'No such completion.' },
  photo_not_found: { status: 404, severity: 'user', message: 'No such photo.' },
  completion_exists: {
    status: 409,
    severity: 'user',
    message: 'This cleaning is already marked.',
  },
  completion_changed: {
    status: 409,
    severity: 'user',
    message: 'The completion was changed meanwhile; look at it again.',
  },
  cleaning_not_due: {
    status: 409,
    severity: 'user',
    message: 'A cleaning can be marked on its day or later, not before.',
  },
  api_token_not_found: { status: 404, severity: 'user', message: 'No such API token.' },
  outbox_entry_not_found: {
    status: 404,
    severity: 'user',
    message: 'No such write in the outbox.',
  },
  outbox_entry_not_failed: {
    status: 409,
    severity: 'user',
    message: 'Only a failed write can be tried again.',
  },
  act_not_signed: { status: 404, severity: 'user', message: 'This act is not signed.' },
  act_nothing_planned: {
    status: 409,
    severity: 'user',
    message: 'The house has no cleanings planned in this month: there is no act to sign.',
  },
  act_already_signed: {
    status: 409,
    severity: 'user',
    message: 'This act is already signed; unsign it first to change it.',
  },
  house_edit_conflict: {
    status: 409,
    severity: 'user',
    message: 'The deal was changed in Bitrix24 meanwhile; reload it or overwrite explicitly.',
  },
  house_edit_pending: {
    status: 409,
    severity: 'user',
    message: 'An earlier change of this house is still being written to Bitrix24.',
  },
  house_field_unmapped: {
    status: 422,
    severity: 'user',
    message: 'The portal has no field for this part of the house.',
  },
  payload_too_large: { status: 413, severity: 'user', message: 'The request body is too large.' },
  unsupported_media_type: {
    status: 415,
    severity: 'user',
    message: 'Send JSON (Content-Type: application/json).',
  },
  too_many_requests: { status: 429, severity: 'user', message: 'Too many requests.' },
  portal_not_connected: {
    status: 503,
    severity: 'operational',
    message: 'No Bitrix24 portal is connected yet.',
  },
  portal_unavailable: {
    status: 503,
    severity: 'operational',
    message: 'Bitrix24 did not answer; try again shortly.',
  },
  house_edit_failed: {
    status: 502,
    severity: 'operational',
    message: 'Bitrix24 refused the change of the deal.',
  },
  sync_pending: {
    status: 503,
    severity: 'operational',
    message: 'The first sync has not finished yet; try again in a moment.',
  },
  internal_error: { status: 500, severity: 'bug', message: 'Something went wrong on our side.' },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

export const logLevelBySeverity = {
  user: 'info',
  operational: 'warn',
  bug: 'error',
} as const satisfies Record<ErrorSeverity, 'info' | 'warn' | 'error'>;
