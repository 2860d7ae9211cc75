import type { AddressInfo } from 'node:net';

import { type RunningEmulator, startEmulator } from '@audiobot/emulator';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app/build-app.js';
import {
  type ApplicationServices,
  applicationBatchSender,
  applicationRoutes,
  createApplicationServices,
} from '../../../src/application/index.js';
import { type Config, loadConfig, secretsOf } from '../../../src/config/index.js';
import { eventRoutes } from '../../../src/events/index.js';
import { InProcessQueue, type SyncJobPayload, syncJobName } from '../../../src/jobs/index.js';
import { createLogCapture, type LogCapture } from '../../../src/logging/log-capture.js';
import { createLogger } from '../../../src/logging/logger.js';
import { createSecretRedactor } from '../../../src/logging/secret-redactor.js';
import { signInRoutes } from '../../../src/sign-in/index.js';
import { createSecretBox, type Store } from '../../../src/store/index.js';
import { domainRules } from '../../../src/sync/domain-rules.js';
import { registerSyncJob } from '../../../src/sync/sync-service.js';
import { createTestStore } from '../../support/test-store.js';
import { cleaningPortal } from './cleaning-portal.js';

export const ADMIN_TOKEN = 'application-test-admin-token-0123456789';
export const SECRET_KEY = 'application-test-secret-key-0123456789abcdef';

/** Every HTTP request AudioBot sent to the OAuth token endpoint, by grant type. */
export interface OAuthCalls {
  refresh: number;
  authorizationCode: number;
}

export interface ApplicationHarness {
  emulator: RunningEmulator;
  app: FastifyInstance;
  /** `http://127.0.0.1:PORT` where AudioBot listens (the portal calls it there). */
  url: string;
  config: Config;
  store: Store;
  queue: InProcessQueue;
  services: ApplicationServices;
  logs: LogCapture;
  /** Every answer AudioBot sent: status, headers but cookies, body. For the secrets test. */
  responses: string[];
  oauthCalls: OAuthCalls;
  /** Full syncs the install queued. */
  syncs: SyncJobPayload[];
  /** Installs the application through the emulator's control API, as an admin would. */
  install(): Promise<Record<string, unknown>>;
  control(method: string, path: string, body?: object): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Deals of the test portal (default 24). */
  deals?: number;
  /** Extra environment, e.g. a wrong BITRIX_MEMBER_ID. */
  env?: Record<string, string>;
  /** Run the real sync job through the application's client instead of recording it. */
  realSync?: boolean;
}

/**
 * AudioBot listening on a free port with the local-application, events and sign-in
 * plugins, connected to an emulated portal whose local application points its install
 * URL at it. The queue runs; the sync job is a recorder (the sync has its own tests).
 */
export async function startApplicationHarness(
  options: HarnessOptions = {},
): Promise<ApplicationHarness> {
  const emulator = await startEmulator({ snapshot: cleaningPortal({ deals: options.deals }) });
  const config = loadConfig({
    env: {
      BITRIX_APPLICATION_ID: emulator.application.clientId,
      BITRIX_APPLICATION_SECRET: emulator.application.clientSecret,
      BITRIX_PORTAL_URL: emulator.url,
      BITRIX_MEMBER_ID: emulator.memberId,
      AUDIOBOT_ADMIN_TOKEN: ADMIN_TOKEN,
      AUDIOBOT_SECRET_KEY: SECRET_KEY,
      AUDIOBOT_TIME_ZONE: 'Europe/Moscow',
      ...options.env,
    },
    envFile: false,
  });

  const store = await createTestStore();
  const logs = createLogCapture();
  const redactor = createSecretRedactor(secretsOf(config));
  const logger = createLogger({ level: 'debug', redactor, destination: logs });
  const queue = new InProcessQueue({ logger });
  const syncs: SyncJobPayload[] = [];

  const oauthCalls: OAuthCalls = { refresh: 0, authorizationCode: 0 };
  let url = '';
  const services = createApplicationServices({
    config,
    store,
    queue,
    redactor,
    logger,
    box: createSecretBox(SECRET_KEY),
    publicUrl: () => url,
    fetch: countingFetch(oauthCalls),
  });

  if (options.realSync) registerRealSync(queue, services, config, syncs);
  else {
    queue.register<SyncJobPayload>(syncJobName, async (payload) => {
      syncs.push(payload);
    });
  }
  queue.start();

  const app = await buildApp({
    config,
    store,
    portal: { memberId: emulator.memberId, domain: emulator.domain, demo: false },
    queue,
    logger,
    redactor,
    webRoot: null,
  });
  const responses = captureResponses(app);
  await app.register(applicationRoutes, { services });
  await app.register(eventRoutes, { services });
  await app.register(signInRoutes, { services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const control = async (method: string, path: string, body?: object) => {
    const response = await fetch(`${emulator.controlUrl}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return (await response.json()) as Record<string, unknown>;
  };
  await control('PUT', '/application', {
    clientId: emulator.application.clientId,
    appUrl: `${url}/api/bitrix24/frame`,
    installUrl: `${url}/api/bitrix24/install`,
  });

  return {
    emulator,
    app,
    url,
    config,
    store,
    queue,
    services,
    logs,
    responses,
    oauthCalls,
    syncs,
    control,
    install: () => control('POST', '/application/install', {}),
    close: async () => {
      await app.close();
      await queue.stop();
      await emulator.stop();
      await store.close();
    },
  };
}

/** The sync teammate's job, reaching the portal through the application's one client. */
function registerRealSync(
  queue: InProcessQueue,
  services: ApplicationServices,
  config: Config,
  syncs: SyncJobPayload[],
): void {
  registerSyncJob(queue, {
    dependenciesFor: (memberId) => ({
      db: services.db,
      memberId,
      send: applicationBatchSender(services, memberId),
      domain: domainRules({ memberId, timeZone: config.timeZone }),
    }),
    onSucceeded: (summary) =>
      syncs.push({ memberId: services.expected.memberId ?? '', mode: summary.mode }),
  });
}

function captureResponses(app: FastifyInstance): string[] {
  const responses: string[] = [];
  app.addHook('onSend', async (request, reply, payload) => {
    const { 'set-cookie': _cookies, ...headers } = reply.getHeaders();
    const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? String(payload) : '';
    responses.push(`${request.method} ${reply.statusCode} ${JSON.stringify(headers)} ${body}`);
    return payload;
  });
  return responses;
}

function countingFetch(calls: OAuthCalls): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/oauth/token')) {
      const grant = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
      if (grant.get('grant_type') === 'refresh_token') calls.refresh += 1;
      else calls.authorizationCode += 1;
    }
    return fetch(input, init);
  };
}

/** Waits until `condition` holds, polling; fails after `timeoutMs`. */
export async function eventually<T>(
  condition: () => Promise<T | null | undefined | false>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
