import type { Kysely } from 'kysely';
import type { Database, SyncMode, SyncRun, SyncStatus } from '../store/index.js';
import type { SyncProgress } from './sync-progress.js';

/** A sync run as the API shows it (`GET /api/sync/runs`). */
export interface SyncRunView {
  id: number;
  mode: SyncMode;
  status: SyncStatus;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  phase: string | null;
  done: number;
  total: number | null;
  requests: number;
  error: { code: string; message: string } | null;
}

export function toSyncRunView(run: SyncRun): SyncRunView {
  return {
    id: Number(run.id),
    mode: run.mode,
    status: run.status,
    queuedAt: run.queuedAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    phase: run.phase,
    done: run.done,
    total: run.total,
    requests: run.requests,
    error: run.errorCode ? { code: run.errorCode, message: run.errorMessage ?? '' } : null,
  };
}

export async function createSyncRun(
  db: Kysely<Database>,
  memberId: string,
  mode: SyncMode,
): Promise<SyncRun> {
  return db
    .insertInto('syncRuns')
    .values({
      memberId,
      mode,
      status: 'queued',
      phase: 'queued',
      done: 0,
      requests: 0,
      queuedAt: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Newest first. */
export async function getSyncRuns(
  db: Kysely<Database>,
  memberId: string,
  options: { limit?: number } = {},
): Promise<SyncRunView[]> {
  const runs = await db
    .selectFrom('syncRuns')
    .selectAll()
    .where('memberId', '=', memberId)
    .orderBy('id', 'desc')
    .limit(options.limit ?? 50)
    .execute();
  return runs.map(toSyncRunView);
}

export async function getSyncRun(
  db: Kysely<Database>,
  memberId: string,
  id: number,
): Promise<SyncRunView | null> {
  const run = await findRun(db, memberId, id);
  return run ? toSyncRunView(run) : null;
}

export async function findRun(
  db: Kysely<Database>,
  memberId: string,
  id: number,
): Promise<SyncRun | undefined> {
  return db
    .selectFrom('syncRuns')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The last run that finished well: its start is where the next incremental sync begins. */
export async function lastSucceededRun(
  db: Kysely<Database>,
  memberId: string,
): Promise<SyncRun | undefined> {
  return db
    .selectFrom('syncRuns')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('status', '=', 'succeeded')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function markRunning(db: Kysely<Database>, id: number): Promise<void> {
  const at = now();
  await db
    .updateTable('syncRuns')
    .set({ status: 'running', startedAt: at, heartbeatAt: at, errorCode: null, errorMessage: null })
    .where('id', '=', id)
    .execute();
}

/** Progress doubles as the heartbeat: a run that stops reporting is considered dead. */
export async function recordProgress(
  db: Kysely<Database>,
  id: number,
  progress: SyncProgress,
): Promise<void> {
  await db
    .updateTable('syncRuns')
    .set({
      phase: progress.phase,
      done: progress.done,
      total: progress.total,
      requests: progress.requests,
      heartbeatAt: now(),
    })
    .where('id', '=', id)
    .execute();
}

export async function saveCheckpoint(
  db: Kysely<Database>,
  id: number,
  checkpoint: object | null,
): Promise<void> {
  await db
    .updateTable('syncRuns')
    .set({ checkpoint: checkpoint ? JSON.stringify(checkpoint) : null })
    .where('id', '=', id)
    .execute();
}

export async function finishRun(
  db: Kysely<Database>,
  id: number,
  outcome: { status: 'succeeded' } | { status: 'failed'; code: string; message: string },
): Promise<void> {
  const failed = outcome.status === 'failed';
  await db
    .updateTable('syncRuns')
    .set({
      status: outcome.status,
      finishedAt: now(),
      heartbeatAt: now(),
      phase: failed ? 'failed' : 'finished',
      errorCode: failed ? outcome.code : null,
      errorMessage: failed ? outcome.message : null,
    })
    .where('id', '=', id)
    .execute();
}

export function now(): string {
  return new Date().toISOString();
}
