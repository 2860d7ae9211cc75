import { isBitrix24Error } from '@audiobot/bitrix24';
import { OutboxPayloadError } from './outbox-operation.js';

/** How a failed attempt is recorded, and whether another attempt can help. */
export interface OutboxFailure {
  code: string;
  message: string;
  retryable: boolean;
  /** The portal said when the method unblocks (time budget): not before that. */
  notBeforeMs: number;
}

/**
 * Bitrix24's classification decides: rate limits, 5xx, dropped connections and timeouts
 * retry; credentials, scope and bad input do not. An error of our own code is retried
 * too (a database hiccup must not lose a write); the attempts bound it.
 */
export function outboxFailureOf(error: unknown): OutboxFailure {
  if (isBitrix24Error(error)) {
    return {
      code: error.code === '' ? error.kind : error.code,
      message: error.message,
      retryable: error.retryable,
      notBeforeMs: error.retryAfterMs ?? 0,
    };
  }
  if (error instanceof OutboxPayloadError) {
    return { code: error.code, message: error.message, retryable: false, notBeforeMs: 0 };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'outbox_internal_error', message, retryable: true, notBeforeMs: 0 };
}
