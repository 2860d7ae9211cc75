import { createBitrix24Client } from '@audiobot/bitrix24';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { batchSenderOf } from '../../src/portal/batch-sender.js';
import { createSecretBox } from '../../src/store/index.js';
import { domainRules } from '../../src/sync/domain-rules.js';
import { runSync } from '../../src/sync/run-sync.js';
import { createSyncRun } from '../../src/sync/sync-runs.js';
import {
  ADMIN_TOKEN,
  type ApplicationHarness,
  eventually,
  SECRET_KEY,
  startApplicationHarness,
} from '../application/support/application-harness.js';
import { FIELDS } from '../application/support/cleaning-portal.js';
import { describeStore } from '../support/test-store.js';

/**
 * Runs the flows that handle secrets (install, refresh, events, sign-in in both forms,
 * sync by webhook and by application, API reads, refused calls) with known secrets,
 * then looks for every one of them in every log line and every answer AudioBot sent.
 */
describeStore('secrets never reach a log line or a response', () => {
  let harness: ApplicationHarness;
  const secrets = new Map<string, string>();
  const bodies: string[] = [];
  /** An API token: in the one answer that creates it, and nowhere else. */
  let apiToken = '';

  beforeAll(async () => {
    harness = await startApplicationHarness({ realSync: true });
    const webhookUrl = harness.emulator.webhookUrl;
    secrets.set('webhook code', /\/rest\/\d+\/([^/]+)\//.exec(webhookUrl)?.[1] ?? '');
    secrets.set('client secret', harness.emulator.application.clientSecret);
    secrets.set('admin token', ADMIN_TOKEN);
    secrets.set('secret key', SECRET_KEY);

    await install();
    await syncByWebhook();
    await refreshAfterAnHour();
    await deliverEvents();
    await signInStandalone();
    await signInInFrame();
    await readTheApi();
    await sendRefusedCalls();
    await useAnApiToken();
    await harness.queue.drain();
  }, 60_000);
  afterAll(async () => harness.close());

  it('exercised every kind of secret', () => {
    expect([...secrets.keys()].sort()).toEqual(
      [
        'access token (install)',
        'access token (refreshed)',
        'admin token',
        'application token',
        'authorization code',
        'client secret',
        'refresh token (install)',
        'refresh token (refreshed)',
        'secret key',
        'user access token (frame)',
        'webhook code',
      ].sort(),
    );
    for (const [name, value] of secrets) expect(value.length, name).toBeGreaterThanOrEqual(8);
    expect(harness.logs.lines.length).toBeGreaterThan(20);
    expect(harness.responses.length).toBeGreaterThan(10);
  });

  it('finds none of them in the log', () => {
    const log = harness.logs.text();
    for (const [name, value] of secrets) {
      expect(log.includes(value), `${name} in the log`).toBe(false);
      expect(log.includes(encodeURIComponent(value)), `${name} (encoded) in the log`).toBe(false);
    }
  });

  it('finds none of them in any answer', () => {
    const answers = [...harness.responses, ...bodies].join('\n');
    for (const [name, value] of secrets) {
      expect(answers.includes(value), `${name} in an answer`).toBe(false);
    }
  });

  it('shows an API token once, in the answer that creates it', () => {
    const showing = [...harness.responses, ...bodies].filter((text) => text.includes(apiToken));

    expect(apiToken).toMatch(/^abt_/);
    expect(showing).toHaveLength(1);
    expect(showing[0]).toMatch(/^POST 201 /);
    expect(harness.logs.text().includes(apiToken), 'API token in the log').toBe(false);
  });

  async function install(): Promise<void> {
    const installed = await harness.install();
    secrets.set('access token (install)', String(installed.accessToken));
    secrets.set('refresh token (install)', String(installed.refreshToken));
    secrets.set('application token', String(installed.applicationToken));
    await harness.queue.drain();
  }

  /** The webhook mode's client, logging into the same log. */
  async function syncByWebhook(): Promise<void> {
    const memberId = harness.emulator.memberId;
    const client = createBitrix24Client({
      auth: { type: 'webhook', webhookUrl: harness.emulator.webhookUrl },
      logger: harness.services.logger,
    });
    const run = await createSyncRun(harness.store.db, memberId, 'full');
    await runSync(
      {
        db: harness.store.db,
        memberId,
        send: batchSenderOf(client),
        domain: domainRules({ memberId, timeZone: 'Europe/Moscow' }),
        logger: harness.services.logger,
      },
      { mode: 'full', runId: Number(run.id) },
    );
    await client.call('no.such.method').catch((error: unknown) => {
      harness.services.logger.warn({ err: error }, 'expected failure');
    });
  }

  async function refreshAfterAnHour(): Promise<void> {
    await harness.control('POST', '/clock', { advanceSeconds: 3601 });
    const client = await harness.services.clients.clientFor(harness.emulator.memberId);
    await Promise.all(Array.from({ length: 5 }, () => client.call('server.time')));

    const box = createSecretBox(SECRET_KEY);
    const portal = await harness.store.db
      .selectFrom('portals')
      .select(['accessToken', 'refreshToken'])
      .executeTakeFirstOrThrow();
    secrets.set('access token (refreshed)', box.open(portal.accessToken ?? ''));
    secrets.set('refresh token (refreshed)', box.open(portal.refreshToken ?? ''));
  }

  async function deliverEvents(): Promise<void> {
    await harness.control('PATCH', '/deals/1', { fields: { [FIELDS.apartments]: '99' } });
    await eventually(async () => {
      const house = await harness.store.db
        .selectFrom('houses')
        .select('apartments')
        .where('id', '=', 1)
        .executeTakeFirst();
      return house?.apartments === 99;
    });
    await harness.app.inject({
      method: 'POST',
      url: '/api/bitrix24/events',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        event: 'ONCRMDEALUPDATE',
        'data[FIELDS][ID]': '1',
        'auth[member_id]': harness.emulator.memberId,
        'auth[application_token]': `${secrets.get('application token')}x`,
        'auth[access_token]': String(secrets.get('access token (refreshed)')),
      }).toString(),
    });
  }

  async function authorizationCode(userId = '1'): Promise<{ back: URL; cookie: string }> {
    const start = await harness.app.inject({ method: 'GET', url: '/api/auth/bitrix24/start' });
    const location = new URL(String(start.headers.location));
    location.searchParams.set('user_id', userId);
    const approved = await fetch(location, { redirect: 'manual' });
    const back = new URL(String(approved.headers.get('location')));
    secrets.set('authorization code', String(back.searchParams.get('code')));
    const cookie = start.cookies.find((c) => c.name === 'audiobot_oauth_state')?.value ?? '';
    return { back, cookie };
  }

  async function signInStandalone(): Promise<void> {
    const { back, cookie } = await authorizationCode();
    const response = await harness.app.inject({
      method: 'GET',
      url: `/api/auth/bitrix24/callback${back.search}`,
      cookies: { audiobot_oauth_state: cookie },
    });
    expect(response.statusCode).toBe(302);
  }

  async function signInInFrame(): Promise<void> {
    const { back } = await authorizationCode('2');
    const token = await fetch(`${harness.emulator.url}/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: harness.emulator.application.clientId,
        client_secret: harness.emulator.application.clientSecret,
        code: String(back.searchParams.get('code')),
      }).toString(),
    });
    const userToken = String(((await token.json()) as { access_token: string }).access_token);
    secrets.set('user access token (frame)', userToken);

    const response = await harness.app.inject({
      method: 'POST',
      url: `/api/bitrix24/frame?DOMAIN=${harness.emulator.domain}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        AUTH_ID: userToken,
        REFRESH_ID: 'not-used',
        member_id: harness.emulator.memberId,
        APPLICATION_TOKEN: String(secrets.get('application token')),
      }).toString(),
    });
    expect(response.statusCode).toBe(303);
  }

  async function readTheApi(): Promise<void> {
    const urls = [
      '/api/health',
      '/api/health?details=1',
      '/api/auth/me',
      '/api/cleaning/houses?limit=5',
      '/api/cleaning/houses/1',
      '/api/dashboard/employees',
      '/api/connection/mapping',
      '/api/sync/runs',
    ];
    for (const url of urls) {
      const response = await harness.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      bodies.push(response.body);
    }
  }

  /** An admin makes a token for a script; the script reads; the token is revoked. */
  async function useAnApiToken(): Promise<void> {
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const created = await harness.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin,
      payload: { name: 'Скрипт выгрузки' },
    });
    apiToken = String(created.json().secret);
    const script = { authorization: `Bearer ${apiToken}` };

    await harness.app.inject({ url: '/api/cleaning/houses?limit=5', headers: script });
    await harness.app.inject({ url: '/api/tokens', headers: admin });
    await harness.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${created.json().token.id}`,
      headers: admin,
    });
    const refused = await harness.app.inject({ url: '/api/auth/me', headers: script });
    expect(refused.statusCode).toBe(401);
  }

  /** Refusals must not echo what they refuse. */
  async function sendRefusedCalls(): Promise<void> {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const calls = [
      new URLSearchParams({
        event: 'ONAPPINSTALL',
        'auth[access_token]': String(secrets.get('access token (refreshed)')),
        'auth[refresh_token]': String(secrets.get('refresh token (refreshed)')),
        'auth[domain]': harness.emulator.domain,
        'auth[member_id]': 'ffffffffffffffffffffffffffffffff',
        'auth[application_token]': String(secrets.get('application token')),
      }),
      new URLSearchParams({ event: 'ONAPPINSTALL', 'auth[access_token]': ADMIN_TOKEN }),
    ];
    for (const payload of calls) {
      const response = await harness.app.inject({
        method: 'POST',
        url: '/api/bitrix24/install',
        headers: form,
        payload: payload.toString(),
      });
      bodies.push(response.body);
    }

    const wrongBearer = await harness.app.inject({
      method: 'GET',
      url: '/api/cleaning/houses',
      headers: { authorization: `Bearer ${SECRET_KEY}` },
    });
    bodies.push(wrongBearer.body);
  }
});
