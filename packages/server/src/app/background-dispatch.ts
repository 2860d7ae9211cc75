import type { ApplicationServices } from '../application/index.js';
import { startCalendarFollow } from '../calendar/index.js';
import type { Config } from '../config/index.js';
import { registerBrigadeDispatchJob, startDispatchScheduler } from '../dispatch/index.js';
import type { JobQueue, WorkLogger } from '../jobs/index.js';
import {
  type OutboxOperation,
  OutboxWorker,
  outboxOperations,
  type PortalCaller,
} from '../outbox/index.js';
import type { PortalConnection } from '../portal/connect-portal.js';
import type { Store } from '../store/index.js';

export interface BackgroundDispatch {
  /** The worker of the outbox: a request that writes can wait for its entry (settle). */
  worker: OutboxWorker;
  /** The portal the worker writes to. */
  portal: PortalCaller;
  stop(): Promise<void>;
}

/**
 * Writes to Bitrix24 in the background: the outbox worker retries what is due, the daily
 * plans (tasks and calendar events) are queued at 18:00 for the next day, and the
 * calendar follows schedule changes between dispatches.
 */
export function startBackgroundDispatch(options: {
  config: Config;
  store: Store;
  queue: JobQueue;
  connection: PortalConnection;
  bitrix24: ApplicationServices;
  logger: WorkLogger;
  /** Writes of other areas the worker carries out too (e.g. the house edit). */
  operations?: readonly OutboxOperation[];
}): BackgroundDispatch {
  const { config, store, queue, connection, logger } = options;
  const memberId = connection.memberId;
  const portal = portalCaller(connection, options.bitrix24);
  const worker = new OutboxWorker({
    db: store.db,
    portal,
    memberId,
    operations: [...outboxOperations, ...(options.operations ?? [])],
    logger,
    leaseMs: config.outbox.leaseSeconds * 1000,
  });
  registerBrigadeDispatchJob(queue, {
    db: store.db,
    worker,
    timeZone: config.timeZone,
    tasks: config.dispatch.tasks,
    calendar: config.dispatch.calendar,
  });
  worker.start();
  const calendar = startCalendarFollow({
    db: store.db,
    memberId,
    mode: config.dispatch.calendar,
    timeZone: config.timeZone,
    worker,
    logger,
  });
  const scheduler = startDispatchScheduler({
    queue,
    memberId,
    timeZone: config.timeZone,
    logger,
  });

  return {
    worker,
    portal,
    stop: async () => {
      scheduler.stop();
      calendar.stop();
      await worker.stop();
    },
  };
}

/** Application mode shares the install's client, for the same reason the sync does. */
function portalCaller(connection: PortalConnection, bitrix24: ApplicationServices): PortalCaller {
  if (connection.kind !== 'application') return connection.client;
  return {
    call: async (method, params, options) => {
      const client = await bitrix24.clients.clientFor(connection.memberId);
      return client.call(method, params, options);
    },
  };
}
