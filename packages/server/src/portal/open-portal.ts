import { pino } from 'pino';
import { type Config, ConfigError, loadConfig, secretsOf } from '../config/index.js';
import { type AppLogger, categoryLogger, createLogger } from '../logging/logger.js';
import { createSecretRedactor } from '../logging/secret-redactor.js';
import { createStore, type Store } from '../store/index.js';
import { type ConnectOptions, connectPortal, type PortalConnection } from './connect-portal.js';

/** What the command-line tools (`npm run sync`, `npm run doctor`) work with. */
export interface OpenedPortal {
  config: Config;
  store: Store;
  connection: PortalConnection;
  logger: AppLogger;
  close(): Promise<void>;
}

/**
 * Loads the configuration, opens and migrates the store, and connects the portal, with
 * a logger on standard error so that standard output stays the tool's own.
 */
export async function openPortal(options: ConnectOptions = {}): Promise<OpenedPortal> {
  const config = loadConfig();
  const logger = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    redactor: createSecretRedactor(secretsOf(config)),
    destination: pino.destination({ fd: 2, sync: true }),
  });
  const store = createStore({ database: config.database });
  await store.migrate();

  try {
    const connection = await connectPortal(config, store, {
      logger: categoryLogger(logger, 'portal'),
      ...options,
    });
    const close = async () => {
      await connection.stop();
      await store.close();
    };
    return { config, store, connection, logger, close };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Configuration problems as lines, or null when the error is something else. */
export function configProblemsOf(error: unknown): string[] | null {
  return error instanceof ConfigError ? error.problems : null;
}
