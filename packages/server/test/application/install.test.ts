import { afterEach, beforeEach, expect, it } from 'vitest';

import { createSecretBox } from '../../src/store/index.js';
import { describeStore } from '../support/test-store.js';
import {
  type ApplicationHarness,
  SECRET_KEY,
  startApplicationHarness,
} from './support/application-harness.js';

const box = createSecretBox(SECRET_KEY);

describeStore('local application install and uninstall', () => {
  let harness: ApplicationHarness;

  beforeEach(async () => {
    harness = await startApplicationHarness();
  });
  afterEach(async () => harness.close());

  const portalRow = () =>
    harness.store.db
      .selectFrom('portals')
      .selectAll()
      .where('memberId', '=', harness.emulator.memberId)
      .executeTakeFirst();

  it('stores the tokens sealed, binds the handlers and queues the first full sync', async () => {
    const installed = await harness.install();
    expect(installed.installCall).toEqual({ status: 200, error: null });

    const portal = await portalRow();
    expect(portal).toMatchObject({
      domain: harness.emulator.domain,
      authKind: 'application',
      status: 'active',
      clientEndpoint: `${harness.emulator.url}/rest/`,
    });
    expect(portal?.accessToken).not.toContain(String(installed.accessToken));
    expect(box.open(portal?.accessToken ?? '')).toBe(installed.accessToken);
    expect(box.open(portal?.refreshToken ?? '')).toBe(installed.refreshToken);
    expect(box.open(portal?.applicationToken ?? '')).toBe(installed.applicationToken);

    const bindings = [...harness.emulator.portal.state.eventBindings.values()];
    const events = bindings.map((binding) => `${binding.event} ${binding.handler}`).sort();
    expect(events).toEqual(
      [
        'ONAPPUNINSTALL /api/bitrix24/uninstall',
        'ONCRMCOMPANYUPDATE /api/bitrix24/events',
        'ONCRMCONTACTUPDATE /api/bitrix24/events',
        'ONCRMDEALADD /api/bitrix24/events',
        'ONCRMDEALDELETE /api/bitrix24/events',
        'ONCRMDEALUPDATE /api/bitrix24/events',
        'ONUSERADD /api/bitrix24/events',
      ].map((line) => line.replace(' /', ` ${harness.url}/`)),
    );
    await harness.queue.drain();
    expect(harness.syncs).toEqual([{ memberId: harness.emulator.memberId, mode: 'full' }]);
  });

  it('binds each handler once when the application is installed again', async () => {
    await harness.install();
    await harness.install();

    expect(harness.emulator.portal.state.eventBindings.size).toBe(7);
  });

  it('refuses an install call with tokens that do not work on the portal', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/bitrix24/install',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        event: 'ONAPPINSTALL',
        'auth[access_token]': 'forged-access-token-000000',
        'auth[refresh_token]': 'forged-refresh-token-00000',
        'auth[domain]': harness.emulator.domain,
        'auth[member_id]': harness.emulator.memberId,
        'auth[client_endpoint]': `${harness.emulator.url}/rest/`,
        'auth[application_token]': 'forged-application-token-0',
      }).toString(),
    });

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'forbidden' });
    expect(await portalRow()).toBeUndefined();
  });

  it('names the missing field of an incomplete install call', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/bitrix24/install',
      payload: { event: 'ONAPPINSTALL', auth: { domain: 'x.bitrix24.ru' } },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', field: 'auth[member_id]' });
  });

  it('forgets the tokens when the portal uninstalls the application', async () => {
    await harness.install();
    await harness.control('POST', '/application/uninstall', {});

    const portal = await portalRow();
    expect(portal).toMatchObject({
      status: 'uninstalled',
      accessToken: null,
      refreshToken: null,
      applicationToken: null,
    });
  });

  it('answers 401 to an uninstall call without the stored application token', async () => {
    await harness.install();
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/bitrix24/uninstall',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        event: 'ONAPPUNINSTALL',
        'auth[member_id]': harness.emulator.memberId,
        'auth[application_token]': 'not-the-stored-token',
      }).toString(),
    });

    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'unauthenticated' });
    expect((await portalRow())?.status).toBe('active');
  });
});

describeStore('an install without BITRIX_PORTAL_URL and BITRIX_MEMBER_ID', () => {
  it('keeps the address of a portal installed before', async () => {
    const harness = await startApplicationHarness({
      env: { BITRIX_PORTAL_URL: '', BITRIX_MEMBER_ID: '' },
    });
    try {
      expect((await harness.install()).installCall).toMatchObject({ status: 200 });
      const response = await harness.app.inject({
        method: 'POST',
        url: '/api/bitrix24/install',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          event: 'ONAPPINSTALL',
          'auth[access_token]': 'attacker-access-token-000',
          'auth[refresh_token]': 'attacker-refresh-token-00',
          'auth[domain]': 'attacker.example',
          'auth[member_id]': harness.emulator.memberId,
          'auth[client_endpoint]': 'https://attacker.example/rest/',
          'auth[application_token]': 'attacker-application-tok',
        }).toString(),
      });

      expect(response.statusCode).toBe(403);
      const portal = await harness.store.db.selectFrom('portals').selectAll().executeTakeFirst();
      expect(portal?.clientEndpoint).toBe(`${harness.emulator.url}/rest/`);
    } finally {
      await harness.close();
    }
  });
});

describeStore('an install for another portal', () => {
  it('is refused when BITRIX_MEMBER_ID names another portal', async () => {
    const harness = await startApplicationHarness({
      env: { BITRIX_MEMBER_ID: '0123456789abcdef0123456789abcdef' },
    });
    try {
      const installed = await harness.install();
      expect(installed.installCall).toMatchObject({ status: 403 });
      const rows = await harness.store.db.selectFrom('portals').selectAll().execute();
      expect(rows).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
