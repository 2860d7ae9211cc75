import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type EnqueueOptions,
  type Job,
  type JobQueue,
  nextDailyAt,
  startSyncScheduler,
} from '../../src/jobs/index.js';

interface Enqueued {
  name: string;
  payload: unknown;
  options: EnqueueOptions | undefined;
  at: string;
}

function recordingQueue(): JobQueue & { enqueued: Enqueued[] } {
  const enqueued: Enqueued[] = [];
  return {
    enqueued,
    register: () => {},
    enqueue: async <P>(name: string, payload: P, options?: EnqueueOptions) => {
      enqueued.push({ name, payload, options, at: new Date().toISOString() });
      return { id: String(enqueued.length), name, payload } as Job<P>;
    },
    get: async () => null,
    start: () => {},
    stop: async () => {},
    drain: async () => {},
  };
}

describe('nextDailyAt', () => {
  it('finds 03:00 Moscow time later the same night', () => {
    const next = nextDailyAt(
      'Europe/Moscow',
      { hour: 3, minute: 0 },
      new Date('2026-12-03T21:10:00Z'),
    );
    expect(next.toISOString()).toBe('2026-12-04T00:00:00.000Z');
  });

  it('moves to the next day once the time has passed', () => {
    const next = nextDailyAt(
      'Europe/Moscow',
      { hour: 3, minute: 0 },
      new Date('2026-12-04T00:00:00Z'),
    );
    expect(next.toISOString()).toBe('2026-12-05T00:00:00.000Z');
  });

  it('respects daylight saving time in zones that have it', () => {
    const summer = nextDailyAt(
      'Europe/Berlin',
      { hour: 3, minute: 0 },
      new Date('2026-07-01T12:00:00Z'),
    );
    const winter = nextDailyAt(
      'Europe/Berlin',
      { hour: 3, minute: 0 },
      new Date('2026-12-01T12:00:00Z'),
    );
    expect(summer.toISOString()).toBe('2026-07-02T01:00:00.000Z');
    expect(winter.toISOString()).toBe('2026-12-02T02:00:00.000Z');
  });
});

describe('sync scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-03T23:45:00Z'));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('enqueues incremental syncs every N minutes and a full sync nightly', () => {
    const queue = recordingQueue();
    const scheduler = startSyncScheduler({
      queue,
      memberId: 'm1',
      schedule: {
        incrementalEveryMinutes: 10,
        fullSyncAt: { hour: 3, minute: 0 },
        timeZone: 'Europe/Moscow',
      },
    });

    vi.advanceTimersByTime(30 * 60_000);
    scheduler.stop();

    const modes = queue.enqueued.map((job) => [job.at, (job.payload as { mode: string }).mode]);
    expect(modes).toEqual([
      ['2026-12-03T23:55:00.000Z', 'incremental'],
      ['2026-12-04T00:00:00.000Z', 'full'],
      ['2026-12-04T00:05:00.000Z', 'incremental'],
      ['2026-12-04T00:15:00.000Z', 'incremental'],
    ]);
    expect(queue.enqueued[0]?.options?.idempotencyKey).toBe('sync:m1:incremental');
    expect(queue.enqueued[0]?.payload).toEqual({ memberId: 'm1', mode: 'incremental' });
  });

  it('turns a kind off with 0 minutes or no time', () => {
    const queue = recordingQueue();
    const scheduler = startSyncScheduler({
      queue,
      memberId: 'm1',
      schedule: { incrementalEveryMinutes: 0, fullSyncAt: null, timeZone: 'Europe/Moscow' },
    });

    vi.advanceTimersByTime(48 * 3_600_000);
    scheduler.stop();

    expect(scheduler.next()).toEqual({ incremental: null, full: null });
    expect(queue.enqueued).toEqual([]);
  });
});
