import { afterEach, describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../src/jobs/index.js';

const queues: InProcessQueue[] = [];

function newQueue(): InProcessQueue {
  const queue = new InProcessQueue({ random: () => 0 });
  queues.push(queue);
  return queue;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.stop()));
});

describe('in-process job queue', () => {
  it('runs a registered job with its payload', async () => {
    const queue = newQueue();
    const seen: string[] = [];
    queue.register<{ word: string }>('echo', async (payload) => {
      seen.push(payload.word);
    });
    queue.start();

    const job = await queue.enqueue('echo', { word: 'дом' });
    await queue.drain();

    expect(seen).toEqual(['дом']);
    expect((await queue.get(job.id))?.status).toBe('succeeded');
  });

  it('refuses a job without a handler', async () => {
    await expect(newQueue().enqueue('nobody', {})).rejects.toThrow(/No handler/);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const queue = newQueue();
    const startedAt: number[] = [];
    queue.register(
      'flaky',
      async () => {
        startedAt.push(Date.now());
        if (startedAt.length < 3) throw new Error('503 from the portal');
      },
      { retry: { maxAttempts: 3, baseDelayMs: 40, maxDelayMs: 1_000 } },
    );
    queue.start();

    const job = await queue.enqueue('flaky', {});
    await queue.drain();

    const finished = await queue.get(job.id);
    expect(finished?.status).toBe('succeeded');
    expect(finished?.attempts).toBe(3);
    // Full jitter at random()=0 waits half the delay: 20 ms, then 40 ms.
    expect(startedAt[1]! - startedAt[0]!).toBeGreaterThanOrEqual(15);
    expect(startedAt[2]! - startedAt[1]!).toBeGreaterThanOrEqual(35);
  });

  it('gives up after the last attempt and keeps the error', async () => {
    const queue = newQueue();
    queue.register(
      'broken',
      async () => {
        throw new Error('still down');
      },
      { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } },
    );
    queue.start();

    const job = await queue.enqueue('broken', {});
    await queue.drain();

    const finished = await queue.get(job.id);
    expect(finished).toMatchObject({ status: 'failed', attempts: 2, lastError: 'still down' });
  });

  it('does not retry an error the handler marks as permanent', async () => {
    const queue = newQueue();
    let calls = 0;
    queue.register(
      'denied',
      async () => {
        calls += 1;
        throw new Error('insufficient_scope');
      },
      { retry: { maxAttempts: 5, baseDelayMs: 1 }, isRetryable: () => false },
    );
    queue.start();

    await queue.enqueue('denied', {});
    await queue.drain();

    expect(calls).toBe(1);
  });

  it('returns the open job for a repeated idempotency key', async () => {
    const queue = newQueue();
    const gate = deferred();
    let calls = 0;
    queue.register('sync', async () => {
      calls += 1;
      await gate.promise;
    });
    queue.start();

    const first = await queue.enqueue('sync', {}, { idempotencyKey: 'sync:portal-a' });
    const second = await queue.enqueue('sync', {}, { idempotencyKey: 'sync:portal-a' });
    gate.resolve();
    await queue.drain();
    const third = await queue.enqueue('sync', {}, { idempotencyKey: 'sync:portal-a' });
    await queue.drain();

    expect(second.id).toBe(first.id);
    expect(third.id).not.toBe(first.id);
    expect(calls).toBe(2);
  });

  it('runs one job per concurrency key at a time, other keys in parallel', async () => {
    const queue = newQueue();
    const events: string[] = [];
    queue.register<{ portal: string; n: number }>(
      'sync',
      async ({ portal, n }) => {
        events.push(`start ${portal}${n}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`end ${portal}${n}`);
      },
      { concurrencyKey: (payload) => payload.portal },
    );
    queue.start();

    await queue.enqueue('sync', { portal: 'a', n: 1 });
    await queue.enqueue('sync', { portal: 'a', n: 2 });
    await queue.enqueue('sync', { portal: 'b', n: 1 });
    await queue.drain();

    expect(events.slice(0, 2).sort()).toEqual(['start a1', 'start b1']);
    expect(events.indexOf('start a2')).toBeGreaterThan(events.indexOf('end a1'));
  });

  it('waits for runAt before running a job', async () => {
    const queue = newQueue();
    let ranAt = 0;
    queue.register('later', async () => {
      ranAt = Date.now();
    });
    queue.start();

    const runAt = new Date(Date.now() + 50);
    await queue.enqueue('later', {}, { runAt });
    await queue.drain();

    expect(ranAt).toBeGreaterThanOrEqual(runAt.getTime() - 2);
  });

  it('aborts a running job on stop and does not retry it', async () => {
    const queue = newQueue();
    let aborted = false;
    queue.register('long', async (_payload, { signal }) => {
      await new Promise<void>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('stopped'));
        });
      });
    });
    queue.start();

    const job = await queue.enqueue('long', {});
    await new Promise((resolve) => setTimeout(resolve, 5));
    await queue.stop();

    expect(aborted).toBe(true);
    expect((await queue.get(job.id))?.status).toBe('failed');
  });
});
