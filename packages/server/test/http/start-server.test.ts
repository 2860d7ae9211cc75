import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/app/start-server.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogCapture } from '../../src/logging/log-capture.js';
import { createLogger } from '../../src/logging/logger.js';
import { createSecretRedactor } from '../../src/logging/secret-redactor.js';

const TOKEN = 'start-server-admin-token-42';

// SQLite in memory: start owns its store; the PostgreSQL run of the suite covers the queries.
describe('startServer in demo mode, over real HTTP', () => {
  let server: RunningServer;
  const logs = createLogCapture();

  beforeAll(async () => {
    const config = loadConfig({
      env: { DATABASE_URL: ':memory:', AUDIOBOT_ADMIN_TOKEN: TOKEN },
      envFile: false,
    });
    const redactor = createSecretRedactor([TOKEN]);
    server = await startServer({
      config,
      redactor,
      logger: createLogger({ redactor, destination: logs }),
      port: 0,
      host: '127.0.0.1',
      webRoot: null,
    });
  }, 60_000);
  afterAll(() => server?.close());

  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    return { status: response.status, body: await response.json() };
  };

  it('answers at once, says it is the demo, and shows the first sync’s progress', async () => {
    const health = await get('/api/health');

    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ demo: true, portal: { domain: expect.any(String) } });
    expect(health.body.lastSync).toMatchObject({ mode: 'full' });
    expect(logs.text()).toContain('DEMO MODE');
  });

  it('serves the 490 houses and 82 employees once the first sync is done', async () => {
    const deadline = Date.now() + 45_000;
    let status = '';
    while (Date.now() < deadline && status !== 'succeeded') {
      const runs = await get('/api/sync/runs');
      status = runs.body.items[0]?.status ?? '';
      if (status === 'failed') throw new Error(JSON.stringify(runs.body.items[0]));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    expect(status).toBe('succeeded');
    expect((await get('/api/cleaning/houses')).body.total).toBe(490);
    expect((await get('/api/dashboard/employees')).body.total).toBe(82);
  }, 60_000);

  it('runs the doctor for admins in the health details', async () => {
    const health = await get('/api/health?details=1');

    expect(health.status).toBe(200);
    expect(health.body.doctor).toMatchObject({ demo: true, checks: expect.any(Array) });
    expect(health.body.doctor.checks.length).toBeGreaterThan(3);
  }, 30_000);
});
