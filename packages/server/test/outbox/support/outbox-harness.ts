import { Bitrix24Error, createBitrix24Client } from '@audiobot/bitrix24';
import type { PortalCaller } from '../../../src/outbox/index.js';
import { OutboxWorker, taskUpsertOperation } from '../../../src/outbox/index.js';
import { type SyncHarness, startHarness } from '../../sync/sync-harness.js';

/** The demo portal, a store, and an outbox worker whose retries are quick. */
export interface OutboxHarness extends SyncHarness {
  /** One HTTP attempt per call: every fault reaches the outbox, which must absorb it. */
  portal: PortalCaller;
  worker(options?: { portal?: PortalCaller; now?: () => Date; leaseMs?: number }): OutboxWorker;
  /** The portal's tasks as the emulator holds them. */
  tasks(): Array<{ id: string; title: string; responsibleId: string; ufCrmTask: string[] }>;
}

export async function startOutboxHarness(houses = 60): Promise<OutboxHarness> {
  const harness = await startHarness({ houses });
  const portal = createBitrix24Client({
    auth: { type: 'webhook', webhookUrl: harness.emulator.webhookUrl },
    retry: { maxAttempts: 1 },
  });

  return {
    ...harness,
    portal,
    worker: (options = {}) =>
      new OutboxWorker({
        db: harness.store.db,
        portal: options.portal ?? portal,
        memberId: harness.emulator.memberId,
        operations: [taskUpsertOperation],
        retry: { maxAttempts: 40, baseDelayMs: 5, maxDelayMs: 40 },
        ...(options.now ? { now: options.now } : {}),
        ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
      }),
    tasks: () =>
      harness.emulator.portal.state.tasks.values().map((task) => ({
        id: task.id,
        title: task.title,
        responsibleId: task.responsibleId,
        ufCrmTask: task.ufCrmTask,
      })),
  };
}

/**
 * A portal whose answer to the first `tasks.task.add` never arrives although the task
 * was added: `lose` throws a dropped connection (the client retries), `hang` never
 * settles (the process died there: nothing after the add runs).
 */
export function losingFirstAdd(portal: PortalCaller, mode: 'lose' | 'hang'): PortalCaller {
  let lost = false;

  return {
    call: (async (method: string, params?: Record<string, unknown>, options?: object) => {
      const answer = await portal.call(method, params, options);
      if (method !== 'tasks.task.add' || lost) return answer;

      lost = true;
      if (mode === 'hang') return new Promise(() => {});
      throw new Bitrix24Error({
        kind: 'network',
        code: 'CLIENT_NETWORK_ERROR',
        description: 'The connection closed before the answer (simulated)',
        status: null,
        method,
        missingScope: null,
        retryable: true,
      });
    }) as PortalCaller['call'],
  };
}
