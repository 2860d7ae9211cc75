import type { OutboxRow, OutboxStatus } from '../store/index.js';

/** An outbox row with its JSON parsed. */
export interface OutboxEntry {
  id: number;
  memberId: string;
  kind: string;
  idempotencyKey: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  revision: number;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastError: { code: string; message: string } | null;
  result: unknown;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

export function outboxEntryOf(row: OutboxRow): OutboxEntry {
  return {
    id: Number(row.id),
    memberId: row.memberId,
    kind: row.kind,
    idempotencyKey: row.idempotencyKey,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    attempts: Number(row.attempts),
    revision: Number(row.revision),
    nextAttemptAt: row.nextAttemptAt,
    lockedUntil: row.lockedUntil,
    lastError:
      row.lastErrorCode === null
        ? null
        : { code: row.lastErrorCode, message: row.lastErrorMessage ?? '' },
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    doneAt: row.doneAt,
  };
}
