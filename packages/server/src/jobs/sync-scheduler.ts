import type { Config } from '../config/index.js';
import type { WorkLogger } from './job-logger.js';
import { silentLogger } from './job-logger.js';
import type { JobQueue } from './job-queue.js';
import { nextDailyAt } from './zoned-time.js';

export type SyncMode = 'full' | 'incremental';

/** What the scheduler enqueues; the sync module registers the handler for it. */
export interface SyncJobPayload {
  memberId: string;
  mode: SyncMode;
  /** A sync run created beforehand (e.g. by `POST /api/sync`), else the job creates one. */
  runId?: string;
}

export const syncJobName = 'sync';

export interface SyncSchedule {
  /** Minutes between incremental syncs; 0 turns them off. */
  incrementalEveryMinutes: number;
  /** Time on the company's clock for the nightly full sync; null turns it off. */
  fullSyncAt: { hour: number; minute: number } | null;
  /** The company's IANA zone, e.g. `Europe/Moscow`. */
  timeZone: string;
}

export const defaultSyncSchedule: SyncSchedule = {
  incrementalEveryMinutes: 10,
  fullSyncAt: { hour: 3, minute: 0 },
  timeZone: 'Europe/Moscow',
};

export interface SyncScheduler {
  /** When each kind runs next (null when turned off). */
  next(): { incremental: Date | null; full: Date | null };
  stop(): void;
}

/**
 * Enqueues the periodic syncs of one portal. The idempotency key per portal and
 * mode keeps a slow portal from piling up syncs: while one waits or runs, the next
 * tick is a no-op.
 */
export function startSyncScheduler(options: {
  queue: JobQueue;
  memberId: string;
  schedule?: SyncSchedule;
  logger?: WorkLogger;
}): SyncScheduler {
  const schedule = options.schedule ?? defaultSyncSchedule;
  const logger = options.logger ?? silentLogger;
  const timers = new Set<NodeJS.Timeout>();
  const next: { incremental: Date | null; full: Date | null } = { incremental: null, full: null };

  const enqueue = (mode: SyncMode) => {
    const payload: SyncJobPayload = { memberId: options.memberId, mode };
    const idempotencyKey = `${syncJobName}:${options.memberId}:${mode}`;

    options.queue.enqueue(syncJobName, payload, { idempotencyKey }).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(
        { category: 'jobs', memberId: options.memberId, mode, error: message },
        'scheduled sync not queued',
      );
    });
  };

  const arm = (mode: SyncMode, at: Date | null, reschedule: () => Date | null) => {
    next[mode] = at;
    if (!at) return;

    const timer = setTimeout(
      () => {
        timers.delete(timer);
        enqueue(mode);
        arm(mode, reschedule(), reschedule);
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    timer.unref();
    timers.add(timer);
  };

  const nextIncremental = () =>
    schedule.incrementalEveryMinutes > 0
      ? new Date(Date.now() + schedule.incrementalEveryMinutes * 60_000)
      : null;
  const nextFull = () =>
    schedule.fullSyncAt ? nextDailyAt(schedule.timeZone, schedule.fullSyncAt, new Date()) : null;

  arm('incremental', nextIncremental(), nextIncremental);
  arm('full', nextFull(), nextFull);
  logger.info({ category: 'jobs', memberId: options.memberId, next }, 'sync schedule armed');

  return {
    next: () => ({ ...next }),
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** The schedule the configuration asks for (`AUDIOBOT_SYNC_*`, `AUDIOBOT_TIME_ZONE`). */
export function syncScheduleOf(config: Pick<Config, 'sync' | 'timeZone'>): SyncSchedule {
  return {
    incrementalEveryMinutes: config.sync.incrementalMinutes,
    fullSyncAt: config.sync.fullAt,
    timeZone: config.timeZone,
  };
}
