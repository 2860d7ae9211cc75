import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  type BrigadeDayPlan,
  brigadeDayPlans,
  brigadePlanMarker,
  enqueueBrigadeDispatch,
  runBrigadeDispatch,
} from '../../src/dispatch/index.js';
import { countOutbox, listOutbox } from '../../src/outbox/index.js';
import {
  losingFirstAdd,
  type OutboxHarness,
  startOutboxHarness,
} from '../outbox/support/outbox-harness.js';
import { busiestDate } from '../support/cleaning-dates.js';
import { describeStore } from '../support/test-store.js';

const ZONE = 'Europe/Moscow';

describeStore('daily brigade plans as Bitrix24 tasks', () => {
  let harness: OutboxHarness;
  let date: string;

  beforeEach(async () => {
    harness = await startOutboxHarness(60);
    await harness.sync('full');
    date = await busiestDate(harness);
  });
  afterEach(async () => {
    await harness.close();
  });

  async function plans(): Promise<BrigadeDayPlan[]> {
    return brigadeDayPlans(harness.store.db, harness.emulator.memberId, date);
  }

  function dispatch(worker = harness.worker()) {
    return runBrigadeDispatch(harness.store.db, worker, {
      memberId: harness.emulator.memberId,
      date,
      timeZone: ZONE,
      timeoutMs: 30_000,
    });
  }

  /** The portal holds exactly one task per plan, and each task says what the plan says. */
  async function expectPortalMatchesPlans(): Promise<void> {
    const expected = (await plans()).filter((plan) => plan.leaderId !== null);
    const tasks = harness.tasks();

    expect(expected.length).toBeGreaterThan(1);
    expect(tasks).toHaveLength(expected.length);
    for (const plan of expected) {
      const marker = brigadePlanMarker(plan.brigadeId, date);
      const mine = tasks.filter((task) => task.title.includes(marker));
      expect(mine, marker).toHaveLength(1);
      expect(mine[0]?.responsibleId).toBe(String(plan.leaderId));
      expect(mine[0]?.ufCrmTask).toEqual(plan.houses.map((house) => `D_${house.houseId}`));
    }
  }

  it('gives each brigade one task with its houses by address, bound to the deals', async () => {
    const run = await dispatch();

    await expectPortalMatchesPlans();
    expect(run.entries.every((entry) => entry.status === 'done')).toBe(true);
    const plan = (await plans())[0] as BrigadeDayPlan;
    const addresses = plan.houses.map((house) => house.address ?? '');
    expect(addresses).toEqual(
      [...addresses].sort(new Intl.Collator('ru', { numeric: true }).compare),
    );
    const task = harness.emulator.portal.state.tasks
      .values()
      .find((one) => one.title.includes(brigadePlanMarker(plan.brigadeId, date)));
    expect(task?.deadline).toMatch(new RegExp(`^${date}T23:59:59\\+03:00$`));
    expect(task?.description).toContain(`1. ${plan.houses[0]?.address}`);
  });

  it('updates the tasks to the current plan when run again for the same date', async () => {
    await dispatch();
    const [first] = await plans();
    const removed = first?.houses[0];
    await harness.store.db
      .deleteFrom('cleanings')
      .where('memberId', '=', harness.emulator.memberId)
      .where('houseId', '=', removed?.houseId ?? 0)
      .where('date', '=', date)
      .execute();

    await dispatch();

    await expectPortalMatchesPlans();
    const bindings = harness.tasks().flatMap((task) => task.ufCrmTask);
    expect(bindings).not.toContain(`D_${removed?.houseId}`);
  });

  it('tells a brigade whose day emptied that it has no cleanings, in the same task', async () => {
    await dispatch();
    const [first] = await plans();
    const houseIds = first?.houses.map((house) => house.houseId) ?? [];
    await harness.store.db
      .deleteFrom('cleanings')
      .where('memberId', '=', harness.emulator.memberId)
      .where('houseId', 'in', houseIds)
      .where('date', '=', date)
      .execute();
    const before = harness.tasks().length;

    await dispatch();

    const marker = brigadePlanMarker(first?.brigadeId ?? 0, date);
    const emptied = harness.tasks().filter((task) => task.title.includes(marker));
    expect(harness.tasks()).toHaveLength(before);
    expect(emptied).toHaveLength(1);
    expect(emptied[0]?.title).toContain('уборок нет');
    expect(emptied[0]?.ufCrmTask).toEqual([]);
  });

  it('holds exactly one task per plan after runs under rate limits, 5xx and drops', async () => {
    await harness.control('PUT', '/faults', {
      errors: [
        { status: 503, rate: 0.25, error: 'QUERY_LIMIT_EXCEEDED' },
        { status: 500, rate: 0.15 },
        { status: 502, rate: 0.1 },
      ],
      dropRate: 0.15,
      seed: 11,
    });

    for (let run = 0; run < 3; run += 1) await dispatch();

    await harness.control('DELETE', '/faults');
    await expectPortalMatchesPlans();
    const counts = await countOutbox(harness.store.db, harness.emulator.memberId);
    const sent = (await plans()).filter((plan) => plan.leaderId !== null).length;
    expect(counts).toMatchObject({ done: sent, pending: 0, running: 0, failed: 0 });
    expect(counts.retried).toBeGreaterThan(0);
  });

  it('adds nothing twice after a crash between the add and marking it done', async () => {
    const crashing = harness.worker({ portal: losingFirstAdd(harness.portal, 'hang') });
    void runBrigadeDispatch(harness.store.db, crashing, {
      memberId: harness.emulator.memberId,
      date,
      timeZone: ZONE,
    });
    await waitFor(() => harness.tasks().length === 1);
    const [stuck] = await listOutbox(harness.store.db, harness.emulator.memberId, {
      status: 'running',
    });
    expect(stuck).toBeDefined();

    // The next run, once the crashed run's lease is over, finishes every plan.
    const later = () => new Date(Date.now() + 10 * 60_000);
    await runBrigadeDispatch(harness.store.db, harness.worker({ now: later }), {
      memberId: harness.emulator.memberId,
      date,
      timeZone: ZONE,
      now: later(),
    });

    await expectPortalMatchesPlans();
    const counts = await countOutbox(harness.store.db, harness.emulator.memberId);
    expect(counts).toMatchObject({ pending: 0, running: 0, failed: 0 });
  });

  it('keeps the same outbox entry per brigade and date however often it is enqueued', async () => {
    const first = await enqueueBrigadeDispatch(harness.store.db, {
      memberId: harness.emulator.memberId,
      date,
      timeZone: ZONE,
    });
    const second = await enqueueBrigadeDispatch(harness.store.db, {
      memberId: harness.emulator.memberId,
      date,
      timeZone: ZONE,
    });

    expect(second.plans.map((plan) => plan.outboxIds)).toEqual(
      first.plans.map((plan) => plan.outboxIds),
    );
    const keys = (await listOutbox(harness.store.db, harness.emulator.memberId)).map(
      (entry) => entry.idempotencyKey,
    );
    expect(new Set(keys).size).toBe(first.plans.length);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!condition()) throw new Error('condition not met in 3 s');
}
