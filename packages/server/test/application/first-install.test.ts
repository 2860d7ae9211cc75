import { type RunningEmulator, startEmulator } from '@audiobot/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { type RunningServer, startServer } from '../../src/app/start-server.js';
import { type Config, loadConfig } from '../../src/config/index.js';
import { createLogCapture } from '../../src/logging/log-capture.js';
import { createLogger } from '../../src/logging/logger.js';
import { createSecretRedactor } from '../../src/logging/secret-redactor.js';
import type { Store } from '../../src/store/index.js';
import { createTestStore, describeStore } from '../support/test-store.js';
import { ADMIN_TOKEN, eventually, SECRET_KEY } from './support/application-harness.js';
import { cleaningPortal } from './support/cleaning-portal.js';

/** Deals of the test portal in the cleaning pipeline: every fourth of 24 is elsewhere. */
const HOUSES = 18;

/**
 * `npm start` with only the local application's credentials, as the setup guide leaves
 * it before the install: AudioBot answers that no portal is connected; the portal's
 * install makes it serve that portal at once, sync it, and still after a restart.
 */
describeStore('application mode before the first install', () => {
  let emulator: RunningEmulator;
  let store: Store;
  let config: Config;
  let server: RunningServer;
  const logs = createLogCapture();

  beforeAll(async () => {
    emulator = await startEmulator({ snapshot: cleaningPortal() });
    config = loadConfig({
      env: {
        BITRIX_APPLICATION_ID: emulator.application.clientId,
        BITRIX_APPLICATION_SECRET: emulator.application.clientSecret,
        AUDIOBOT_ADMIN_TOKEN: ADMIN_TOKEN,
        AUDIOBOT_SECRET_KEY: SECRET_KEY,
        AUDIOBOT_TIME_ZONE: 'Europe/Moscow',
      },
      envFile: false,
    });
    store = await createTestStore();
    server = await start();
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await store.close();
    await emulator.stop();
  });

  /** The same store across restarts: the server's close leaves it open. */
  async function start(): Promise<RunningServer> {
    const redactor = createSecretRedactor([ADMIN_TOKEN, SECRET_KEY]);
    return startServer({
      config,
      store: { ...store, close: async () => {} },
      redactor,
      logger: createLogger({ redactor, destination: logs }),
      port: 0,
      host: '127.0.0.1',
      webRoot: null,
    });
  }

  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    return { status: response.status, body: await response.json() };
  };

  const syncedHouses = () =>
    eventually(async () => {
      const houses = await get('/api/cleaning/houses');
      return houses.status === 200 && houses.body.total === HOUSES ? houses : null;
    }, 20_000);

  it('serves no portal until the install, and says so', async () => {
    const health = await get('/api/health');
    const houses = await get('/api/cleaning/houses');

    expect(health.body).toMatchObject({ portal: null, demo: false });
    expect(houses.status).toBe(503);
    expect(houses.body).toMatchObject({ error: 'portal_not_connected' });
  });

  it('serves and syncs the portal the application is installed on, without a restart', async () => {
    await fetch(`${emulator.controlUrl}/application`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: emulator.application.clientId,
        installUrl: `${server.url}/api/bitrix24/install`,
      }),
    });
    const installed = await fetch(`${emulator.controlUrl}/application/install`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(installed.status).toBe(200);

    const health = await get('/api/health');
    expect(health.body.portal).toEqual({ domain: emulator.domain });
    expect(server.connection).toMatchObject({ memberId: emulator.memberId, kind: 'application' });

    await syncedHouses();
    const runs = (await get('/api/sync/runs')).body.items;
    expect(runs.filter((run: { mode: string }) => run.mode === 'full')).toHaveLength(1);
    expect(logs.text()).toContain('serving the newly installed portal');
  });

  it('serves the installed portal again after a restart', async () => {
    await server.close();
    server = await start();

    expect((await get('/api/health')).body.portal).toEqual({ domain: emulator.domain });
    expect((await syncedHouses()).body.total).toBe(HOUSES);
  });
});
