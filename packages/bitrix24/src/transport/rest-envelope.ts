/** The `time` block of every answer (docs: data-types.md#time, limits.md). */
export interface RestTime {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  /** Unix seconds when part of the method's time budget is released. */
  operating_reset_at?: number;
  /** Seconds of the method's time budget used in the current window. */
  operating?: number;
}

/** A successful answer: `{result, total?, next?, time}`. */
export interface RestAnswer<T = unknown> {
  result: T;
  /** The list's row count; 0 with `start=-1`; null for a non-list method. */
  total: number | null;
  /** The `start` of the next page while rows remain; null on the last page. */
  next: number | null;
  time: RestTime | null;
}

/** An error answer: `{error, error_description}`. */
export interface RestErrorBody {
  code: string;
  description: string;
  time: RestTime | null;
}

export type Envelope =
  | { type: 'success'; answer: RestAnswer }
  | { type: 'error'; error: RestErrorBody }
  | { type: 'foreign' };

/** Sorts a parsed body into a success, a Bitrix24 error, or something else entirely. */
export function readEnvelope(body: unknown): Envelope {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { type: 'foreign' };

  const fields = body as Record<string, unknown>;
  const time = readTime(fields.time);
  if ('error' in fields) {
    const code = typeof fields.error === 'string' ? fields.error : String(fields.error ?? '');
    const description = String(fields.error_description ?? '');
    return { type: 'error', error: { code, description, time } };
  }
  if (!('result' in fields)) return { type: 'foreign' };

  const answer = {
    result: fields.result,
    total: numberOrNull(fields.total),
    next: numberOrNull(fields.next),
    time,
  };
  return { type: 'success', answer };
}

export function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

function readTime(value: unknown): RestTime | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return value as RestTime;
}
