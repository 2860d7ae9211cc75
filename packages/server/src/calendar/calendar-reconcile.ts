import type { Kysely } from 'kysely';
import {
  type CalendarEventDeletePayload,
  type CalendarEventUpsertPayload,
  calendarEventDeleteKind,
  calendarEventUpsertKind,
  enqueueOutbox,
} from '../outbox/index.js';
import type { Database } from '../store/index.js';
import {
  type CalendarMode,
  type CleaningEvent,
  cleaningEvents,
  monthAfter,
} from './cleaning-events.js';

type Db = Kysely<Database>;

export interface CalendarReconcileInput {
  memberId: string;
  mode: CalendarMode;
  /** The days to bring in step, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /**
   * New events are added up to this day only (default `to`); later days are still moved
   * and removed. `dispatched` adds up to the latest day whose plans were sent (its tasks
   * are in the outbox): the days beyond get their events when they are dispatched.
   */
  addUntil?: string | 'dispatched';
  now?: Date;
}

export interface CalendarReconcile {
  /** Events added or changed (moved, renamed, carried to another calendar). */
  upserted: number;
  removed: number;
  unchanged: number;
  /** Cleanings with no calendar to go to (brigade mode: the brigade has no leader). */
  skipped: number;
  /** The entries to carry out: stored now, or stored before and still not done. */
  outboxIds: number[];
}

interface StoredEvent {
  id: number;
  /** Still to be carried out: a dispatch waits for it even when nothing changed. */
  open: boolean;
  kind: string;
  date: string | null;
  payload: string;
}

/**
 * Brings the cleanings' events of the days `from`..`to` in step with the plan, through the
 * outbox: an event for every cleaning on those days, moved when its date changed, and
 * removed when its cleaning is gone. Only what differs from the last stored intent is
 * enqueued, so running it often costs no calls to the portal. `off` changes nothing.
 */
export async function reconcileCalendar(
  db: Db,
  input: CalendarReconcileInput,
): Promise<CalendarReconcile> {
  const summary: CalendarReconcile = {
    upserted: 0,
    removed: 0,
    unchanged: 0,
    skipped: 0,
    outboxIds: [],
  };
  if (input.mode === 'off') return summary;

  const months = monthsBetween(input.from, input.to);
  const planned = await cleaningEvents(db, input.memberId, months, input.mode);
  const stored = await storedEvents(db, input.memberId, months);
  const desired = new Map(planned.events.map((event) => [event.key, event]));
  const addUntil = await addLimit(db, input, months);
  summary.skipped = planned.skipped;

  const now = input.now ?? new Date();
  for (const key of keysInScope(input, desired, stored)) {
    const step = await reconcileOne(db, input.memberId, key, {
      want: desired.get(key),
      have: stored.get(key),
      from: input.from,
      addUntil,
      now,
    });
    if (step === null) continue;
    if (step.id !== null) summary.outboxIds.push(step.id);
    summary[step.outcome] += 1;
  }
  return summary;
}

/**
 * The keys to look at: every key of a schedule slot (house, month, slot) that has a date
 * in the window, wanted or stored. A whole slot, because its dates share keys by their
 * order: when one date leaves, the others shift, and the last key of the slot goes.
 */
function keysInScope(
  input: CalendarReconcileInput,
  desired: Map<string, CleaningEvent>,
  stored: Map<string, StoredEvent>,
): string[] {
  const inWindow = (date: string | null | undefined) =>
    typeof date === 'string' && date >= input.from && date <= input.to;
  const slotOf = (key: string) => key.slice(0, key.lastIndexOf(':'));
  const keys = new Set([...desired.keys(), ...stored.keys()]);

  const slots = new Set<string>();
  for (const key of keys) {
    const have = stored.get(key);
    const live = have?.kind === calendarEventUpsertKind;
    if (inWindow(desired.get(key)?.date) || (live && inWindow(have?.date))) slots.add(slotOf(key));
  }
  return [...keys].filter((key) => slots.has(slotOf(key)));
}

async function reconcileOne(
  db: Db,
  memberId: string,
  key: string,
  state: { want?: CleaningEvent; have?: StoredEvent; from: string; addUntil: string; now: Date },
): Promise<{ outcome: 'upserted' | 'removed' | 'unchanged'; id: number | null } | null> {
  const { want, have, now } = state;
  const live = have?.kind === calendarEventUpsertKind;

  if (want) {
    if (live && have.payload === JSON.stringify(want.payload))
      return { outcome: 'unchanged', id: have.open ? have.id : null };
    // A new event only for a day of the window, up to the limit; a slot-mate outside it
    // is looked at for its key's sake, not added.
    if (!live && (want.date < state.from || want.date > state.addUntil)) return null;
    const entry = await enqueueOutbox(
      db,
      { memberId, kind: calendarEventUpsertKind, idempotencyKey: key, payload: want.payload },
      now,
    );
    return { outcome: 'upserted', id: entry.id };
  }
  if (!live) return null;

  const upsert = JSON.parse(have.payload) as CalendarEventUpsertPayload;
  const payload: CalendarEventDeletePayload = {
    marker: upsert.marker,
    location: upsert.location,
    month: upsert.month,
    date: upsert.event.date,
  };
  const entry = await enqueueOutbox(
    db,
    { memberId, kind: calendarEventDeleteKind, idempotencyKey: key, payload },
    now,
  );
  return { outcome: 'removed', id: entry.id };
}

/** The calendar entries of these months, by key, with the day each one last asked for. */
async function storedEvents(db: Db, memberId: string, months: string[]) {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'idempotencyKey', 'kind', 'payload', 'status'])
    .where('memberId', '=', memberId)
    .where((eb) =>
      eb.or(months.map((month) => eb('idempotencyKey', 'like', `cleaning-event:${month}:%`))),
    )
    .execute();

  const stored = new Map<string, StoredEvent>();
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as Partial<CalendarEventUpsertPayload>;
    stored.set(row.idempotencyKey, {
      id: Number(row.id),
      open: row.status === 'pending' || row.status === 'running',
      kind: row.kind,
      date: payload.event?.date ?? null,
      payload: row.payload,
    });
  }
  return stored;
}

async function addLimit(db: Db, input: CalendarReconcileInput, months: string[]) {
  if (input.addUntil !== 'dispatched') return input.addUntil ?? input.to;
  const rows = await db
    .selectFrom('outbox')
    .select('idempotencyKey')
    .where('memberId', '=', input.memberId)
    .where((eb) =>
      eb.or(
        months.flatMap((month) => [
          eb('idempotencyKey', 'like', `brigade-plan:%:${month}-%`),
          eb('idempotencyKey', 'like', `house-plan:%:${month}-%`),
        ]),
      ),
    )
    .execute();
  const dates = rows.map((row) => row.idempotencyKey.split(':')[2] ?? '');
  return dates.sort().at(-1) ?? '';
}

/** Every month the days touch: a key holds its month, so its events stay in it. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let month = from.slice(0, 7);
  const last = to.slice(0, 7);
  while (month <= last) {
    months.push(month);
    month = monthAfter(month);
  }
  return months;
}
