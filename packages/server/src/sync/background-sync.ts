import type { Kysely } from 'kysely';
import type { Config } from '../config/index.js';
import {
  type JobQueue,
  type SyncJobPayload,
  type SyncScheduler,
  silentLogger,
  startSyncScheduler,
  syncJobName,
  syncScheduleOf,
  type WorkLogger,
} from '../jobs/index.js';
import type { PortalConnection } from '../portal/connect-portal.js';
import type { Database } from '../store/index.js';
import { domainRules } from './domain-rules.js';
import { loadMappingOverride } from './mapping-file.js';
import type { SyncDependencies } from './sync-context.js';
import { markStaleRuns } from './sync-recovery.js';
import { type SyncRunView, toSyncRunView } from './sync-runs.js';
import { registerSyncJob, startSync } from './sync-service.js';

export interface BackgroundSync {
  scheduler: SyncScheduler;
  /** The sync queued at start (first start, or resuming a dead run); null when none. */
  initialRun: SyncRunView | null;
  /** Stops the schedule; the queue itself is stopped by its owner. */
  stop(): void;
}

/**
 * Everything the server needs to keep the store in step with the portal: the `sync`
 * job registered on the queue, runs left running by a dead process marked and resumed,
 * a first full sync when the store has none, and the schedule (incremental every N
 * minutes, full nightly). Call once per process, after the queue is created.
 */
export async function startBackgroundSync(options: {
  config: Config;
  db: Kysely<Database>;
  queue: JobQueue;
  connection: PortalConnection;
  logger?: WorkLogger;
}): Promise<BackgroundSync> {
  const { config, db, queue, connection } = options;
  const logger = options.logger ?? silentLogger;
  const deps = syncDependencies(config, db, connection, logger);

  registerSyncJob(queue, {
    dependenciesFor: (memberId) => (memberId === connection.memberId ? deps : null),
    logger,
  });
  const initialRun = await initialSync(db, queue, connection.memberId);
  const scheduler = startSyncScheduler({
    queue,
    memberId: connection.memberId,
    schedule: syncScheduleOf(config),
    logger,
  });

  return { scheduler, initialRun, stop: () => scheduler.stop() };
}

/** The dependencies of the portal's syncs, as the server wires them. */
export function syncDependencies(
  config: Config,
  db: Kysely<Database>,
  connection: PortalConnection,
  logger: WorkLogger = silentLogger,
): SyncDependencies {
  const domain = domainRules({
    memberId: connection.memberId,
    timeZone: config.timeZone,
    override: loadMappingOverride(config),
  });
  return {
    db,
    memberId: connection.memberId,
    send: connection.send,
    domain,
    logger,
    requests: connection.requests,
  };
}

/** A full sync when nothing was ever synced or the last full sync died part-way. */
async function initialSync(
  db: Kysely<Database>,
  queue: JobQueue,
  memberId: string,
): Promise<SyncRunView | null> {
  await markStaleRuns(db, memberId);
  const last = await db
    .selectFrom('syncRuns')
    .selectAll()
    .where('memberId', '=', memberId)
    .orderBy('id', 'desc')
    .executeTakeFirst();

  const interrupted = last?.status === 'failed' && last.errorCode === 'sync_interrupted';
  const neverSynced = !(await db
    .selectFrom('syncRuns')
    .select('id')
    .where('memberId', '=', memberId)
    .where('status', '=', 'succeeded')
    .executeTakeFirst());
  if (last?.status === 'running') return toSyncRunView(last);
  if (last?.status === 'queued') {
    // Queued by a process that is gone: its job went with it, so queue the run again.
    const payload: SyncJobPayload = { memberId, mode: last.mode, runId: String(last.id) };
    await queue.enqueue(syncJobName, payload, {
      idempotencyKey: `${syncJobName}:${memberId}:run:${last.id}`,
    });
    return toSyncRunView(last);
  }
  if (!neverSynced && !interrupted) return null;

  return startSync({ db, queue }, { memberId, mode: 'full' });
}
