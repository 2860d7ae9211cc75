import { Bitrix24Error, createBitrix24Client } from '@audiobot/bitrix24';
import type { RunningEmulator } from '@audiobot/emulator';
import { dateInZone } from '../../../src/domain/index.js';
import type { PortalCaller } from '../../../src/outbox/index.js';
import { OutboxWorker, outboxOperations } from '../../../src/outbox/index.js';
import { type SyncHarness, startHarness } from '../../sync/sync-harness.js';

/** The demo portal, a store, and an outbox worker whose retries are quick. */
export interface OutboxHarness extends SyncHarness {
  /** One HTTP attempt per call: every fault reaches the outbox, which must absorb it. */
  portal: PortalCaller;
  worker(options?: { portal?: PortalCaller; now?: () => Date; leaseMs?: number }): OutboxWorker;
  /** The portal's tasks as the emulator holds them. */
  tasks(): Array<{ id: string; title: string; responsibleId: string; ufCrmTask: string[] }>;
  /** The portal's calendar events as the emulator holds them; `date` is the Moscow day. */
  events(): PortalEvent[];
}

export interface PortalEvent {
  id: string;
  type: string;
  ownerId: string;
  sectionName: string;
  name: string;
  date: string;
  crmFields: string[];
  description: string;
}

/**
 * `unlimited`: the emulator and the client let every call through at once (the portal's
 * rate limit then comes in only as injected faults), so long runs stay fast.
 */
export async function startOutboxHarness(
  houses = 60,
  options: { unlimited?: boolean } = {},
): Promise<OutboxHarness> {
  const harness = await startHarness({ houses });
  const unlimited = { drainPerSecond: 10_000, capacity: 100_000 };
  if (options.unlimited) await harness.control('PUT', '/limits', unlimited);
  const portal = createBitrix24Client({
    auth: { type: 'webhook', webhookUrl: harness.emulator.webhookUrl },
    retry: { maxAttempts: 1 },
    ...(options.unlimited ? { plan: unlimited } : {}),
  });

  return {
    ...harness,
    portal,
    worker: (options = {}) =>
      new OutboxWorker({
        db: harness.store.db,
        portal: options.portal ?? portal,
        memberId: harness.emulator.memberId,
        operations: outboxOperations,
        retry: { maxAttempts: 40, baseDelayMs: 5, maxDelayMs: 40 },
        ...(options.now ? { now: options.now } : {}),
        ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
      }),
    tasks: () => portalTasks(harness.emulator),
    events: () => portalEvents(harness.emulator),
  };
}

/** The portal's tasks as the emulator holds them. */
export function portalTasks(emulator: RunningEmulator) {
  return emulator.portal.state.tasks.values().map((task) => ({
    id: task.id,
    title: task.title,
    responsibleId: task.responsibleId,
    ufCrmTask: task.ufCrmTask,
  }));
}

/** The portal's calendar events as the emulator holds them; `date` is the Moscow day. */
export function portalEvents(emulator: RunningEmulator): PortalEvent[] {
  const { state } = emulator.portal;
  return state.calendarEvents.values().map((event) => ({
    id: event.ID,
    type: event.type,
    ownerId: event.ownerId,
    sectionName: state.calendarSections.get(event.sectionId)?.NAME ?? '',
    name: event.name,
    date: dateInZone(new Date(event.from), 'Europe/Moscow'),
    crmFields: event.crmFields,
    description: event.description,
  }));
}

/** `losingFirstAnswer` of an add: `tasks.task.add`, or the method named. */
export function losingFirstAdd(
  portal: PortalCaller,
  mode: 'lose' | 'hang',
  addMethod = 'tasks.task.add',
): PortalCaller {
  return losingFirstAnswer(portal, addMethod, mode);
}

/**
 * A portal whose answer to the first call of `lostMethod` never arrives although the
 * portal carried it out: `lose` throws a dropped connection (the client retries), `hang`
 * never settles (the process died there: nothing after the call runs).
 */
export function losingFirstAnswer(
  portal: PortalCaller,
  lostMethod: string,
  mode: 'lose' | 'hang',
): PortalCaller {
  let lost = false;

  return {
    call: (async (method: string, params?: Record<string, unknown>, options?: object) => {
      const answer = await portal.call(method, params, options);
      if (method !== lostMethod || lost) return answer;

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
