import { afterEach, beforeEach, expect, it } from 'vitest';
import { runBrigadeDispatch } from '../../src/dispatch/index.js';
import { countOutbox } from '../../src/outbox/index.js';
import { describeStore } from '../support/test-store.js';
import {
  type CompletionHarness,
  jpegBase64,
  startCompletionHarness,
} from './support/completion-harness.js';
import { expectLinesMatchCompletions, portalDayLines } from './support/day-checklist-check.js';
import { busiestBrigade, cleaningsOn, type DayCleaning, peopleOf } from './support/demo-people.js';

describeStore('the day task’s checklist, whatever the order of marks and dispatch', () => {
  let harness: CompletionHarness;
  let day: DayCleaning[];
  let leader: { cookie: string };

  beforeEach(async () => {
    harness = await startCompletionHarness();
    const all = await cleaningsOn(harness.store.db, harness.emulator.memberId, harness.today);
    const brigadeId = busiestBrigade(all);
    day = all.filter((cleaning) => cleaning.brigadeId === brigadeId);
    const people = await peopleOf(harness.store.db, harness.emulator.memberId, brigadeId);
    leader = await harness.signIn(people.leaderId);
  });
  afterEach(async () => {
    await harness.close();
  });

  const dispatch = (tasks: 'brigade' | 'house' = 'brigade') =>
    runBrigadeDispatch(harness.store.db, harness.completionWorker(), {
      memberId: harness.emulator.memberId,
      date: harness.today,
      timeZone: 'Europe/Moscow',
      tasks,
      timeoutMs: 30_000,
    });
  const settle = () => harness.completionWorker().runDue();

  /** Marks the cleanings: even ones done with a photo, odd ones not done. */
  async function mark(cleanings: DayCleaning[]): Promise<void> {
    for (const [index, cleaning] of cleanings.entries()) {
      const done = index % 2 === 0;
      const answer = await harness.post(leader, {
        houseId: cleaning.houseId,
        date: cleaning.date,
        cleaningType: cleaning.cleaningType,
        slot: cleaning.slot,
        status: done ? 'done' : 'not_done',
        ...(done ? { photos: [jpegBase64(index)] } : { reason: `Нет доступа ${index}` }),
      });
      expect(answer.statusCode, answer.body).toBe(201);
    }
  }

  it('adds the lines of cleanings marked before the day was sent', async () => {
    await mark(day.slice(0, 4));
    await settle();
    expect((await portalDayLines(harness, harness.today)).size).toBe(0);

    const sent = await dispatch();

    expect(sent.checklistIds).toHaveLength(4);
    await expectLinesMatchCompletions(harness, harness.today);
    expect(await countOutbox(harness.store.db, harness.emulator.memberId)).toMatchObject({
      pending: 0,
      failed: 0,
    });
  });

  it('keeps one line per cleaning, marked before, between and after dispatches', async () => {
    await mark(day.slice(0, 2));
    await dispatch();
    await mark(day.slice(2, 5));
    await settle();
    await expectLinesMatchCompletions(harness, harness.today);

    const again = await dispatch();

    // Lines already written as they are now are not sent again.
    expect(again.checklistIds).toEqual([]);
    await expectLinesMatchCompletions(harness, harness.today);
  });

  it('moves the lines to the houses’ own tasks when the day is sent again per house', async () => {
    await mark(day.slice(0, 3));
    await dispatch();
    await expectLinesMatchCompletions(harness, harness.today);

    await dispatch('house');

    await expectLinesMatchCompletions(harness, harness.today);
    const doneHouse = day[0] as DayCleaning;
    const ownTask = harness
      .tasks()
      .find((task) => task.title.includes(`[AB house-plan:${doneHouse.houseId}:`));
    const task = harness.emulator.portal.state.tasks.get(Number(ownTask?.id));
    expect(task?.status).toBe('5');
    // A task for every house of the day, at the portal's rate limit.
  }, 90_000);
});
