import type { Kysely } from 'kysely';
import { type CalendarMode, type CalendarReconcile, reconcileCalendar } from '../calendar/index.js';
import type { OutboxEntry, OutboxWorker } from '../outbox/index.js';
import type { Database } from '../store/index.js';
import {
  type BrigadeDispatch,
  type BrigadeDispatchInput,
  dispatchOutboxIds,
  enqueueBrigadeDispatch,
} from './brigade-dispatch.js';

export interface DayDispatchInput extends BrigadeDispatchInput {
  /** Default `off`: the caller passes the configured `AUDIOBOT_CALENDAR`. */
  calendar?: CalendarMode;
}

/** A date's dispatch: its tasks and its cleanings' calendar events. */
export interface DayDispatch extends BrigadeDispatch {
  calendar: CalendarReconcile | null;
}

/**
 * Stores everything a date's dispatch writes to Bitrix24: the tasks (per brigade or per
 * house) and the calendar events of that day's cleanings, added, moved or removed.
 */
export async function enqueueDayDispatch(
  db: Kysely<Database>,
  input: DayDispatchInput,
): Promise<DayDispatch> {
  const tasks = await enqueueBrigadeDispatch(db, input);
  const mode = input.calendar ?? 'off';
  const calendar =
    mode === 'off'
      ? null
      : await reconcileCalendar(db, {
          memberId: input.memberId,
          mode,
          from: input.date,
          to: input.date,
          ...(input.now ? { now: input.now } : {}),
        });
  return { ...tasks, calendar };
}

export function dayDispatchOutboxIds(dispatch: DayDispatch): number[] {
  return [...dispatchOutboxIds(dispatch), ...(dispatch.calendar?.outboxIds ?? [])];
}

export interface DayDispatchRun extends DayDispatch {
  entries: OutboxEntry[];
}

/**
 * Enqueues the date's dispatch and runs it now, waiting out retries for at most
 * `timeoutMs`. Entries still pending then stay in the outbox for the next worker pass.
 */
export async function runDayDispatch(
  db: Kysely<Database>,
  worker: OutboxWorker,
  input: DayDispatchInput & { timeoutMs?: number },
): Promise<DayDispatchRun> {
  const dispatch = await enqueueDayDispatch(db, input);
  const entries = await worker.settle(dayDispatchOutboxIds(dispatch), input.timeoutMs ?? 120_000);
  return { ...dispatch, entries };
}
