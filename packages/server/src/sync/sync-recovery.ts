import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { SyncCheckpoint } from './sync-context.js';
import { now } from './sync-runs.js';

/** A running sync whose heartbeat is older than this is dead (heartbeats come every 10 s). */
export const staleAfterMs = 60_000;

/**
 * Marks runs left `running` by a dead process as failed (`sync_interrupted`), so no run
 * stays "running" forever. Returns their ids; the next full sync resumes from the
 * newest one's checkpoint.
 */
export async function markStaleRuns(
  db: Kysely<Database>,
  memberId: string,
  options: { staleAfterMs?: number; exceptRunId?: number } = {},
): Promise<number[]> {
  const threshold = new Date(Date.now() - (options.staleAfterMs ?? staleAfterMs)).toISOString();
  const stale = await db
    .selectFrom('syncRuns')
    .select('id')
    .where('memberId', '=', memberId)
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('heartbeatAt', '<', threshold), eb('heartbeatAt', 'is', null)]))
    .where('id', '!=', options.exceptRunId ?? -1)
    .execute();
  const ids = stale.map((run) => Number(run.id));
  if (ids.length === 0) return ids;

  await db
    .updateTable('syncRuns')
    .set({
      status: 'failed',
      phase: 'failed',
      finishedAt: now(),
      errorCode: 'sync_interrupted',
      errorMessage: 'The process running this sync stopped; the next full sync resumes it',
    })
    .where('id', 'in', ids)
    .execute();
  return ids;
}

/**
 * Where a new full sync starts: the checkpoint of the newest full run before it, when
 * that run failed part-way; null when it succeeded or left nothing.
 */
export async function resumePoint(
  db: Kysely<Database>,
  memberId: string,
  beforeRunId: number,
): Promise<SyncCheckpoint | null> {
  const previous = await db
    .selectFrom('syncRuns')
    .select(['status', 'checkpoint'])
    .where('memberId', '=', memberId)
    .where('mode', '=', 'full')
    .where('id', '<', beforeRunId)
    .where('status', 'in', ['succeeded', 'failed'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (previous?.status !== 'failed' || !previous.checkpoint) return null;

  const checkpoint = JSON.parse(previous.checkpoint) as SyncCheckpoint;
  return checkpoint.afterId > 0 ? checkpoint : null;
}

/** The portal time the next incremental sync reads changes from, or null: do a full one. */
export async function incrementalStart(
  db: Kysely<Database>,
  memberId: string,
): Promise<string | null> {
  const last = await db
    .selectFrom('syncRuns')
    .select(['checkpoint', 'startedAt'])
    .where('memberId', '=', memberId)
    .where('status', '=', 'succeeded')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return null;

  const checkpoint = last.checkpoint ? (JSON.parse(last.checkpoint) as SyncCheckpoint) : null;
  return checkpoint?.portalStartedAt ?? last.startedAt;
}
