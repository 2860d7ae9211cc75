import type { FastifyInstance, RouteOptions } from 'fastify';
import type { ServedPortal } from '../../../src/app/app-dependencies.js';
import { buildApp } from '../../../src/app/build-app.js';
import { type Config, loadConfig, secretsOf } from '../../../src/config/index.js';
import { InProcessQueue, syncJobName } from '../../../src/jobs/index.js';
import { createLogCapture, type LogCapture } from '../../../src/logging/log-capture.js';
import { createLogger } from '../../../src/logging/logger.js';
import { createSecretRedactor } from '../../../src/logging/secret-redactor.js';
import type { Store } from '../../../src/store/index.js';
import { createTestStore } from '../../support/test-store.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const MEMBER_ID = 'member-test-1';
export const TODAY = '2026-12-03';

export interface ApiFixture {
  app: FastifyInstance;
  store: Store;
  config: Config;
  queue: InProcessQueue;
  logs: LogCapture;
  close(): Promise<void>;
}

export interface ApiFixtureOptions {
  env?: Record<string, string>;
  portal?: ServedPortal | null;
  store?: Store;
  now?: Date;
  /** Sees every route as it is registered (the access test reads the route table). */
  onRoute?: (route: RouteOptions) => void;
}

/** An app over a migrated test store, logging into memory, with a fixed "today". */
export async function createApiFixture(options: ApiFixtureOptions = {}): Promise<ApiFixture> {
  const config = loadConfig({
    env: { AUDIOBOT_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'info', ...options.env },
    envFile: false,
  });
  const store = options.store ?? (await createTestStore());
  const logs = createLogCapture();
  const redactor = createSecretRedactor(secretsOf(config));
  const logger = createLogger({ level: 'info', redactor, destination: logs });
  const queue = new InProcessQueue();
  // Jobs stay queued: the fixture never starts the queue. Tests that sync do it themselves.
  queue.register(syncJobName, async () => {});
  const portal =
    options.portal === undefined
      ? { memberId: MEMBER_ID, domain: 'demo.bitrix24.test', demo: true }
      : options.portal;
  const now = options.now ?? new Date(`${TODAY}T09:00:00+03:00`);

  const app = await buildApp({
    config,
    store,
    portal,
    queue,
    logger,
    redactor,
    webRoot: null,
    now: () => now,
    onRoute: options.onRoute,
  });

  return {
    app,
    store,
    config,
    queue,
    logs,
    close: async () => {
      await app.close();
      await queue.stop();
      await store.close();
    },
  };
}

export const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };
