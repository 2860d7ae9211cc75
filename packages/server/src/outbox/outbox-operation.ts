import type { Bitrix24Client } from '@audiobot/bitrix24';
import type { WorkLogger } from '../jobs/index.js';

/** The part of the Bitrix24 client an operation uses (tests wrap it to lose answers). */
export type PortalCaller = Pick<Bitrix24Client, 'call'>;

export interface OperationInput<Payload> {
  memberId: string;
  idempotencyKey: string;
  payload: Payload;
  /** What an earlier run of this entry produced and saved (e.g. the task id), or null. */
  result: unknown;
}

export interface OperationContext {
  portal: PortalCaller;
  signal: AbortSignal;
  logger: WorkLogger;
  /** Saves the result as soon as the remote object exists, before anything else runs. */
  saveResult(result: unknown): Promise<void>;
}

/**
 * One kind of Bitrix24 write. It must be idempotent: run twice with the same input, or
 * after a crash at any point, it leaves the portal as one run would. Creating does that
 * by looking for the object it may have made before adding one.
 */
export interface OutboxOperation<Payload = unknown, Result = unknown> {
  kind: string;
  /** Checks and narrows the stored payload; throws OutboxPayloadError when it is wrong. */
  parse(payload: unknown): Payload;
  execute(input: OperationInput<Payload>, context: OperationContext): Promise<Result>;
}

/**
 * A payload no run can carry out: the entry fails at once, without retries. `code` says
 * why (e.g. `deal_changed_in_portal`: the deal no longer holds what the edit started from).
 */
export class OutboxPayloadError extends Error {
  readonly code: string;

  constructor(message: string, code = 'outbox_bad_payload') {
    super(message);
    this.name = 'OutboxPayloadError';
    this.code = code;
  }
}
