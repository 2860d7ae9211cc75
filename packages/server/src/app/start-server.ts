import type { FastifyInstance } from 'fastify';

import { type Config, loadConfig, secretsOf } from '../config/index.js';
import { runDoctor } from '../doctor/index.js';
import {
  InProcessQueue,
  type SyncScheduler,
  startSyncScheduler,
  syncScheduleOf,
} from '../jobs/index.js';
import { type AppLogger, categoryLogger, createLogger } from '../logging/logger.js';
import { createSecretRedactor, type SecretRedactor } from '../logging/secret-redactor.js';
import {
  type ConnectOptions,
  connectPortal,
  type PortalConnection,
  PortalNotConnectedError,
} from '../portal/connect-portal.js';
import { createStore, type Store } from '../store/index.js';
import { domainRules } from '../sync/domain-rules.js';
import { registerSyncJob, startSync } from '../sync/sync-service.js';
import { buildApp } from './build-app.js';

export interface StartOptions {
  /** Default: `loadConfig()` (environment and .env). Throws ConfigError when invalid. */
  config?: Config;
  /** Default: standard output at the configured level. */
  logger?: AppLogger;
  redactor?: SecretRedactor;
  /** Options of the demo portal and the client (tests: a smaller or slower portal). */
  portal?: ConnectOptions;
  /** Overrides the configured port (tests: 0). */
  port?: number;
  host?: string;
  webRoot?: string | null;
}

export interface RunningServer {
  app: FastifyInstance;
  /** Where a browser on this machine reaches AudioBot. */
  url: string;
  config: Config;
  store: Store;
  connection: PortalConnection | null;
  queue: InProcessQueue;
  /** Stops taking requests, lets the running sync stop at a checkpoint, closes the store. */
  close(): Promise<void>;
}

/**
 * `npm start`: opens and migrates the store, connects the portal (the in-process demo
 * portal when none is configured), queues the first sync when the store is empty — in
 * the background, the API answers meanwhile and shows its progress — arms the sync
 * schedule and listens.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const redactor = options.redactor ?? createSecretRedactor(secretsOf(config));
  const logger = options.logger ?? createLogger({ level: config.logLevel, redactor });
  const log = categoryLogger(logger, 'start');

  const store = createStore({ database: config.database });
  await store.migrate();
  const connection = await connect(config, store, logger, options.portal);

  const queue = new InProcessQueue({ logger: categoryLogger(logger, 'sync') });
  const scheduler = connection
    ? await startSyncing(config, store, connection, queue, logger)
    : null;

  const app = await buildApp({
    config,
    store,
    portal: connection
      ? { memberId: connection.memberId, domain: connection.domain, demo: connection.demo }
      : null,
    queue,
    logger,
    redactor,
    webRoot: options.webRoot,
    runDoctor: () => runDoctor({ config, connection }),
  });

  const port = options.port ?? config.server.port;
  const host = options.host ?? config.server.host;
  const address = await app.listen({ port, host });
  const url = localUrlOf(address, host);
  log.info({ url, demo: connection?.demo ?? false }, 'AudioBot is listening');

  const close = async () => {
    scheduler?.stop();
    await app.close();
    await queue.stop();
    await connection?.stop();
    await store.close();
  };
  return { app, url, config, store, connection, queue, close };
}

async function connect(
  config: Config,
  store: Store,
  logger: AppLogger,
  options: ConnectOptions = {},
): Promise<PortalConnection | null> {
  const log = categoryLogger(logger, 'portal');
  try {
    const connection = await connectPortal(config, store, { logger: log, ...options });
    if (connection.demo) {
      log.warn(
        { domain: connection.domain },
        'DEMO MODE: no Bitrix24 portal is configured; serving the built-in demo portal',
      );
    }
    return connection;
  } catch (error) {
    // An application not installed yet is a normal state: serve, and say so in /api/health.
    if (!(error instanceof PortalNotConnectedError)) throw error;
    log.warn({ reason: error.message }, 'no portal connected yet');
    return null;
  }
}

async function startSyncing(
  config: Config,
  store: Store,
  connection: PortalConnection,
  queue: InProcessQueue,
  logger: AppLogger,
): Promise<SyncScheduler> {
  const { memberId } = connection;
  const syncLogger = categoryLogger(logger, 'sync');
  const dependencies = {
    db: store.db,
    memberId,
    send: connection.send,
    domain: domainRules({ memberId, timeZone: config.timeZone }),
    logger: syncLogger,
    requests: connection.requests,
  };
  registerSyncJob(queue, {
    dependenciesFor: (id) => (id === memberId ? dependencies : null),
    logger: syncLogger,
  });
  queue.start();

  if (await storeIsEmpty(store, memberId)) {
    const run = await startSync({ db: store.db, queue }, { memberId, mode: 'full' });
    syncLogger.info({ syncRunId: run.id }, 'store empty: first full sync queued');
  }
  return startSyncScheduler({
    queue,
    memberId,
    schedule: syncScheduleOf(config),
    logger: syncLogger,
  });
}

async function storeIsEmpty(store: Store, memberId: string): Promise<boolean> {
  const house = await store.db
    .selectFrom('houses')
    .select('id')
    .where('memberId', '=', memberId)
    .limit(1)
    .executeTakeFirst();
  return house === undefined;
}

function localUrlOf(address: string, host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return address;
  return address.replace(/\/\/[^/:]+|\/\/\[[^\]]+\]/, '//localhost');
}
