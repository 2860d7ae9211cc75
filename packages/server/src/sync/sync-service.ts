import type { Kysely } from 'kysely';
import type { JobQueue, SyncJobPayload, WorkLogger } from '../jobs/index.js';
import { silentLogger, syncJobName } from '../jobs/index.js';
import type { Database, SyncMode } from '../store/index.js';
import { runSync } from './run-sync.js';
import type { SyncDependencies, SyncSummary } from './sync-context.js';
import { isRetryableSyncError } from './sync-errors.js';
import { markStaleRuns } from './sync-recovery.js';
import { createSyncRun, findRun, type SyncRunView, toSyncRunView } from './sync-runs.js';

/**
 * Queues a sync of the portal and returns its run at once (`POST /api/sync` answers
 * 202 with it). While a run of the portal waits or runs, that run is returned instead
 * of queuing another.
 */
export async function startSync(
  deps: { db: Kysely<Database>; queue: JobQueue },
  request: { memberId: string; mode: SyncMode },
): Promise<SyncRunView> {
  await markStaleRuns(deps.db, request.memberId);
  const open = await deps.db
    .selectFrom('syncRuns')
    .selectAll()
    .where('memberId', '=', request.memberId)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (open) return toSyncRunView(open);

  const run = await createSyncRun(deps.db, request.memberId, request.mode);
  const payload: SyncJobPayload = { ...request, runId: String(run.id) };
  await deps.queue.enqueue(syncJobName, payload, {
    idempotencyKey: `${syncJobName}:${request.memberId}:run:${run.id}`,
  });
  return toSyncRunView(run);
}

export interface SyncJobOptions {
  /** The portal's sync dependencies; null when the portal is not connected (yet). */
  dependenciesFor(memberId: string): SyncDependencies | null;
  logger?: WorkLogger;
  /** Told when a run ends well (the CLI prints it; tests wait for it). */
  onSucceeded?: (summary: SyncSummary) => void;
}

/**
 * Registers the `sync` job: one run at a time per portal, retried with backoff while
 * the failure can pass (rate, network, 5xx), not when it cannot (credentials, scope,
 * no pipeline). A job without a run (from the scheduler) creates its own.
 */
export function registerSyncJob(queue: JobQueue, options: SyncJobOptions): void {
  const logger = options.logger ?? silentLogger;

  queue.register<SyncJobPayload>(
    syncJobName,
    async (payload, { signal }) => {
      const deps = options.dependenciesFor(payload.memberId);
      if (!deps) {
        logger.warn(
          { category: 'sync', memberId: payload.memberId },
          'sync skipped: portal not connected',
        );
        return;
      }

      const runId = await runIdOf(deps.db, payload);
      // A retry of this job continues the same run instead of opening another.
      payload.runId = String(runId);
      const summary = await runSync(deps, { mode: payload.mode, runId, signal });
      options.onSucceeded?.(summary);
    },
    {
      concurrencyKey: (payload) => `${syncJobName}:${payload.memberId}`,
      isRetryable: isRetryableSyncError,
      retry: { maxAttempts: 3, baseDelayMs: 30_000, maxDelayMs: 10 * 60_000 },
    },
  );
}

async function runIdOf(db: Kysely<Database>, payload: SyncJobPayload): Promise<number> {
  if (payload.runId) {
    const run = await findRun(db, payload.memberId, Number(payload.runId));
    if (run) return Number(run.id);
  }
  const run = await createSyncRun(db, payload.memberId, payload.mode);
  return Number(run.id);
}
