import { describe, expect, it } from 'vitest';
import { createBitrix24Client, createMemoryTokenStore } from '../../src/index.js';
import { createFakeClock } from '../support/fake-clock.js';
import { type ScriptedAnswer, scriptedFetch } from '../support/scripted-fetch.js';

const tokens = {
  accessToken: 'acc3ss-0ld-t0k3n',
  refreshToken: 'r3fr3sh-0ld-t0k3n',
  serverEndpoint: 'https://oauth.bitrix.info/rest/',
};
const secret = 'cl13nt-s3cr3t-value';

const refreshed = (n: number): ScriptedAnswer => ({
  status: 200,
  body: {
    access_token: `acc3ss-n3w-${n}`,
    refresh_token: `r3fr3sh-n3w-${n}`,
    expires_in: 3600,
    server_endpoint: 'https://oauth.bitrix.info/rest/',
    member_id: 'm1',
  },
});
const rest = (error: string): ScriptedAnswer => ({
  status: 401,
  body: { error, error_description: 'token problem' },
});
const ok: ScriptedAnswer = { status: 200, body: { result: 'ok', time: {} } };

function oauthClient(answers: ScriptedAnswer[]) {
  const fetch = scriptedFetch(answers);
  const tokenStore = createMemoryTokenStore(tokens);
  const client = createBitrix24Client({
    auth: {
      type: 'oauth',
      portalUrl: 'https://vas-dom.bitrix24.ru/',
      clientId: 'local.app',
      clientSecret: secret,
      tokenStore,
    },
    fetch,
    clock: createFakeClock(),
  });
  return { client, fetch, tokenStore };
}

describe('OAuth refresh over a scripted transport', () => {
  it('refreshes by a form POST to {server}/oauth/token/ with no secret in the URL', async () => {
    const { client, fetch, tokenStore } = oauthClient([rest('expired_token'), refreshed(1), ok]);
    await client.call('server.time');

    const [first, refresh, retry] = fetch.sent;
    expect(first?.url).toBe('https://vas-dom.bitrix24.ru/rest/server.time.json');
    expect(JSON.parse(first!.body)).toEqual({ auth: tokens.accessToken });
    expect(refresh?.url).toBe('https://oauth.bitrix.info/oauth/token/');
    expect(Object.fromEntries(new URLSearchParams(refresh!.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'local.app',
      client_secret: secret,
      refresh_token: tokens.refreshToken,
    });
    expect(JSON.parse(retry!.body)).toEqual({ auth: 'acc3ss-n3w-1' });
    expect(tokenStore.current()).toMatchObject({
      accessToken: 'acc3ss-n3w-1',
      refreshToken: 'r3fr3sh-n3w-1',
      memberId: 'm1',
    });
  });

  it('refreshes only once per call: expired twice is kind token_expired', async () => {
    const { client, fetch } = oauthClient([
      rest('expired_token'),
      refreshed(1),
      rest('expired_token'),
    ]);
    await expect(client.call('server.time')).rejects.toMatchObject({
      kind: 'token_expired',
      code: 'expired_token',
      retryable: false,
    });
    expect(fetch.sent).toHaveLength(3);
  });

  it('invalid_token is refreshed once, then reported as credentials', async () => {
    const { client } = oauthClient([rest('invalid_token'), refreshed(1), rest('invalid_token')]);
    await expect(client.call('server.time')).rejects.toMatchObject({
      kind: 'credentials',
      code: 'invalid_token',
    });
  });

  it('retries a refresh whose connection failed, with the same refresh token', async () => {
    const { client, fetch } = oauthClient([
      rest('expired_token'),
      { fail: 'network' },
      refreshed(1),
      ok,
    ]);
    await client.call('server.time');

    const refreshBodies = fetch.sent.filter((sent) => sent.url.endsWith('/oauth/token/'));
    expect(refreshBodies).toHaveLength(2);
    for (const sent of refreshBodies) expect(sent.body).toContain(tokens.refreshToken);
    expect(client.getStats().tokenRefreshes).toBe(2);
  });

  it('uses a newer pair another process stored instead of refreshing the stale one', async () => {
    const { client, fetch, tokenStore } = oauthClient([ok, rest('expired_token'), ok]);
    await client.call('server.time');
    await tokenStore.save({
      ...tokens,
      accessToken: 'acc3ss-fr0m-0th3r',
      refreshToken: 'r3f-0th3r',
    });
    await client.call('server.time');

    expect(fetch.sent.map((sent) => sent.url.endsWith('/oauth/token/'))).toEqual([
      false,
      false,
      false,
    ]);
    expect(JSON.parse(fetch.sent[2]!.body)).toEqual({ auth: 'acc3ss-fr0m-0th3r' });
    expect(client.getStats().tokenRefreshes).toBe(0);
  });

  it('a refused refresh is a credentials error that names no secret', async () => {
    const { client } = oauthClient([
      rest('expired_token'),
      {
        status: 400,
        body: { error: 'invalid_grant', error_description: `bad ${tokens.refreshToken}` },
      },
    ]);
    const error = await client.call('server.time').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'credentials', code: 'invalid_grant' });

    const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`;
    for (const value of [secret, tokens.refreshToken, tokens.accessToken]) {
      expect(text).not.toContain(value);
    }
  });
});
