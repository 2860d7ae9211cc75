import type { Kysely } from 'kysely';

import type { Database } from '../store/index.js';

/**
 * What the read cache compares: the newest sync run and how far it got. Every page a
 * sync writes advances `done`, and a finished run changes its status, so any write of
 * the sync moves it. One primary-key read.
 */
export async function dataVersionOf(db: Kysely<Database>, memberId: string): Promise<string> {
  const run = await db
    .selectFrom('syncRuns')
    .select(['id', 'status', 'done', 'finishedAt'])
    .where('memberId', '=', memberId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return run ? `${run.id}:${run.status}:${run.done}:${run.finishedAt ?? ''}` : 'empty';
}
