import { isBitrix24Error } from '@audiobot/bitrix24';
import { CommandFailedError } from './command-pump.js';

/** A sync that cannot go on for a reason in the portal's data, not its transport. */
export class SyncError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'SyncError';
    this.code = code;
  }
}

export const pipelineName = 'Уборка подъездов';

export function pipelineNotFound(): SyncError {
  return new SyncError(
    'pipeline_not_found',
    `The deal pipeline «${pipelineName}» was not found on the portal`,
  );
}

/**
 * The stable code a failed run records: `bitrix24_<kind>` for the portal's errors
 * (`bitrix24_scope`, `bitrix24_credentials` ...), the sync's own, or `sync_failed`.
 * Messages of Bitrix24 errors are redacted by the client already.
 */
export function failureOf(error: unknown): { code: string; message: string } {
  if (error instanceof SyncError) return { code: error.code, message: error.message };
  if (error instanceof CommandFailedError && isBitrix24Error(error.cause)) {
    return failureOf(error.cause);
  }
  if (isBitrix24Error(error)) return { code: `bitrix24_${error.kind}`, message: error.message };
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'sync_aborted', message: 'The sync was stopped before it finished' };
  }
  return { code: 'sync_failed', message: error instanceof Error ? error.message : String(error) };
}

/** Whether running the same sync again later can succeed. */
export function isRetryableSyncError(error: unknown): boolean {
  if (error instanceof SyncError) return false;
  if (error instanceof CommandFailedError) return isRetryableSyncError(error.cause);
  if (isBitrix24Error(error)) return error.retryable;
  return true;
}
