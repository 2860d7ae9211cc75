import type { Kysely } from 'kysely';
import type { Database, OutboxStatus } from '../store/index.js';
import { type OutboxEntry, outboxEntryOf } from './outbox-entry.js';

type Db = Kysely<Database>;

export interface OutboxListFilter {
  status?: OutboxStatus;
  /** Only entries that needed more than one attempt (retried), whatever their status. */
  retried?: boolean;
  kind?: string;
  limit?: number;
}

export type OutboxCounts = Record<OutboxStatus, number> & { retried: number };

/** The admins' view: newest changes first. */
export async function listOutbox(
  db: Db,
  memberId: string,
  filter: OutboxListFilter = {},
): Promise<OutboxEntry[]> {
  let query = db.selectFrom('outbox').selectAll().where('memberId', '=', memberId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.retried) {
    query = query.where((eb) =>
      eb.or([eb('attempts', '>', 1), eb('lastErrorCode', 'is not', null)]),
    );
  }

  const rows = await query
    .orderBy('updatedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(outboxEntryOf);
}

/** How many entries are in each state, and how many needed a retry. */
export async function countOutbox(db: Db, memberId: string): Promise<OutboxCounts> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .where('memberId', '=', memberId)
    .groupBy('status')
    .execute();
  const retried = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('memberId', '=', memberId)
    .where((eb) => eb.or([eb('attempts', '>', 1), eb('lastErrorCode', 'is not', null)]))
    .executeTakeFirstOrThrow();

  const counts: OutboxCounts = { pending: 0, running: 0, done: 0, failed: 0, retried: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  counts.retried = Number(retried.count);
  return counts;
}
