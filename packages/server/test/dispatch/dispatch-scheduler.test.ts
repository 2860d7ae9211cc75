import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalendarMode } from '../../src/calendar/index.js';
import {
  type BrigadeDispatchJobPayload,
  brigadeDispatchJobName,
  type DispatchTaskMode,
  registerBrigadeDispatchJob,
  startDispatchScheduler,
} from '../../src/dispatch/index.js';
import { InProcessQueue, type JobQueue } from '../../src/jobs/index.js';
import { countOutbox } from '../../src/outbox/index.js';
import { type OutboxHarness, startOutboxHarness } from '../outbox/support/outbox-harness.js';
import { firstCleaningDate } from '../support/cleaning-dates.js';
import { describeStore } from '../support/test-store.js';

describe('the daily dispatch schedule', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('queues the next day’s plans at 18:00 on the company’s clock, once per date', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-12-03T14:00:00Z')); // 17:00 in Moscow
    const enqueued: Array<{ payload: unknown; key: string | undefined }> = [];
    const queue = {
      enqueue: async (_name: string, payload: unknown, options?: { idempotencyKey?: string }) => {
        enqueued.push({ payload, key: options?.idempotencyKey });
        return {};
      },
    } as unknown as JobQueue;

    const scheduler = startDispatchScheduler({ queue, memberId: 'm1', timeZone: 'Europe/Moscow' });
    expect(scheduler.next().toISOString()).toBe('2026-12-03T15:00:00.000Z');
    await vi.advanceTimersByTimeAsync(60 * 60_000 + 1);
    scheduler.stop();

    expect(enqueued).toEqual([
      {
        payload: { memberId: 'm1', date: '2026-12-04' },
        key: 'brigade-dispatch:m1:2026-12-04',
      },
    ]);
    expect(scheduler.next().toISOString()).toBe('2026-12-04T15:00:00.000Z');
  });
});

describeStore('the brigade dispatch job', () => {
  let harness: OutboxHarness;

  beforeEach(async () => {
    harness = await startOutboxHarness(30);
    await harness.sync('full');
  });
  afterEach(async () => {
    await harness.close();
  });

  /** The job, through a real queue as the scheduler queues it, for the plan's first date. */
  async function runJobOnFirstDate(
    modes: { tasks?: DispatchTaskMode; calendar?: CalendarMode } = {},
  ): Promise<void> {
    const queue = new InProcessQueue();
    registerBrigadeDispatchJob(queue, {
      db: harness.store.db,
      worker: harness.worker(),
      timeZone: 'Europe/Moscow',
      ...modes,
    });
    const date = await firstCleaningDate(harness);

    queue.start();
    await queue.enqueue<BrigadeDispatchJobPayload>(brigadeDispatchJobName, {
      memberId: harness.emulator.memberId,
      date,
    });
    await queue.drain();
    await queue.stop();
  }

  it('stores the plans in the outbox and sends them', async () => {
    await runJobOnFirstDate();

    const counts = await countOutbox(harness.store.db, harness.emulator.memberId);
    expect(counts.done).toBeGreaterThan(0);
    expect(counts).toMatchObject({ pending: 0, failed: 0 });
    expect(harness.tasks()).toHaveLength(counts.done);
  });

  it('sends the date with the configured tasks and calendar', async () => {
    await runJobOnFirstDate({ tasks: 'house', calendar: 'brigade' });

    const counts = await countOutbox(harness.store.db, harness.emulator.memberId);
    expect(counts).toMatchObject({ pending: 0, failed: 0 });
    expect(harness.tasks().every((task) => task.title.includes('[AB house-plan:'))).toBe(true);
    expect(harness.events().length).toBeGreaterThan(0);
    expect(harness.tasks().length + harness.events().length).toBe(counts.done);
  });
});
