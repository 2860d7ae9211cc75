import type { Kysely } from 'kysely';
import { dateInZone } from '../domain/index.js';
import { silentLogger, type WorkLogger } from '../jobs/index.js';
import type { OutboxWorker } from '../outbox/index.js';
import type { Database } from '../store/index.js';
import { reconcileCalendar } from './calendar-reconcile.js';
import { type CalendarMode, monthAfter } from './cleaning-events.js';

export interface CalendarFollow {
  /** One look now (tests, and the first tick). */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the events in step when the schedule changes between dispatches: whenever the
 * store's houses changed (a sync, or a CRM event's refresh), the days from today to the
 * end of next month are reconciled. Only days already dispatched get new events
 * (`addUntil: dispatched`); the rest wait for their dispatch.
 */
export function startCalendarFollow(options: {
  db: Kysely<Database>;
  memberId: string;
  mode: CalendarMode;
  timeZone: string;
  worker: OutboxWorker;
  intervalMs?: number;
  logger?: WorkLogger;
}): CalendarFollow {
  const logger = options.logger ?? silentLogger;
  let seen: string | null = null;
  let timer: NodeJS.Timeout | null = null;

  const look = async () => {
    if (options.mode === 'off') return;
    const changed = await lastHouseChange(options.db, options.memberId);
    if (changed === null || changed === seen) return;

    const today = dateInZone(new Date(), options.timeZone);
    const reconcile = await reconcileCalendar(options.db, {
      memberId: options.memberId,
      mode: options.mode,
      from: today,
      to: lastDayOf(monthAfter(today.slice(0, 7))),
      addUntil: 'dispatched',
    });
    seen = changed;
    if (reconcile.outboxIds.length === 0) return;
    logger.info({ category: 'calendar', ...reconcile, outboxIds: undefined }, 'calendar followed');
    await options.worker.runDue(reconcile.outboxIds);
  };
  // One look at a time: a second caller waits for the current one, then looks itself.
  let running: Promise<void> = Promise.resolve();
  const check = () => {
    running = running.catch(() => undefined).then(look);
    return running;
  };
  const tick = () => {
    check()
      .catch((error: unknown) => {
        logger.warn({ category: 'calendar', error: String(error) }, 'calendar follow failed');
      })
      .finally(() => {
        timer = setTimeout(tick, options.intervalMs ?? 60_000);
        timer.unref();
      });
  };

  tick();
  return {
    check,
    stop: () => {
      if (timer) clearTimeout(timer);
    },
  };
}

/** When a house row was last written: a sync or a refresh changed the plan. */
async function lastHouseChange(db: Kysely<Database>, memberId: string) {
  const row = await db
    .selectFrom('houses')
    .select((eb) => eb.fn.max('syncedAt').as('last'))
    .where('memberId', '=', memberId)
    .executeTakeFirst();
  return row?.last ?? null;
}

function lastDayOf(month: string): string {
  const next = new Date(`${monthAfter(month)}-01T00:00:00Z`);
  return new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
}
