import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  brigadeDayPlans,
  brigadePlanMarker,
  cancelledTitlePrefix,
  type DispatchTaskMode,
  housePlanMarker,
  runBrigadeDispatch,
} from '../../src/dispatch/index.js';
import { countOutbox } from '../../src/outbox/index.js';
import { type OutboxHarness, startOutboxHarness } from '../outbox/support/outbox-harness.js';
import { busiestDate } from '../support/cleaning-dates.js';
import { describeStore } from '../support/test-store.js';

const ZONE = 'Europe/Moscow';

describeStore('one task per house and day (AUDIOBOT_DISPATCH_TASKS=house)', () => {
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

  function dispatch(tasks: DispatchTaskMode) {
    return runBrigadeDispatch(harness.store.db, harness.worker(), {
      memberId: harness.emulator.memberId,
      date,
      timeZone: ZONE,
      tasks,
      timeoutMs: 30_000,
    });
  }

  const active = () =>
    harness.tasks().filter((task) => !task.title.startsWith(cancelledTitlePrefix));
  const cancelled = () =>
    harness.tasks().filter((task) => task.title.startsWith(cancelledTitlePrefix));

  async function ledPlans() {
    const plans = await brigadeDayPlans(harness.store.db, harness.emulator.memberId, date);
    return plans.filter((plan) => plan.leaderId !== null);
  }

  /** Exactly one live task per house of the day, for its leader, bound to its deal. */
  async function expectOneTaskPerHouse(): Promise<void> {
    const plans = await ledPlans();
    const houses = plans.flatMap((plan) => plan.houses.map((house) => ({ plan, house })));
    expect(houses.length).toBeGreaterThan(1);
    expect(active()).toHaveLength(houses.length);
    for (const { plan, house } of houses) {
      const mine = active().filter((task) =>
        task.title.includes(housePlanMarker(house.houseId, date)),
      );
      expect(mine).toHaveLength(1);
      expect(mine[0]?.responsibleId).toBe(String(plan.leaderId));
      expect(mine[0]?.ufCrmTask).toEqual([`D_${house.houseId}`]);
    }
  }

  it('gives every house of the day its own task, and a rerun updates them', async () => {
    await dispatch('house');
    await expectOneTaskPerHouse();
    const ids = harness.tasks().map((task) => task.id);

    await dispatch('house');

    await expectOneTaskPerHouse();
    expect(harness.tasks().map((task) => task.id)).toEqual(ids);
  });

  it('rewrites the other kind’s tasks as cancelled when the setting changes', async () => {
    await dispatch('brigade');
    const brigadeTasks = harness.tasks().map((task) => task.id);

    await dispatch('house');
    await expectOneTaskPerHouse();
    expect(
      cancelled()
        .map((task) => task.id)
        .sort(),
    ).toEqual([...brigadeTasks].sort());
    expect(cancelled().every((task) => task.ufCrmTask.length === 0)).toBe(true);

    await dispatch('brigade');
    const plans = await ledPlans();
    expect(active()).toHaveLength(plans.length);
    for (const plan of plans) {
      const marker = brigadePlanMarker(plan.brigadeId, date);
      expect(active().filter((task) => task.title.includes(marker))).toHaveLength(1);
    }
    // The brigade tasks came back as the same tasks; every house task now says why it ended.
    expect(
      active()
        .map((task) => task.id)
        .sort(),
    ).toEqual([...brigadeTasks].sort());
    const houses = plans.reduce((sum, plan) => sum + plan.houses.length, 0);
    expect(cancelled()).toHaveLength(houses);
    const counts = await countOutbox(harness.store.db, harness.emulator.memberId);
    expect(counts).toMatchObject({ pending: 0, running: 0, failed: 0 });
  });

  it('cancels the task of a house whose cleaning left the day', async () => {
    await dispatch('house');
    const [plan] = await ledPlans();
    const gone = plan?.houses[0]?.houseId ?? 0;
    await harness.store.db
      .deleteFrom('cleanings')
      .where('memberId', '=', harness.emulator.memberId)
      .where('houseId', '=', gone)
      .where('date', '=', date)
      .execute();

    await dispatch('house');

    await expectOneTaskPerHouse();
    const ended = cancelled().filter((task) => task.title.includes(housePlanMarker(gone, date)));
    expect(ended).toHaveLength(1);
  });
});
