import { afterAll, beforeAll, expect, it } from 'vitest';

import { createSecretBox } from '../../src/store/index.js';
import { describeStore } from '../support/test-store.js';
import {
  type ApplicationHarness,
  SECRET_KEY,
  startApplicationHarness,
} from './support/application-harness.js';

/**
 * The other way Bitrix24 installs a local application with an interface: it opens the
 * install URL in its frame with the admin's AUTH_ID, REFRESH_ID, member_id and
 * APPLICATION_TOKEN, and waits for the page to call BX24.installFinish().
 */
describeStore('install through the portal’s install frame', () => {
  let harness: ApplicationHarness;
  let applicationToken: string;

  beforeAll(async () => {
    harness = await startApplicationHarness();
    // The emulator grants user tokens only to an installed application.
    applicationToken = String((await harness.install()).applicationToken);
    await harness.store.db.deleteFrom('portals').execute();
  });
  afterAll(async () => harness.close());

  async function adminTokens(): Promise<{ access_token: string; refresh_token: string }> {
    const authorize = new URL('/oauth/authorize/', harness.emulator.url);
    authorize.searchParams.set('client_id', harness.emulator.application.clientId);
    const approved = await fetch(authorize, { redirect: 'manual' });
    const code = new URL(String(approved.headers.get('location'))).searchParams.get('code');

    const response = await fetch(`${harness.emulator.url}/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: harness.emulator.application.clientId,
        client_secret: harness.emulator.application.clientSecret,
        code: String(code),
      }).toString(),
    });
    return (await response.json()) as { access_token: string; refresh_token: string };
  }

  it('stores the tokens and answers a page that finishes the install', async () => {
    const tokens = await adminTokens();
    const host = new URL(harness.emulator.url).host;

    const response = await harness.app.inject({
      method: 'POST',
      url: `/api/bitrix24/install?DOMAIN=${host}&PROTOCOL=0&LANG=ru&APP_SID=x1`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        AUTH_ID: tokens.access_token,
        AUTH_EXPIRES: '3600',
        REFRESH_ID: tokens.refresh_token,
        member_id: harness.emulator.memberId,
        APPLICATION_TOKEN: applicationToken,
        PLACEMENT: 'DEFAULT',
        status: 'L',
      }).toString(),
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('BX24.installFinish()');
    expect(response.body).not.toContain(tokens.access_token);

    const portal = await harness.store.db
      .selectFrom('portals')
      .selectAll()
      .executeTakeFirstOrThrow();
    const box = createSecretBox(SECRET_KEY);
    expect(portal.clientEndpoint).toBe(`http://${host}/rest/`);
    expect(box.open(portal.refreshToken ?? '')).toBe(tokens.refresh_token);
    expect(box.open(portal.applicationToken ?? '')).toBe(applicationToken);
  });

  it('refuses an install frame whose token does not work', async () => {
    const host = new URL(harness.emulator.url).host;
    const response = await harness.app.inject({
      method: 'POST',
      url: `/api/bitrix24/install?DOMAIN=${host}&PROTOCOL=0`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        AUTH_ID: 'forged-access-token-0000',
        REFRESH_ID: 'forged-refresh-token-000',
        member_id: harness.emulator.memberId,
        APPLICATION_TOKEN: 'forged-application-token',
      }).toString(),
    });

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'forbidden' });
  });
});
