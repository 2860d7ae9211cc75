import type { Kysely } from 'kysely';
import type { CalendarMode } from '../calendar/index.js';
import { dateInZone } from '../domain/index.js';
import { type JobQueue, nextDailyAt, silentLogger, type WorkLogger } from '../jobs/index.js';
import type { OutboxWorker } from '../outbox/index.js';
import type { Database } from '../store/index.js';
import type { DispatchTaskMode } from './brigade-dispatch.js';
import { dayDispatchOutboxIds, enqueueDayDispatch } from './day-dispatch.js';

export const brigadeDispatchJobName = 'brigade-dispatch';

export interface BrigadeDispatchJobPayload {
  memberId: string;
  /** The local date whose plans are sent. */
  date: string;
}

/**
 * The job that sends a date's dispatch (tasks and calendar events): it stores them in the
 * outbox and asks the worker for a pass. Nothing is lost if the pass fails: the entries
 * wait in the outbox for the worker's next poll.
 */
export function registerBrigadeDispatchJob(
  queue: JobQueue,
  dependencies: {
    db: Kysely<Database>;
    worker: OutboxWorker;
    timeZone: string;
    tasks?: DispatchTaskMode;
    calendar?: CalendarMode;
  },
): void {
  const { db, worker, ...settings } = dependencies;
  queue.register<BrigadeDispatchJobPayload>(
    brigadeDispatchJobName,
    async (payload) => {
      const dispatch = await enqueueDayDispatch(db, { ...payload, ...settings });
      await worker.runDue(dayDispatchOutboxIds(dispatch));
    },
    { concurrencyKey: (payload) => `${brigadeDispatchJobName}:${payload.memberId}` },
  );
}

export interface DispatchScheduler {
  /** When the next day's plans are sent. */
  next(): Date;
  stop(): void;
}

/**
 * Every day at `at` on the company's clock (default 18:00), queues the job for the next
 * day's plans. The key per portal and date makes a second tick for the same date a no-op
 * while the first one waits or runs.
 */
export function startDispatchScheduler(options: {
  queue: JobQueue;
  memberId: string;
  timeZone: string;
  at?: { hour: number; minute: number };
  logger?: WorkLogger;
}): DispatchScheduler {
  const at = options.at ?? { hour: 18, minute: 0 };
  const logger = options.logger ?? silentLogger;
  let next = nextDailyAt(options.timeZone, at, new Date());
  let timer: NodeJS.Timeout | null = null;

  const fire = () => {
    const date = dateInZone(new Date(Date.now() + 24 * 60 * 60_000), options.timeZone);
    const payload: BrigadeDispatchJobPayload = { memberId: options.memberId, date };
    const idempotencyKey = `${brigadeDispatchJobName}:${options.memberId}:${date}`;
    options.queue.enqueue(brigadeDispatchJobName, payload, { idempotencyKey }).catch((error) => {
      logger.error(
        { category: 'dispatch', memberId: options.memberId, date, error: String(error) },
        'scheduled brigade dispatch not queued',
      );
    });
  };
  const arm = () => {
    timer = setTimeout(
      () => {
        fire();
        next = nextDailyAt(options.timeZone, at, new Date(Date.now() + 1000));
        arm();
      },
      Math.max(0, next.getTime() - Date.now()),
    );
    timer.unref();
  };

  arm();
  logger.info({ category: 'dispatch', memberId: options.memberId, next }, 'dispatch scheduled');
  return {
    next: () => next,
    stop: () => {
      if (timer) clearTimeout(timer);
    },
  };
}
