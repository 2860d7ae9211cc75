import type { Kysely } from 'kysely';
import type { CleaningType } from '../domain/index.js';
import type { Database, OutboxStatus } from '../store/index.js';
import { completionKeys } from './completion-keys.js';

/** A completion as the API shows it: photos and where its Bitrix24 writes stand. */
export interface CompletionView {
  id: number;
  houseId: number;
  date: string;
  cleaningType: CleaningType;
  slot: number;
  brigadeId: number | null;
  status: 'done' | 'not_done';
  reason: string | null;
  authorName: string;
  createdAt: string;
  photoIds: number[];
  bitrix24: {
    /** The timeline comment's id once written. */
    commentId: number | null;
    comment: OutboxStatus | null;
    dayTask: OutboxStatus | null;
    notifications: OutboxStatus[];
  };
}

type Db = Kysely<Database>;

export interface CompletionFilter {
  ids?: number[];
  houseIds?: number[];
  date?: string;
}

/**
 * The completions matching the filter, each with its photos and outbox states. A mark the
 * office withdrew is left out: the cleaning counts as not marked (its history is in
 * `completion_changes`).
 */
export async function completionViews(
  db: Db,
  memberId: string,
  filter: CompletionFilter,
): Promise<CompletionView[]> {
  let query = db
    .selectFrom('completions')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('status', 'in', ['done', 'not_done']);
  if (filter.ids) query = query.where('id', 'in', orNone(filter.ids));
  if (filter.houseIds) query = query.where('houseId', 'in', orNone(filter.houseIds));
  if (filter.date) query = query.where('date', '=', filter.date);
  const rows = await query.orderBy('date').orderBy('id').execute();
  if (rows.length === 0) return [];

  const ids = rows.map((row) => Number(row.id));
  const photos = await photosOf(db, memberId, ids);
  const writes = await writesOf(db, memberId, ids);
  return rows.map((row) => {
    const id = Number(row.id);
    return {
      id,
      houseId: Number(row.houseId),
      date: row.date,
      cleaningType: row.cleaningType,
      slot: Number(row.slot),
      brigadeId: row.brigadeId === null ? null : Number(row.brigadeId),
      status: row.status === 'done' ? 'done' : 'not_done',
      reason: row.reason,
      authorName: row.authorName,
      createdAt: row.createdAt,
      photoIds: photos.get(id) ?? [],
      bitrix24: writes.get(id) ?? emptyWrites(),
    };
  });
}

function orNone(ids: number[]): number[] {
  return ids.length > 0 ? ids : [-1];
}

async function photosOf(db: Db, memberId: string, ids: number[]) {
  const byCompletion = new Map<number, number[]>();
  for (const chunk of chunksOf(ids)) {
    const rows = await db
      .selectFrom('completionPhotos')
      .select(['id', 'completionId'])
      .where('memberId', '=', memberId)
      .where('completionId', 'in', chunk)
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const list = byCompletion.get(Number(row.completionId)) ?? [];
      list.push(Number(row.id));
      byCompletion.set(Number(row.completionId), list);
    }
  }
  return byCompletion;
}

/** Bounded IN lists: a day of a large portal has thousands of completions. */
function chunksOf(ids: number[], size = 200): number[][] {
  const chunks: number[][] = [];
  for (let start = 0; start < ids.length; start += size)
    chunks.push(ids.slice(start, start + size));
  return chunks;
}

function emptyWrites(): CompletionView['bitrix24'] {
  return { commentId: null, comment: null, dayTask: null, notifications: [] };
}

/** The outbox entries of the completions, read back by their keys. */
async function writesOf(db: Db, memberId: string, ids: number[]) {
  const byCompletion = new Map<number, CompletionView['bitrix24']>();
  for (const chunk of chunksOf(ids)) {
    const rows = await db
      .selectFrom('outbox')
      .select(['idempotencyKey', 'status', 'result'])
      .where('memberId', '=', memberId)
      .where((eb) =>
        eb.or(chunk.map((id) => eb('idempotencyKey', 'like', `${completionKeys.prefix(id)}%`))),
      )
      .execute();
    for (const row of rows) addWrite(byCompletion, row);
  }
  return byCompletion;
}

function addWrite(
  byCompletion: Map<number, CompletionView['bitrix24']>,
  row: { idempotencyKey: string; status: OutboxStatus; result: string | null },
): void {
  const [, id, part] = row.idempotencyKey.split(':');
  const writes = byCompletion.get(Number(id)) ?? emptyWrites();
  if (part === 'comment') {
    writes.comment = row.status;
    writes.commentId = commentIdOf(row.result);
  } else if (part === 'day-task') writes.dayTask = row.status;
  else if (part === 'notify') writes.notifications.push(row.status);
  byCompletion.set(Number(id), writes);
}

function commentIdOf(result: string | null): number | null {
  if (result === null) return null;
  const id = (JSON.parse(result) as { commentId?: unknown } | null)?.commentId;
  return typeof id === 'number' ? id : null;
}
