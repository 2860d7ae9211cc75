import type { ApplicationServices } from '../application/index.js';
import type { Config } from '../config/index.js';
import { registerBrigadeDispatchJob, startDispatchScheduler } from '../dispatch/index.js';
import type { JobQueue, WorkLogger } from '../jobs/index.js';
import { OutboxWorker, type PortalCaller, taskUpsertOperation } from '../outbox/index.js';
import type { PortalConnection } from '../portal/connect-portal.js';
import type { Store } from '../store/index.js';

export interface BackgroundDispatch {
  stop(): Promise<void>;
}

/**
 * Writes to Bitrix24 in the background: the outbox worker retries what is due, and the
 * daily brigade plans are queued at 18:00 for the next day.
 */
export function startBackgroundDispatch(options: {
  config: Config;
  store: Store;
  queue: JobQueue;
  connection: PortalConnection;
  bitrix24: ApplicationServices;
  logger: WorkLogger;
}): BackgroundDispatch {
  const { config, store, queue, connection, logger } = options;
  const memberId = connection.memberId;
  const worker = new OutboxWorker({
    db: store.db,
    portal: portalCaller(connection, options.bitrix24),
    memberId,
    operations: [taskUpsertOperation],
    logger,
  });
  registerBrigadeDispatchJob(queue, { db: store.db, worker, timeZone: config.timeZone });
  worker.start();
  const scheduler = startDispatchScheduler({
    queue,
    memberId,
    timeZone: config.timeZone,
    logger,
  });

  return {
    stop: async () => {
      scheduler.stop();
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
