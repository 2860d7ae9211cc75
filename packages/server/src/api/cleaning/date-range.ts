import { apiError } from '../../http/api-error.js';

/** A range whose end is before its start is the caller's mistake: say which field. */
export function assertDateRange(range: {
  from?: string | undefined;
  to?: string | undefined;
}): void {
  if (range.from && range.to && range.to < range.from) {
    throw apiError('validation_failed', 'to: must not be before from', 'to');
  }
}
