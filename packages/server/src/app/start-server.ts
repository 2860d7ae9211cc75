import type { FastifyInstance } from 'fastify';

import {
  type ApplicationServices,
  applicationCheck,
  createApplicationServices,
} from '../application/index.js';
import { PhotoStore } from '../completions/photo-store.js';
import { sweepPendingPhotos } from '../completions/photo-sweep.js';
import { type Config, loadConfig, resolveSecretKey, secretsOf } from '../config/index.js';
import { runDoctor } from '../doctor/index.js';
import { HouseEditing } from '../house-edit/index.js';
import { InProcessQueue } from '../jobs/index.js';
import { type AppLogger, categoryLogger, createLogger } from '../logging/logger.js';
import { createSecretRedactor, type SecretRedactor } from '../logging/secret-redactor.js';
import {
  type ConnectOptions,
  connectPortal,
  type PortalConnection,
  PortalNotConnectedError,
} from '../portal/connect-portal.js';
import { createSecretBox, createStore, type Store } from '../store/index.js';
import { bitrix24Extension } from './bitrix24-extension.js';
import { buildApp } from './build-app.js';
import { houseEditExtension } from './house-edit-extension.js';
import { installedConnection, storedInstall } from './installed-connection.js';
import { ServedConnection } from './served-connection.js';

export interface StartOptions {
  /** Default: `loadConfig()` (environment and .env). Throws ConfigError when invalid. */
  config?: Config;
  /** Default: the configured database, migrated here (tests pass their own). */
  store?: Store;
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

  const store = options.store ?? createStore({ database: config.database });
  await store.migrate();
  await sweepPhotos(config, store, log);

  const queue = new InProcessQueue({ logger: categoryLogger(logger, 'jobs') });
  const houseEditing = new HouseEditing({ db: store.db, timeZone: config.timeZone });
  const served = new ServedConnection({
    config,
    store,
    queue,
    logger,
    operations: [houseEditing.operation],
  });
  const bitrix24 = createApplicationServices({
    config,
    store,
    queue,
    redactor,
    logger: categoryLogger(logger, 'bitrix24'),
    box: createSecretBox(resolveSecretKey(config)),
    // Application mode before its first install: the install brings the portal.
    onInstalled: (portal) => served.serveInstall(portal),
  });
  served.services = bitrix24;
  const connection =
    (await connect(config, store, logger, options.portal)) ??
    (config.portal.kind === 'application' ? await earlierInstall(bitrix24) : null);
  if (connection) await served.serve(connection);
  // Started even without a portal: the install event queues the first sync on it.
  queue.start();

  const app = await buildApp({
    config,
    store,
    portal: () => served.portal(),
    queue,
    logger,
    redactor,
    webRoot: options.webRoot,
    runDoctor: () => doctorOf(config, served.connection, bitrix24),
    extensions: [
      bitrix24Extension(bitrix24),
      houseEditExtension(houseEditing, () => served.dispatch),
    ],
  });

  const port = options.port ?? config.server.port;
  const host = options.host ?? config.server.host;
  const address = await app.listen({ port, host });
  const url = localUrlOf(address, host);
  log.info({ url, demo: connection?.demo ?? false }, 'AudioBot is listening');

  const close = async () => {
    await served.stop();
    await app.close();
    await queue.stop();
    await served.connection?.stop();
    await store.close();
  };
  return {
    app,
    url,
    config,
    store,
    get connection() {
      return served.connection;
    },
    queue,
    close,
  };
}

/** Application mode whose install happened in an earlier run, BITRIX_MEMBER_ID unset. */
/** Photos a killed process left half-stored (`completions/photo-sweep.ts`). */
async function sweepPhotos(config: Config, store: Store, log: AppLogger): Promise<void> {
  const photos = new PhotoStore(config.photoDir);
  const swept = await sweepPendingPhotos(store.db, photos, new Date());
  if (swept.committed + swept.removed > 0) log.warn(swept, 'photos of an interrupted run swept');
}

async function earlierInstall(services: ApplicationServices): Promise<PortalConnection | null> {
  const install = await storedInstall(services);
  return install ? installedConnection(services, install) : null;
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

async function doctorOf(
  config: Config,
  connection: PortalConnection | null,
  bitrix24: ApplicationServices,
) {
  const portal = config.portal;
  const memberId = connection?.memberId ?? (portal.kind === 'demo' ? null : portal.memberId);
  const extraChecks =
    portal.kind === 'application' && memberId ? [await applicationCheck(bitrix24, memberId)] : [];
  return runDoctor({ config, connection, extraChecks });
}

function localUrlOf(address: string, host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return address;
  return address.replace(/\/\/[^/:]+|\/\/\[[^\]]+\]/, '//localhost');
}
