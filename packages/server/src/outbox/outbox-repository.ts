import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import { type OutboxEntry, outboxEntryOf } from './outbox-entry.js';

/** What a caller asks the outbox to write; `kind` names the operation that carries it out. */
export interface OutboxIntent {
  memberId: string;
  kind: string;
  idempotencyKey: string;
  payload: unknown;
}

type Db = Kysely<Database>;

/**
 * Stores the intent. The same key again replaces the payload and makes the row pending
 * once more, keeping its `result` (the remote object it already made): a rerun updates
 * that object instead of adding a second one.
 */
export async function enqueueOutbox(db: Db, intent: OutboxIntent, now: Date): Promise<OutboxEntry> {
  const at = now.toISOString();
  const payload = JSON.stringify(intent.payload);

  const row = await db
    .insertInto('outbox')
    .values({
      memberId: intent.memberId,
      kind: intent.kind,
      idempotencyKey: intent.idempotencyKey,
      payload,
      status: 'pending',
      nextAttemptAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .onConflict((conflict) =>
      conflict.columns(['memberId', 'idempotencyKey']).doUpdateSet((eb) => ({
        kind: intent.kind,
        payload,
        status: 'pending',
        attempts: 0,
        revision: eb('outbox.revision', '+', 1),
        nextAttemptAt: at,
        lastErrorCode: null,
        lastErrorMessage: null,
        updatedAt: at,
        doneAt: null,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return outboxEntryOf(row);
}

/**
 * Takes the next due entry for this worker: a pending one whose time has come, or a
 * running one whose lease ran out (its worker crashed). The conditional update is the
 * lock: of two workers racing for a row, one changes it, the other changes nothing.
 */
export async function claimNextOutbox(
  db: Db,
  options: { memberId?: string; now: Date; leaseMs: number; only?: readonly number[] },
): Promise<OutboxEntry | null> {
  const at = options.now.toISOString();
  const candidates = await dueQuery(db, at, options.memberId, options.only)
    .select(['id', 'revision'])
    .orderBy('nextAttemptAt')
    .orderBy('id')
    .limit(5)
    .execute();

  for (const candidate of candidates) {
    const claimed = await dueUpdate(db, at, options.memberId)
      .set((eb) => ({
        status: 'running',
        attempts: eb('attempts', '+', 1),
        lockedUntil: new Date(options.now.getTime() + options.leaseMs).toISOString(),
        updatedAt: at,
      }))
      .where('id', '=', candidate.id)
      .where('revision', '=', candidate.revision)
      .returningAll()
      .executeTakeFirst();
    if (claimed) return outboxEntryOf(claimed);
  }
  return null;
}

function dueQuery(db: Db, at: string, memberId?: string, only?: readonly number[]) {
  let query = db.selectFrom('outbox').where((eb) => dueCondition(eb, at));
  if (memberId) query = query.where('memberId', '=', memberId);
  if (only) query = query.where('id', 'in', only.length > 0 ? [...only] : [-1]);
  return query;
}

function dueUpdate(db: Db, at: string, memberId?: string) {
  let query = db.updateTable('outbox').where((eb) => dueCondition(eb, at));
  if (memberId) query = query.where('memberId', '=', memberId);
  return query;
}

type OutboxWhere = ExpressionBuilder<Database, 'outbox'>;

function dueCondition(eb: OutboxWhere, at: string) {
  const unlocked = eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', at)]);
  return eb.or([
    eb.and([eb('status', '=', 'pending'), eb('nextAttemptAt', '<=', at), unlocked]),
    eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<=', at)]),
  ]);
}

/**
 * Keeps what the write produced so far (e.g. the id of the task just added). Not tied
 * to the revision: the remote object is the same whatever payload comes next.
 */
export async function saveOutboxResult(
  db: Db,
  id: number,
  result: unknown,
  now: Date,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ result: JSON.stringify(result), updatedAt: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

/**
 * Marks the run done, unless the entry was enqueued again meanwhile: then it stays due
 * for the newer payload, and this answers false.
 */
export async function completeOutbox(
  db: Db,
  entry: OutboxEntry,
  result: unknown,
  now: Date,
): Promise<boolean> {
  await saveOutboxResult(db, entry.id, result, now);
  await releaseNewerRevision(db, entry, now);
  const marked = await db
    .updateTable('outbox')
    .set({
      status: 'done',
      lockedUntil: null,
      lastErrorCode: null,
      lastErrorMessage: null,
      updatedAt: now.toISOString(),
      doneAt: now.toISOString(),
    })
    .where('id', '=', entry.id)
    .where('revision', '=', entry.revision)
    .executeTakeFirst();
  return Number(marked.numUpdatedRows) === 1;
}

/** A newer payload came while this run went on: let the next run take it at once. */
async function releaseNewerRevision(db: Db, entry: OutboxEntry, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ lockedUntil: null, updatedAt: now.toISOString() })
    .where('id', '=', entry.id)
    .where('revision', '!=', entry.revision)
    .execute();
}

/** After a failed attempt: pending again at `retryAt`, or failed for good when null. */
export async function recordOutboxFailure(
  db: Db,
  entry: OutboxEntry,
  failure: { code: string; message: string; retryAt: Date | null },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const errorFields = { lastErrorCode: failure.code, lastErrorMessage: failure.message };

  await releaseNewerRevision(db, entry, now);
  await db
    .updateTable('outbox')
    .set({
      ...errorFields,
      status: failure.retryAt ? 'pending' : 'failed',
      nextAttemptAt: failure.retryAt ? failure.retryAt.toISOString() : entry.nextAttemptAt,
      lockedUntil: null,
      updatedAt: at,
    })
    .where('id', '=', entry.id)
    .where('revision', '=', entry.revision)
    .execute();
}

/** An admin's "try again" for a failed entry: pending now, attempts from zero. */
export async function retryOutbox(
  db: Db,
  memberId: string,
  id: number,
  now: Date,
): Promise<boolean> {
  const changed = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now.toISOString() })
    .where('memberId', '=', memberId)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) === 1;
}

export async function getOutboxEntries(db: Db, ids: readonly number[]): Promise<OutboxEntry[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
  return rows.map(outboxEntryOf);
}
