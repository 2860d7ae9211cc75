import { type RunningEmulator, startEmulator } from '@audiobot/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { type DoctorReport, runDoctor } from '../../src/doctor/index.js';
import { connectPortal, type PortalConnection } from '../../src/portal/connect-portal.js';
import { createSecretBox, createStore, type Store } from '../../src/store/index.js';

let emulator: RunningEmulator;
let store: Store;
const connections: PortalConnection[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ houses: 60 });
  store = createStore({ database: { dialect: 'sqlite', path: ':memory:' } });
  await store.migrate();
});

afterAll(async () => {
  await store?.close();
  await emulator?.stop();
});

afterEach(async () => {
  await control('POST', '/portal/restore');
  await control('POST', '/users/1/activate');
  await Promise.all(connections.splice(0).map((connection) => connection.stop()));
});

async function control(
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.controlUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** The doctor as `npm run doctor` runs it, with BITRIX_WEBHOOK_URL set to `webhookUrl`. */
async function doctorFor(webhookUrl: string): Promise<DoctorReport> {
  const config = loadConfig({
    env: { BITRIX_WEBHOOK_URL: webhookUrl, DATABASE_URL: ':memory:' },
    envFile: false,
  });
  const connection = await connectPortal(config, store);
  connections.push(connection);
  return runDoctor({ config, connection });
}

async function webhookWith(scopes: string[], userId = '1'): Promise<{ url: string; code: string }> {
  const webhook = await control('POST', '/webhooks', { scopes, userId });
  return { url: String(webhook.url), code: String(webhook.code) };
}

const byId = (report: DoctorReport, id: string) => report.checks.find((item) => item.id === id);
const codeOf = (url: string) => /\/rest\/\d+\/([^/]+)\//.exec(url)?.[1] ?? '';

describe('doctor', () => {
  it('passes every check on a healthy portal, counting from the portal', async () => {
    const report = await doctorFor(emulator.webhookUrl);

    expect(report.ok).toBe(true);
    expect(report.checks.filter((item) => item.status === 'fail')).toEqual([]);
    for (const id of ['reachability', 'credentials', 'scopes', 'pipeline', 'counts']) {
      expect(byId(report, id)?.status).toBe('ok');
    }
    expect(byId(report, 'counts')?.detail).toMatch(
      /Домов в воронке: 60; сотрудников в бригадах: 82; бригад: 6/,
    );
    expect(JSON.stringify(report)).not.toContain(codeOf(emulator.webhookUrl));
  });

  it('names every missing scope and the step to tick them', async () => {
    const webhook = await webhookWith(['crm', 'user', 'task']);

    const report = await doctorFor(webhook.url);

    const scopes = byId(report, 'scopes');
    expect(report.ok).toBe(false);
    expect(scopes?.status).toBe('fail');
    expect(scopes?.fix).toMatch(/Отметьте права: department, calendar, im/);
    expect(scopes?.fix).toMatch(/Шаг 2\.2, 2\.4/);
    expect(JSON.stringify(report)).not.toContain(webhook.code);
  });

  it('tells to check WEBHOOK_TOKEN for a wrong webhook code', async () => {
    const wrong = emulator.webhookUrl.replace(/\/rest\/(\d+)\/[^/]+\//, '/rest/$1/wrongcode123/');

    const report = await doctorFor(wrong);

    expect(byId(report, 'reachability')?.status).toBe('ok');
    expect(byId(report, 'credentials')).toMatchObject({ status: 'fail' });
    expect(byId(report, 'credentials')?.detail).toMatch(/INVALID_CREDENTIALS/);
    expect(byId(report, 'credentials')?.fix).toMatch(
      /Проверьте корректность WEBHOOK_TOKEN в \.env/,
    );
    expect(JSON.stringify(report)).not.toContain('wrongcode123');
  });

  it('for a deactivated webhook user: check the token, recreate as an admin', async () => {
    await control('POST', '/users/1/deactivate');

    const report = await doctorFor(emulator.webhookUrl);

    const credentials = byId(report, 'credentials');
    expect(credentials?.status).toBe('fail');
    expect(credentials?.detail).toMatch(/authorization_error/);
    expect(credentials?.fix).toMatch(/WEBHOOK_TOKEN/);
    expect(credentials?.fix).toMatch(/с правами администратора/);
    expect(JSON.stringify(report)).not.toContain(codeOf(emulator.webhookUrl));
  });

  it('for a deleted portal: recreate the application as an administrator', async () => {
    await control('POST', '/portal/delete');

    const report = await doctorFor(emulator.webhookUrl);

    expect(report.ok).toBe(false);
    expect(byId(report, 'credentials')?.detail).toMatch(/PORTAL_DELETED/);
    expect(byId(report, 'credentials')?.fix).toMatch(
      /Пересоздайте локальное приложение с правами администратора/,
    );
  });

  it('reports an unreachable portal', async () => {
    const report = await doctorFor('http://127.0.0.1:9/rest/1/abcdef123456/');

    expect(byId(report, 'reachability')?.status).toBe('fail');
    expect(byId(report, 'credentials')?.status).toBe('skip');
    expect(JSON.stringify(report)).not.toContain('abcdef123456');
  }, 60_000);

  it('tells to reinstall the application when its refresh token is refused', async () => {
    const secretKey = 'doctor-test-secret-key-0123456789abcdef';
    const config = loadConfig({
      env: {
        BITRIX_APPLICATION_ID: emulator.application.clientId,
        BITRIX_APPLICATION_SECRET: emulator.application.clientSecret,
        BITRIX_PORTAL_URL: emulator.url,
        BITRIX_MEMBER_ID: emulator.memberId,
        AUDIOBOT_SECRET_KEY: secretKey,
        DATABASE_URL: ':memory:',
      },
      envFile: false,
    });
    const box = createSecretBox(secretKey);
    const at = new Date().toISOString();
    await store.db
      .insertInto('portals')
      .values({
        memberId: emulator.memberId,
        domain: emulator.domain,
        authKind: 'application',
        accessToken: box.seal('staleaccess0123456789'),
        refreshToken: box.seal('spentrefresh0123456789'),
        accessExpiresAt: null,
        applicationToken: null,
        serverEndpoint: `${emulator.url}/rest/`,
        clientEndpoint: `${emulator.url}/rest/`,
        scope: 'crm,user,department',
        status: 'active',
        installedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    const connection = await connectPortal(config, store);
    connections.push(connection);

    const report = await runDoctor({ config, connection });

    const credentials = byId(report, 'credentials');
    expect(credentials?.status).toBe('fail');
    expect(credentials?.detail).toMatch(/invalid_grant|invalid_token/);
    expect(credentials?.fix).toMatch(/Переустановите приложение/);
    const text = JSON.stringify(report);
    for (const secret of ['staleaccess0123456789', 'spentrefresh0123456789']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(emulator.application.clientSecret);
  });

  it('lists configuration problems as a failure', async () => {
    const report = await runDoctor({
      config: null,
      configProblems: ['BITRIX_WEBHOOK_URL: must be a URL like https://PORTAL/rest/1/CODE/'],
      connection: null,
    });

    expect(report.ok).toBe(false);
    expect(byId(report, 'configuration')?.fix).toMatch(/\.env/);
  });

  it('adds the checks other modules make, and fails on theirs too', async () => {
    const extra = {
      id: 'credentials' as const,
      step: '3.1',
      title: 'Локальное приложение',
      status: 'fail' as const,
      detail: 'Приложение не установлено.',
      fix: 'Установите приложение.',
    };

    const report = await runDoctor({ config: null, connection: null, extraChecks: [extra] });

    expect(report.checks).toContainEqual(extra);
    expect(report.ok).toBe(false);
  });
});
