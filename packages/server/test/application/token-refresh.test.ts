import { afterEach, beforeEach, expect, it } from 'vitest';

import { ApplicationStateError, applicationCheck } from '../../src/application/index.js';
import { fixes } from '../../src/doctor/doctor-fixes.js';
import { createSecretBox } from '../../src/store/index.js';
import { describeStore } from '../support/test-store.js';
import {
  type ApplicationHarness,
  SECRET_KEY,
  startApplicationHarness,
} from './support/application-harness.js';

const box = createSecretBox(SECRET_KEY);
const HOUR_AND_A_BIT = 3601;

describeStore('application tokens over time', () => {
  let harness: ApplicationHarness;

  beforeEach(async () => {
    harness = await startApplicationHarness();
    await harness.install();
  });
  afterEach(async () => harness.close());

  const storedTokens = async () => {
    const portal = await harness.store.db
      .selectFrom('portals')
      .select(['accessToken', 'refreshToken'])
      .where('memberId', '=', harness.emulator.memberId)
      .executeTakeFirstOrThrow();
    return {
      accessToken: portal.accessToken === null ? null : box.open(portal.accessToken),
      refreshToken: portal.refreshToken === null ? null : box.open(portal.refreshToken),
    };
  };

  it('refreshes once for 20 concurrent calls after an hour and saves the new pair', async () => {
    const before = await storedTokens();
    await harness.control('POST', '/clock', { advanceSeconds: HOUR_AND_A_BIT });

    const client = await harness.services.clients.clientFor(harness.emulator.memberId);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        harness.services.clients
          .clientFor(harness.emulator.memberId)
          .then((same) => same.call<string>('server.time')),
      ),
    );

    expect(answers.every((answer) => typeof answer.result === 'string')).toBe(true);
    expect(harness.oauthCalls.refresh).toBe(1);
    expect(client.getStats().tokenRefreshes).toBe(1);
    const after = await storedTokens();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect((await applicationCheck(harness.services, harness.emulator.memberId)).status).toBe('ok');
  });

  it('keeps working across many hours, saving every new refresh token', async () => {
    for (let hour = 0; hour < 3; hour += 1) {
      await harness.control('POST', '/clock', { advanceSeconds: HOUR_AND_A_BIT });
      const client = await harness.services.clients.clientFor(harness.emulator.memberId);
      await client.call('server.time');
    }
    expect(harness.oauthCalls.refresh).toBe(3);

    // A new process (new client) starts from the store: the saved pair must still work.
    harness.services.clients.forget(harness.emulator.memberId);
    await harness.control('POST', '/clock', { advanceSeconds: HOUR_AND_A_BIT });
    const fresh = await harness.services.clients.clientFor(harness.emulator.memberId);
    await expect(fresh.call('server.time')).resolves.toBeDefined();
  });

  it('turns a spent refresh token into a doctor failure, without calling again', async () => {
    await spendStoredRefreshToken();
    await harness.control('POST', '/clock', { advanceSeconds: HOUR_AND_A_BIT });
    const memberId = harness.emulator.memberId;

    const client = await harness.services.clients.clientFor(memberId);
    await expect(client.call('server.time')).rejects.toMatchObject({ kind: 'credentials' });
    expect(harness.oauthCalls.refresh).toBe(1);

    const doctor = await applicationCheck(harness.services, memberId);
    expect(doctor).toMatchObject({ status: 'fail', fix: fixes.reinstallApplication });
    expect(doctor.detail).toContain('invalid_grant');
    expect(await storedTokens()).toEqual({ accessToken: null, refreshToken: null });

    const requestsBefore = harness.emulator.portal.requests.summary().total;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const next = harness.services.clients.clientFor(memberId);
      await expect(next).rejects.toBeInstanceOf(ApplicationStateError);
      await expect(next).rejects.toMatchObject({ code: 'application_tokens_lost' });
    }
    expect(harness.oauthCalls.refresh).toBe(1);
    expect(harness.emulator.portal.requests.summary().total).toBe(requestsBefore);
  });

  it('recovers when the application is installed again', async () => {
    await spendStoredRefreshToken();
    await harness.control('POST', '/clock', { advanceSeconds: HOUR_AND_A_BIT });
    const memberId = harness.emulator.memberId;
    const broken = await harness.services.clients.clientFor(memberId);
    await expect(broken.call('server.time')).rejects.toBeDefined();

    await harness.install();
    const client = await harness.services.clients.clientFor(memberId);
    await expect(client.call('server.time')).resolves.toBeDefined();
    expect((await applicationCheck(harness.services, memberId)).status).toBe('ok');
  });

  /** Someone else (a copied database, a second installation) used the refresh token. */
  async function spendStoredRefreshToken(): Promise<void> {
    const { refreshToken } = await storedTokens();
    const response = await fetch(`${harness.emulator.url}/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: harness.emulator.application.clientId,
        client_secret: harness.emulator.application.clientSecret,
        refresh_token: refreshToken ?? '',
      }).toString(),
    });
    expect(response.status).toBe(200);
  }
});

describeStore('a wrong application secret', () => {
  it('is named by the doctor, keeps the tokens and stops further refreshes', async () => {
    const harness = await startApplicationHarness({
      env: { BITRIX_APPLICATION_SECRET: 'not-the-secret-of-this-application-000' },
    });
    try {
      await harness.install();
      const memberId = harness.emulator.memberId;
      await harness.control('POST', '/clock', { advanceSeconds: HOUR_AND_A_BIT });

      const client = await harness.services.clients.clientFor(memberId);
      await expect(client.call('server.time')).rejects.toMatchObject({ kind: 'credentials' });

      const doctor = await applicationCheck(harness.services, memberId);
      expect(doctor.status).toBe('fail');
      expect(doctor.fix).toContain('APPLICATION_SECRET');
      const portal = await harness.store.db
        .selectFrom('portals')
        .select('refreshToken')
        .executeTakeFirstOrThrow();
      expect(portal.refreshToken).not.toBeNull();

      await expect(harness.services.clients.clientFor(memberId)).rejects.toMatchObject({
        code: 'application_credentials_refused',
      });
      expect(harness.oauthCalls.refresh).toBe(1);
    } finally {
      await harness.close();
    }
  });
});
