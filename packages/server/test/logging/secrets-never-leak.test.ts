import { afterAll, beforeAll, expect, it } from 'vitest';

import { type ApiFixture, createApiFixture } from '../api/support/api-fixture.js';
import { insertEmployee } from '../api/support/house-factory.js';
import { describeStore } from '../support/test-store.js';

const WEBHOOK_CODE = 'whk9secret4code77';
const CLIENT_SECRET = 'appSecretValue0123456789';
const ADMIN_TOKEN = 'admin-token-for-leak-test-0001';

describeStore('secrets never reach a log line or a response', () => {
  let fixture: ApiFixture;
  const bodies: string[] = [];
  let sessionToken = '';

  beforeAll(async () => {
    fixture = await createApiFixture({
      env: {
        BITRIX_WEBHOOK_URL: `https://vas-dom.bitrix24.ru/rest/1/${WEBHOOK_CODE}/`,
        BITRIX_APPLICATION_ID: 'local.6537665f598492.98090704',
        BITRIX_APPLICATION_SECRET: CLIENT_SECRET,
        AUDIOBOT_ADMIN_TOKEN: ADMIN_TOKEN,
      },
    });
    await insertEmployee(fixture.store.db, 1, 'Админ', { isAdmin: 1 });
    fixture.app.get('/api/test/echo-error', async () => {
      throw new Error(
        `portal call https://vas-dom.bitrix24.ru/rest/1/${WEBHOOK_CODE}/user.get failed`,
      );
    });

    const requests = [
      {
        url: `/api/cleaning/houses?q=${WEBHOOK_CODE}`,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      },
      {
        url: `/api/cleaning/houses?auth=${CLIENT_SECRET}`,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      },
      { url: '/api/test/echo-error', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
      { url: '/api/auth/me', headers: { cookie: 'audiobot_session=forged-session-value-xyz' } },
      { url: `/api/nope?access_token=${CLIENT_SECRET}` },
      { method: 'POST' as const, url: '/api/auth/demo', payload: {} },
    ];
    for (const request of requests) {
      const response = await fixture.app.inject(request);
      bodies.push(response.body);
      const cookie = response.cookies.find((c) => c.name === 'audiobot_session');
      if (cookie) sessionToken = cookie.value;
    }
    const me = await fixture.app.inject({
      url: '/api/auth/me',
      headers: { cookie: `audiobot_session=${sessionToken}` },
    });
    bodies.push(me.body);
  });
  afterAll(() => fixture.close());

  it('logged the requests', () => {
    expect(fixture.logs.lines.length).toBeGreaterThanOrEqual(7);
    expect(sessionToken.length).toBeGreaterThan(20);
  });

  it.each([
    ['webhook code', WEBHOOK_CODE],
    ['client secret', CLIENT_SECRET],
    ['admin token', ADMIN_TOKEN],
    ['forged cookie', 'forged-session-value-xyz'],
  ])('has no %s in any log line or response', (_name, secret) => {
    expect(fixture.logs.text()).not.toContain(secret);
    for (const body of bodies) expect(body).not.toContain(secret);
  });

  it('has no session token in any log line, and no header at all', () => {
    expect(fixture.logs.text()).not.toContain(sessionToken);
    expect(fixture.logs.text()).not.toMatch(/authorization|"cookie"|user-agent/i);
  });
});
