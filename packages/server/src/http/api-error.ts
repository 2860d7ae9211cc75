import { type ErrorCode, errorCatalogue } from './error-catalogue.js';

/**
 * An error a route throws on purpose. The error handler turns it into
 * `{error, message}` with the catalogue's status and logs it at its severity.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** The request field at fault, for validation errors. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message?: string, field?: string) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'ApiError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.field = field;
  }
}

export function apiError(code: ErrorCode, message?: string, field?: string): ApiError {
  return new ApiError(code, message, field);
}
