import { silentLogger } from '../jobs/index.js';
import { CommandPump } from './command-pump.js';
import { fullSync } from './full-sync.js';
import { incrementalSync } from './incremental-sync.js';
import { ProgressReporter } from './progress-reporter.js';
import type {
  RunContext,
  SyncCheckpoint,
  SyncDependencies,
  SyncRequest,
  SyncSummary,
} from './sync-context.js';
import { failureOf } from './sync-errors.js';
import { incrementalStart, markStaleRuns, resumePoint } from './sync-recovery.js';
import { findRun, finishRun, markRunning, saveCheckpoint } from './sync-runs.js';

/**
 * Runs one sync run to its end and records how it ended. The run record must exist
 * (`createSyncRun`); `startSync` creates it and queues this as a job.
 */
export async function runSync(deps: SyncDependencies, request: SyncRequest): Promise<SyncSummary> {
  const startedAt = Date.now();
  const requestsBefore = deps.requests?.() ?? 0;
  const logger = deps.logger ?? silentLogger;
  const log = { category: 'sync', syncRunId: request.runId, memberId: deps.memberId };

  await markStaleRuns(deps.db, deps.memberId, { exceptRunId: request.runId });
  await markRunning(deps.db, request.runId);
  const run = await contextOf(deps, request, logger);
  logger.info(
    { ...log, mode: request.mode, resumeAfterId: run.resumeFrom?.afterId ?? 0 },
    'sync started',
  );

  try {
    const result = await syncByMode(run, request);
    run.progress.phase('finished', result.written);
    run.progress.advance(result.written);
    await run.progress.close();
    await saveCheckpoint(deps.db, request.runId, {
      afterId: 0,
      portalStartedAt: result.portalStartedAt,
    });
    await finishRun(deps.db, request.runId, { status: 'succeeded' });

    const requests = deps.requests ? deps.requests() - requestsBefore : run.pump.requests;
    const summary = await summarise(run, request, { ...result, requests }, startedAt);
    logger.info({ ...log, ...summary }, 'sync succeeded');
    return summary;
  } catch (error) {
    await run.progress.close();
    const failure = failureOf(error);
    await finishRun(deps.db, request.runId, { status: 'failed', ...failure });
    logger.warn({ ...log, error: failure }, 'sync failed');
    throw error;
  }
}

async function contextOf(
  deps: SyncDependencies,
  request: SyncRequest,
  logger: RunContext['logger'],
): Promise<RunContext> {
  const pump = new CommandPump(deps.send, {
    concurrency: deps.concurrency ?? 3,
    signal: request.signal,
  });
  const before = deps.requests?.() ?? 0;
  const progress = new ProgressReporter({
    db: deps.db,
    runId: request.runId,
    requests: () => (deps.requests ? deps.requests() - before : pump.requests),
    listener: request.onProgress,
  });
  progress.phase('reference', 1);

  const resumeFrom =
    request.mode === 'full'
      ? ((await ownCheckpoint(deps, request.runId)) ??
        (await resumePoint(deps.db, deps.memberId, request.runId)))
      : null;
  // The inherited point is saved at once: if this attempt dies too, the next one keeps it.
  if (resumeFrom) await saveCheckpoint(deps.db, request.runId, resumeFrom);

  return {
    ...deps,
    runId: request.runId,
    pump,
    progress,
    logger,
    resumeFrom,
    signal: request.signal,
  };
}

/** A retried run (the job queue's retry) goes on from its own checkpoint. */
async function ownCheckpoint(deps: SyncDependencies, runId: number) {
  const run = await findRun(deps.db, deps.memberId, runId);
  const checkpoint = run?.checkpoint ? (JSON.parse(run.checkpoint) as SyncCheckpoint) : null;
  return checkpoint && checkpoint.afterId > 0 ? checkpoint : null;
}

async function syncByMode(run: RunContext, request: SyncRequest) {
  if (request.mode === 'full') return fullSync(run);

  const since = await incrementalStart(run.db, run.memberId);
  if (since === null) {
    run.logger.info(
      { category: 'sync', syncRunId: run.runId },
      'no earlier sync: syncing everything',
    );
    return fullSync(run);
  }
  return incrementalSync(run, since);
}

async function summarise(
  run: RunContext,
  request: SyncRequest,
  result: { written: number; deleted: number; requests: number },
  startedAt: number,
): Promise<SyncSummary> {
  const houses = await run.db
    .selectFrom('houses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('memberId', '=', run.memberId)
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow();
  // Employees as the guide counts them: active people in a brigade.
  const employees = await run.db
    .selectFrom('employees')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('memberId', '=', run.memberId)
    .where('deletedAt', 'is', null)
    .where('active', '=', 1)
    .where('brigadeId', 'is not', null)
    .executeTakeFirstOrThrow();
  const brigades = await run.db
    .selectFrom('brigades')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('memberId', '=', run.memberId)
    .where('isBrigade', '=', 1)
    .executeTakeFirstOrThrow();

  return {
    runId: request.runId,
    mode: request.mode,
    houses: Number(houses.n),
    housesWritten: result.written,
    housesDeleted: result.deleted,
    employees: Number(employees.n),
    brigades: Number(brigades.n),
    requests: result.requests,
    seconds: (Date.now() - startedAt) / 1000,
  };
}
