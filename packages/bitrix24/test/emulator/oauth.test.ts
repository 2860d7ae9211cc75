import type { RunningEmulator } from '@audiobot/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Bitrix24Error,
  createBitrix24Client,
  createMemoryTokenStore,
  type OAuthTokens,
} from '../../src/index.js';
import { control, quickRetry, startHousePortal } from '../support/emulator-harness.js';
import { expectNoSecret } from '../support/expect-no-secret.js';
import { recordingLogger } from '../support/recording-logger.js';

interface Installed {
  accessToken: string;
  refreshToken: string;
}

/** Docs: settings/oauth/auto-renewal.md, settings/oauth/error-codes.md. */
describe('OAuth against the emulator', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startHousePortal();
  });
  afterAll(() => emulator.stop());

  async function install(): Promise<OAuthTokens> {
    const installed = await control<Installed>(emulator, 'POST', '/application/install', {});
    return {
      accessToken: installed.accessToken,
      refreshToken: installed.refreshToken,
      serverEndpoint: `${emulator.url}/rest/`,
    };
  }

  function oauthClient(tokens: OAuthTokens | null) {
    const tokenStore = createMemoryTokenStore(tokens);
    const logger = recordingLogger();
    const client = createBitrix24Client({
      auth: {
        type: 'oauth',
        portalUrl: emulator.url,
        clientId: emulator.application.clientId,
        clientSecret: emulator.application.clientSecret,
        tokenStore,
      },
      retry: quickRetry,
      logger,
    });
    return { client, tokenStore, logger };
  }

  const passAnHour = () => control(emulator, 'POST', '/clock', { advanceSeconds: 3601 });

  it('calls with the access token in `auth`', async () => {
    const { client } = oauthClient(await install());
    const answer = await client.call<{ ID: string }>('user.current');
    expect(answer.result.ID).toBe('1');
    expect(client.describeEndpoint()).toBe(`${emulator.url}/rest/ (OAuth, token ***)`);
  });

  it('an hour later, 20 concurrent calls share one refresh and all succeed', async () => {
    const installed = await install();
    const { client, tokenStore, logger } = oauthClient(installed);
    await client.call('server.time');
    await passAnHour();
    await control(emulator, 'DELETE', '/requests');

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => client.call('crm.deal.list', { select: ['ID'] })),
    );

    expect(answers.every((answer) => answer.total !== null)).toBe(true);
    expect(client.getStats().tokenRefreshes).toBe(1);
    expect(tokenStore.saves).toBe(1);
    const log = await control<{ recent: { error: string | null }[] }>(emulator, 'GET', '/requests');
    const expired = log.recent.filter((entry) => entry.error === 'expired_token');
    expect(expired.length).toBeGreaterThan(1);
    expect(tokenStore.current()?.refreshToken).not.toBe(installed.refreshToken);
    expect(tokenStore.current()?.accessToken).not.toBe(installed.accessToken);

    const logText = logger.text();
    expect(logText).toContain('OAuth tokens refreshed');
    for (const secret of [
      installed.accessToken,
      installed.refreshToken,
      tokenStore.current()!.accessToken,
      tokenStore.current()!.refreshToken,
      emulator.application.clientSecret,
    ]) {
      expect(logText).not.toContain(secret);
    }
  });

  it('saves every refreshed pair: a second hour refreshes with the new one', async () => {
    const { client, tokenStore } = oauthClient(await install());
    await passAnHour();
    await client.call('server.time');
    const first = tokenStore.current()?.refreshToken;
    await passAnHour();
    await client.call('server.time');

    expect(tokenStore.saves).toBe(2);
    expect(tokenStore.current()?.refreshToken).not.toBe(first);
  });

  it('an unknown access token is refreshed once, then the call succeeds', async () => {
    const installed = await install();
    const { client } = oauthClient({ ...installed, accessToken: 'f0rg0tt3nacc3sst0k3n' });
    const answer = await client.call('server.time');
    expect(answer.result).toBeTruthy();
    expect(client.getStats().tokenRefreshes).toBe(1);
  });

  it('a spent refresh token gives a clear credentials error, with no secret in it', async () => {
    const installed = await install();
    await spendRefreshToken(installed.refreshToken);
    await passAnHour();

    const { client, logger, tokenStore } = oauthClient(installed);
    const error = await client.call('server.time').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Bitrix24Error);
    expect(error).toMatchObject({
      kind: 'credentials',
      code: 'invalid_grant',
      method: 'oauth/token',
      retryable: false,
    });
    for (const secret of [
      installed.accessToken,
      installed.refreshToken,
      emulator.application.clientSecret,
    ]) {
      expectNoSecret(error as Bitrix24Error, logger.text(), secret);
    }
    expect(tokenStore.saves).toBe(0);

    // No crash loop: a second call fails the same way without asking the OAuth server again.
    await expect(client.call('server.time')).rejects.toMatchObject({ code: 'invalid_grant' });
    expect(client.getStats().tokenRefreshes).toBe(1);

    // Reinstalling stores a new pair; the same client picks it up without a restart.
    await tokenStore.save(await install());
    await expect(client.call('server.time')).resolves.toMatchObject({ result: expect.anything() });
  });

  it('an application without the user scope gets kind scope naming it', async () => {
    const application = await control(emulator, 'GET', '/application');
    await control(emulator, 'PUT', '/application', { ...application, scopes: ['crm'] });
    try {
      const { client } = oauthClient(await install());
      await expect(client.call('crm.deal.list', { select: ['ID'] })).resolves.toBeTruthy();
      await expect(client.call('user.get')).rejects.toMatchObject({
        kind: 'scope',
        code: 'insufficient_scope',
        missingScope: 'user',
      });
    } finally {
      await control(emulator, 'PUT', '/application', application);
    }
  });

  it('an uninstalled application gives a credentials error', async () => {
    const { client } = oauthClient(await install());
    await control(emulator, 'POST', '/application/uninstall', {});
    await expect(client.call('server.time')).rejects.toMatchObject({ kind: 'credentials' });
  });

  it('no stored tokens gives a credentials error before any request', async () => {
    const { client } = oauthClient(null);
    await expect(client.call('server.time')).rejects.toMatchObject({
      kind: 'credentials',
      code: 'CLIENT_NO_TOKENS',
    });
    expect(client.getStats().requests).toBe(0);
  });

  async function spendRefreshToken(refreshToken: string): Promise<void> {
    const response = await fetch(`${emulator.url}/oauth/token/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: emulator.application.clientId,
        client_secret: emulator.application.clientSecret,
        refresh_token: refreshToken,
      }).toString(),
    });
    expect(response.status).toBe(200);
  }
});
