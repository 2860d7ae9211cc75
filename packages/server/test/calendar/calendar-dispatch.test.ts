import { afterEach, beforeEach, expect, it } from 'vitest';
import { reconcileCalendar, startCalendarFollow } from '../../src/calendar/index.js';
import { type DayDispatchInput, runDayDispatch } from '../../src/dispatch/index.js';
import { countOutbox, listOutbox, type OutboxWorker } from '../../src/outbox/index.js';
import {
  losingFirstAdd,
  type OutboxHarness,
  startOutboxHarness,
} from '../outbox/support/outbox-harness.js';
import { busiestDate } from '../support/cleaning-dates.js';
import { describeStore } from '../support/test-store.js';
import {
  bindingOf,
  expectEventsMatchPlan,
  plannedCleanings,
} from './support/calendar-expectations.js';

const ZONE = 'Europe/Moscow';

describeStore('cleanings as calendar events, kept in step with the plan', () => {
  let harness: OutboxHarness;
  let date: string;

  beforeEach(async () => {
    harness = await startOutboxHarness(60, { unlimited: true });
    await harness.sync('full');
    date = await busiestDate(harness);
  });
  afterEach(async () => {
    await harness.close();
  });

  function dispatch(
    calendar: DayDispatchInput['calendar'] = 'brigade',
    worker: OutboxWorker = harness.worker(),
    now?: Date,
  ) {
    return runDayDispatch(harness.store.db, worker, {
      memberId: harness.emulator.memberId,
      date,
      timeZone: ZONE,
      calendar,
      timeoutMs: 30_000,
      ...(now ? { now } : {}),
    });
  }

  async function moveCleaning(houseId: number, to: string): Promise<void> {
    await harness.store.db
      .updateTable('cleanings')
      .set({ date: to })
      .where('memberId', '=', harness.emulator.memberId)
      .where('houseId', '=', houseId)
      .where('date', '=', date)
      .execute();
  }

  it('puts each cleaning of the day in its leader’s section, bound to the deal', async () => {
    const run = await dispatch();

    const events = await expectEventsMatchPlan(harness, date, 'brigade');
    expect(run.calendar?.upserted).toBe(events.length);
    expect(harness.events()).toHaveLength(events.length); // no other day's cleaning
    expect(run.entries.every((entry) => entry.status === 'done')).toBe(true);
    expect(events[0]?.name).toMatch(/^Уборка: /);
    expect(events[0]?.description).toContain('[AB cleaning-event:');
  });

  it('adds the events of the day only, not the earlier dates of the same slots', async () => {
    const rows = await harness.store.db
      .selectFrom('cleanings')
      .select(['houseId', 'slot', 'date'])
      .where('memberId', '=', harness.emulator.memberId)
      .orderBy('date')
      .execute();
    const seen = new Set<string>();
    const later = rows.find((row) => {
      const slot = `${row.houseId}:${row.slot}:${row.date.slice(0, 7)}`;
      if (seen.has(slot)) return true;
      seen.add(slot);
      return false;
    });
    expect(later).toBeDefined();
    date = later?.date ?? date;

    await dispatch();

    const events = await expectEventsMatchPlan(harness, date, 'brigade');
    expect(harness.events()).toHaveLength(events.length);
  });

  it('moves an event with its cleaning, removes it when the house leaves the month', async () => {
    await dispatch();
    const [moved, removed] = await plannedCleanings(harness, date);
    const before = harness.events();
    const movedEvent = before.find((event) => bindingOf(event) === `D_${moved?.houseId}`);
    const later = nextDay(date);
    await moveCleaning(moved?.houseId ?? 0, later);
    await harness.store.db
      .deleteFrom('cleanings')
      .where('memberId', '=', harness.emulator.memberId)
      .where('houseId', '=', removed?.houseId ?? 0)
      .where('date', 'like', `${date.slice(0, 7)}-%`)
      .execute();

    const rerun = await dispatch();
    await expectEventsMatchPlan(harness, date, 'brigade');
    const after = harness.events();
    expect(rerun.calendar).toMatchObject({ removed: 1 });
    expect(after.find((event) => event.id === movedEvent?.id)?.date).toBe(later);
    expect(after.filter((event) => bindingOf(event) === `D_${removed?.houseId}`)).toEqual([]);
    expect(after).toHaveLength(before.length - 1);
  });

  it('changes nothing on a rerun of an unchanged plan, and follows a later sync', async () => {
    await dispatch();
    const rerun = await dispatch();
    expect(rerun.calendar).toMatchObject({ upserted: 0, removed: 0 });
    expect(rerun.calendar?.unchanged).toBeGreaterThan(1);

    const [moved] = await plannedCleanings(harness, date);
    await moveCleaning(moved?.houseId ?? 0, nextDay(date));
    const followed = await reconcileCalendar(harness.store.db, {
      memberId: harness.emulator.memberId,
      mode: 'brigade',
      from: date,
      to: nextDay(date),
      addUntil: 'dispatched',
    });
    await harness.worker().settle(followed.outboxIds, 30_000);

    expect(followed.upserted).toBe(1);
    await expectEventsMatchPlan(harness, date, 'brigade');
    const movedEvents = harness.events().filter((e) => bindingOf(e) === `D_${moved?.houseId}`);
    expect(movedEvents.map((event) => event.date)).toEqual([nextDay(date)]);
  });

  it('follows a sync that moved a cleaning, in the server’s background', async () => {
    await dispatch();
    const [moved] = await plannedCleanings(harness, date);
    const worker = harness.worker();
    const follow = startCalendarFollow({
      db: harness.store.db,
      memberId: harness.emulator.memberId,
      mode: 'brigade',
      timeZone: ZONE,
      worker,
      intervalMs: 60_000,
    });
    try {
      await follow.check(); // its first look, at the start: the calendar is in step
      await moveCleaning(moved?.houseId ?? 0, nextDay(date));
      await follow.check(); // the houses did not change: nothing to look at yet
      expect(harness.events().filter((e) => e.date === nextDay(date))).toEqual([]);

      await harness.store.db
        .updateTable('houses')
        .set({ syncedAt: new Date(Date.now() + 1000).toISOString() })
        .where('memberId', '=', harness.emulator.memberId)
        .where('id', '=', moved?.houseId ?? 0)
        .execute();
      await follow.check();
    } finally {
      follow.stop();
    }

    const movedEvents = harness.events().filter((e) => bindingOf(e) === `D_${moved?.houseId}`);
    expect(movedEvents.map((event) => event.date)).toEqual([nextDay(date)]);
  });

  it('carries the events to the company calendar when the setting changes', async () => {
    await dispatch('brigade');
    const count = harness.events().length;

    await dispatch('company');

    await expectEventsMatchPlan(harness, date, 'company');
    expect(harness.events()).toHaveLength(
      (await plannedCleanings(harness, date)).length, // company: brigades without leader too
    );
    expect(harness.events().length).toBeGreaterThanOrEqual(count);
    expect(harness.events().every((event) => event.name.includes('('))).toBe(true);
  });

  it('holds one event per cleaning after runs under rate limits, 5xx and drops', async () => {
    await harness.control('PUT', '/faults', {
      errors: [
        { status: 503, rate: 0.2, error: 'QUERY_LIMIT_EXCEEDED' },
        { status: 500, rate: 0.1 },
        { status: 502, rate: 0.1 },
      ],
      dropRate: 0.15,
      seed: 7,
    });

    for (let run = 0; run < 3; run += 1) await dispatch();

    await harness.control('DELETE', '/faults');
    await expectEventsMatchPlan(harness, date, 'brigade');
    const counts = await countOutbox(harness.store.db, harness.emulator.memberId);
    expect(counts).toMatchObject({ pending: 0, running: 0, failed: 0 });
    expect(counts.retried).toBeGreaterThan(0);
  });

  it('adds no second event after a run died right after calendar.event.add', async () => {
    const crashing = harness.worker({
      portal: losingFirstAdd(harness.portal, 'hang', 'calendar.event.add'),
    });
    void dispatch('brigade', crashing);
    await waitFor(() => harness.events().length === 1);
    const stuck = await listOutbox(harness.store.db, harness.emulator.memberId, {
      status: 'running',
    });
    expect(stuck).toHaveLength(1);

    // The next run, once the dead run's lease is over, finds that event by its marker.
    const later = () => new Date(Date.now() + 10 * 60_000);
    await dispatch('brigade', harness.worker({ now: later }), later());

    await expectEventsMatchPlan(harness, date, 'brigade');
    const [recovered] = await listOutbox(harness.store.db, harness.emulator.memberId, {
      kind: 'bitrix24.calendar.event.upsert',
      limit: 500,
    }).then((entries) => entries.filter((entry) => entry.id === stuck[0]?.id));
    expect(recovered?.result).toMatchObject({ via: 'marker' });
  });

  it('removes the event a dead run added when the house then changed brigade', async () => {
    const crashing = harness.worker({
      portal: losingFirstAdd(harness.portal, 'hang', 'calendar.event.add'),
    });
    void dispatch('brigade', crashing);
    await waitFor(() => harness.events().length === 1);
    const [stuck] = await listOutbox(harness.store.db, harness.emulator.memberId, {
      status: 'running',
    });
    const houseId = houseOfKey(stuck?.idempotencyKey ?? '');
    const house = await harness.store.db
      .selectFrom('houses')
      .select('brigadeId')
      .where('memberId', '=', harness.emulator.memberId)
      .where('id', '=', houseId)
      .executeTakeFirstOrThrow();
    const other = await harness.store.db
      .selectFrom('brigades')
      .select('id')
      .where('memberId', '=', harness.emulator.memberId)
      .where('isBrigade', '=', 1)
      .where('headId', 'is not', null)
      .where('id', '!=', Number(house.brigadeId))
      .executeTakeFirstOrThrow();
    await harness.store.db
      .updateTable('houses')
      .set({ brigadeId: Number(other.id) })
      .where('memberId', '=', harness.emulator.memberId)
      .where('id', '=', houseId)
      .execute();

    const later = () => new Date(Date.now() + 10 * 60_000);
    await dispatch('brigade', harness.worker({ now: later }), later());

    // One event for the house, in the new leader's calendar (the check names the owner).
    await expectEventsMatchPlan(harness, date, 'brigade');
    const mine = harness.events().filter((event) => bindingOf(event) === `D_${houseId}`);
    expect(mine).toHaveLength(1);
  });
});

/** The house of a calendar key `cleaning-event:<month>:<house>:<slot>:<n>`. */
function houseOfKey(key: string): number {
  return Number(key.split(':')[2]);
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!condition()) throw new Error('condition not met in 5 s');
}
