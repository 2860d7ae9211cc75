import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, getRest, useEmulator } from '../support/emulator-harness.js';
import { type HookReceiver, startHookReceiver } from '../support/hook-receiver.js';
import { installApplication, requestToken } from '../support/oauth-setup.js';

// Docs: api-reference/oauth/index.md (authorization code, token answer),
// api-reference/common/events/on-app-install.md, settings/how-to-call-rest-api/authorization.md.
describe('OAuth of the local application', () => {
  const emulator = useEmulator();
  let receiver: HookReceiver;

  beforeAll(async () => {
    receiver = await startHookReceiver();
  });
  afterAll(async () => receiver.close());

  it('POSTs ONAPPINSTALL form-encoded with the documented fields (on-app-install.md)', async () => {
    receiver.calls.length = 0;
    const app = await installApplication(emulator(), receiver);
    const call = receiver.calls.find((received) => received.path === '/install');

    expect(call?.contentType).toBe('application/x-www-form-urlencoded');
    const form = call?.form as {
      event: string;
      data: Record<string, string>;
      ts: string;
      auth: Record<string, string>;
    };
    expect(form.event).toBe('ONAPPINSTALL');
    expect(form.data).toMatchObject({ VERSION: '1', LANGUAGE_ID: 'ru' });
    expect(Number(form.ts)).toBeGreaterThan(0);
    expect(form.auth).toMatchObject({
      access_token: app.accessToken,
      refresh_token: app.refreshToken,
      expires_in: '3600',
      domain: 'vas-dom.bitrix24.ru',
      server_endpoint: `${emulator().url}/rest/`,
      client_endpoint: `${emulator().url}/rest/`,
      member_id: emulator().memberId,
      status: 'L',
      application_token: app.applicationToken,
    });
    expect(form.auth.scope?.split(',')).toContain('crm');
  });

  it('takes the token as auth, access_token or Bearer (authorization.md)', async () => {
    const app = await installApplication(emulator(), receiver);
    const base = `${emulator().url}/rest/`;

    expect((await getRest(`${base}profile?auth=${app.accessToken}`)).status).toBe(200);
    expect((await getRest(`${base}profile.json?access_token=${app.accessToken}`)).status).toBe(200);
    const bearer = await fetch(`${base}app.info`, {
      headers: { authorization: `Bearer ${app.accessToken}` },
    });
    const info = (await bearer.json()) as { result: { CODE: string; INSTALLED: boolean } };
    expect(info.result).toMatchObject({ CODE: app.clientId, INSTALLED: true });
  });

  it('expires the access token after an emulator hour: 401 expired_token', async () => {
    const app = await installApplication(emulator(), receiver);
    await control(emulator(), 'POST', '/clock', { advanceSeconds: 3601 });

    const reply = await getRest(`${emulator().url}/rest/profile?auth=${app.accessToken}`);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      error: 'expired_token',
      error_description: 'The access token provided has expired.',
    });
  });

  it('refreshes once per refresh token; a spent one is invalid_grant (index.md)', async () => {
    const app = await installApplication(emulator(), receiver);
    const grant = {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    };

    const fresh = await requestToken(emulator(), { ...grant, refresh_token: app.refreshToken });
    expect(fresh.status).toBe(200);
    expect(Object.keys(fresh.body).sort()).toEqual(
      [
        'access_token',
        'client_endpoint',
        'domain',
        'expires',
        'expires_in',
        'member_id',
        'refresh_token',
        'scope',
        'server_endpoint',
        'status',
        'user_id',
      ].sort(),
    );
    expect(fresh.body).toMatchObject({
      expires_in: 3600,
      member_id: emulator().memberId,
      user_id: 1,
    });
    expect(
      (await getRest(`${emulator().url}/rest/profile?auth=${fresh.body.access_token}`)).status,
    ).toBe(200);

    const spent = await requestToken(emulator(), { ...grant, refresh_token: app.refreshToken });
    expect(spent.status).toBe(400);
    expect(spent.body.error).toBe('invalid_grant');
  });

  it('logs token requests in the request log, with their grant and outcome', async () => {
    const app = await installApplication(emulator(), receiver);
    await control(emulator(), 'DELETE', '/requests');
    const grant = {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    };

    await requestToken(emulator(), { ...grant, refresh_token: app.refreshToken });
    await requestToken(emulator(), { ...grant, refresh_token: app.refreshToken });

    const log = (await control(emulator(), 'GET', '/requests')).body as {
      total: number;
      byMethod: Record<string, number>;
      errors: number;
      recent: Array<Record<string, unknown>>;
    };
    expect(log).toMatchObject({ total: 2, byMethod: { 'oauth/token': 2 }, errors: 1 });
    expect(log.recent).toEqual([
      expect.objectContaining({ method: 'oauth/token', status: 200, grantType: 'refresh_token' }),
      expect.objectContaining({ status: 400, error: 'invalid_grant', via: 'application' }),
    ]);
    expect(JSON.stringify(log)).not.toContain(app.refreshToken);
  });

  it('lets a refresh token live 180 days', async () => {
    const app = await installApplication(emulator(), receiver);
    const grant = {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    };
    await control(emulator(), 'POST', '/clock', { advanceSeconds: 181 * 24 * 3600 });

    const expired = await requestToken(emulator(), { ...grant, refresh_token: app.refreshToken });
    expect(expired.body.error).toBe('invalid_grant');
  });

  it('refuses a wrong client secret with invalid_client', async () => {
    const app = await installApplication(emulator(), receiver);
    const reply = await requestToken(emulator(), {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: 'wrong',
      refresh_token: app.refreshToken,
    });
    expect(reply.status).toBe(401);
    expect(reply.body.error).toBe('invalid_client');
  });

  it('runs the code grant: redirect with code, state, domain, member_id, scope', async () => {
    const app = await installApplication(emulator(), receiver);
    const authorize = await fetch(
      `${emulator().url}/oauth/authorize/?client_id=${app.clientId}&state=s42`,
      {
        redirect: 'manual',
      },
    );
    expect(authorize.status).toBe(302);

    const location = new URL(authorize.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${receiver.url}/app`);
    expect(location.searchParams.get('state')).toBe('s42');
    expect(location.searchParams.get('domain')).toBe('vas-dom.bitrix24.ru');
    expect(location.searchParams.get('member_id')).toBe(emulator().memberId);
    expect(location.searchParams.get('scope')).toContain('crm');

    const grant = {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      code: location.searchParams.get('code') ?? '',
    };
    const tokens = await requestToken(emulator(), grant);
    expect(tokens.status).toBe(200);
    expect((await requestToken(emulator(), grant)).body.error).toBe('invalid_grant');
  });

  it('lets a code live 30 seconds; authorises the user named by user_id', async () => {
    const app = await installApplication(emulator(), receiver);
    await control(emulator(), 'POST', '/clock', { freeze: true });
    const callback = encodeURIComponent('http://127.0.0.1:9/cb');
    const query = `client_id=${app.clientId}&user_id=3&redirect_uri=${callback}`;
    const authorize = await fetch(`${emulator().url}/oauth/authorize/?${query}`, {
      redirect: 'manual',
    });
    const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const grant = {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    };

    await control(emulator(), 'POST', '/clock', { advanceSeconds: 31 });
    expect((await requestToken(emulator(), { ...grant, code })).body.error).toBe('invalid_grant');
  });

  it('voids the tokens when the application is uninstalled', async () => {
    const app = await installApplication(emulator(), receiver);
    await control(emulator(), 'POST', '/application/uninstall');

    const reply = await getRest(`${emulator().url}/rest/profile?auth=${app.accessToken}`);
    expect(reply.body.error).toBe('invalid_token');
  });

  it('limits an application to its scopes', async () => {
    await control(emulator(), 'PUT', '/application', {
      clientId: emulator().application.clientId,
      scopes: ['crm'],
    });
    const app = await installApplication(emulator(), receiver);

    expect(
      (await getRest(`${emulator().url}/rest/user.get?auth=${app.accessToken}`)).body.error,
    ).toBe('insufficient_scope');
    expect(
      (await getRest(`${emulator().url}/rest/scope?auth=${app.accessToken}`)).body.result,
    ).toEqual(['crm']);
  });
});
