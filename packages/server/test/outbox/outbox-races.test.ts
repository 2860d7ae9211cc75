import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  enqueueOutbox,
  getOutboxEntries,
  type PortalCaller,
  taskUpsertKind,
} from '../../src/outbox/index.js';
import { describeStore } from '../support/test-store.js';
import { type OutboxHarness, startOutboxHarness } from './support/outbox-harness.js';

function intent(harness: OutboxHarness, n: number, title = 'Задача') {
  const marker = `[AB race:${n}]`;
  return {
    memberId: harness.emulator.memberId,
    kind: taskUpsertKind,
    idempotencyKey: `race:${n}`,
    payload: { marker, fields: { TITLE: `${title} ${marker}`, RESPONSIBLE_ID: 1 } },
  };
}

describeStore('outbox under concurrency and lasting outages', () => {
  let harness: OutboxHarness;

  beforeEach(async () => {
    harness = await startOutboxHarness(10);
  });
  afterEach(async () => {
    await harness.close();
  });

  it('lets two workers share the entries without running one twice', async () => {
    for (let n = 1; n <= 6; n += 1)
      await enqueueOutbox(harness.store.db, intent(harness, n), new Date());

    const [a, b] = await Promise.all([harness.worker().runDue(), harness.worker().runDue()]);

    expect((a?.done ?? 0) + (b?.done ?? 0)).toBe(6);
    expect(harness.tasks()).toHaveLength(6);
  });

  it('does not mark done a run whose payload was replaced: the new one is sent', async () => {
    const entry = await enqueueOutbox(harness.store.db, intent(harness, 1, 'Старое'), new Date());
    const replacing: PortalCaller = {
      call: (async (method: string, params?: Record<string, unknown>, options?: object) => {
        const answer = await harness.portal.call(method, params, options);
        if (method === 'tasks.task.add') {
          await enqueueOutbox(harness.store.db, intent(harness, 1, 'Новое'), new Date());
        }
        return answer;
      }) as PortalCaller['call'],
    };

    const summary = await harness.worker({ portal: replacing }).runDue([entry.id]);

    // Marked done after the first run, the entry would keep the old title on the portal.
    expect(summary).toEqual({ attempted: 2, done: 1, retried: 0, failed: 0, replaced: 1 });
    expect(harness.tasks()).toHaveLength(1);
    expect(harness.tasks()[0]?.title).toBe('Новое [AB race:1]');
    const [done] = await getOutboxEntries(harness.store.db, [entry.id]);
    expect(done).toMatchObject({ status: 'done', revision: 2, result: { via: 'stored_id' } });
  });

  it('leaves an attempt that stop() cut short due again at once, not failed', async () => {
    const entry = await enqueueOutbox(harness.store.db, intent(harness, 1), new Date());
    const waitingForever: PortalCaller = {
      call: ((_method: string, _params?: unknown, options?: { signal?: AbortSignal }) =>
        new Promise((_resolve, reject) => {
          options?.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        })) as PortalCaller['call'],
    };
    const worker = harness.worker({ portal: waitingForever });

    const pass = worker.runDue();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.stop();
    await pass;

    const [stopped] = await getOutboxEntries(harness.store.db, [entry.id]);
    expect(stopped).toMatchObject({ status: 'pending', lockedUntil: null });
    expect(stopped?.lastError?.code).toBe('outbox_interrupted');
    expect((await harness.worker().runDue()).done).toBe(1);
  });

  it('gives up after its attempts on a lasting outage, keeping entry and reason', async () => {
    await harness.control('PUT', '/faults', {
      errors: [{ status: 503, rate: 1, error: 'QUERY_LIMIT_EXCEEDED' }],
    });
    const entry = await enqueueOutbox(harness.store.db, intent(harness, 1), new Date());
    const worker = harness.worker();

    const [settled] = await worker.settle([entry.id], 15_000);

    expect(settled).toMatchObject({ status: 'failed', attempts: 40 });
    expect(settled?.lastError?.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(harness.tasks()).toHaveLength(0);
  });
});
