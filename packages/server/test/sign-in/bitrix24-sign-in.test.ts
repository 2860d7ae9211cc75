import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ApplicationHarness,
  startApplicationHarness,
} from '../application/support/application-harness.js';
import { describeStore } from '../support/test-store.js';

interface Employee {
  id: number;
  brigadeId: number | null;
  isLeader: number;
  isAdmin: number;
}

describeStore('sign-in with Bitrix24', () => {
  let harness: ApplicationHarness;
  let applicationToken: string;
  let memberId: string;

  beforeAll(async () => {
    harness = await startApplicationHarness({ realSync: true });
    const installed = await harness.install();
    applicationToken = String(installed.applicationToken);
    memberId = harness.emulator.memberId;
    await harness.queue.drain();
  });
  afterAll(async () => harness.close());

  const employees = async (): Promise<Employee[]> =>
    (
      await harness.store.db
        .selectFrom('employees')
        .select(['id', 'brigadeId', 'isLeader', 'isAdmin'])
        .where('memberId', '=', memberId)
        .where('active', '=', 1)
        .orderBy('id')
        .execute()
    ).map((row) => ({
      ...row,
      id: Number(row.id),
      brigadeId: row.brigadeId === null ? null : Number(row.brigadeId),
    }));

  /** The authorization page of the emulator approves for `userId` and sends the browser back. */
  async function authorize(location: string, userId?: number): Promise<URL> {
    const url = new URL(location);
    if (userId !== undefined) url.searchParams.set('user_id', String(userId));
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(String(response.headers.get('location')));
  }

  async function start(): Promise<{ location: string; stateCookie: string }> {
    const response = await harness.app.inject({ method: 'GET', url: '/api/auth/bitrix24/start' });
    expect(response.statusCode).toBe(302);
    const cookie = response.cookies.find((c) => c.name === 'audiobot_oauth_state');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    return { location: String(response.headers.location), stateCookie: String(cookie?.value) };
  }

  async function callback(back: URL, stateCookie: string | null) {
    return harness.app.inject({
      method: 'GET',
      url: `/api/auth/bitrix24/callback${back.search}`,
      cookies: stateCookie === null ? {} : { audiobot_oauth_state: stateCookie },
    });
  }

  async function me(session: string) {
    const response = await harness.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { audiobot_session: session },
    });
    return response.json() as { user: { id: string; role: string; brigadeId: string | null } };
  }

  async function signIn(userId?: number) {
    const { location, stateCookie } = await start();
    const back = await authorize(location, userId);
    const response = await callback(back, stateCookie);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    const session = response.cookies.find((c) => c.name === 'audiobot_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    return me(String(session?.value));
  }

  it('sends the browser to the portal’s authorization page with our client id', async () => {
    const { location } = await start();
    const url = new URL(location);

    expect(url.origin).toBe(harness.emulator.url);
    expect(url.pathname).toBe('/oauth/authorize/');
    expect(url.searchParams.get('client_id')).toBe(harness.emulator.application.clientId);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(url.searchParams.get('redirect_uri')).toBe(`${harness.url}/api/auth/bitrix24/callback`);
  });

  it('signs the portal admin in as admin through the authorization page', async () => {
    const codesBefore = harness.oauthCalls.authorizationCode;
    // The emulator approves for its first administrator, user 1 of the test portal.
    const signedIn = await signIn();

    expect(signedIn.user).toMatchObject({ id: '1', role: 'admin', brigadeId: null });
    expect(harness.oauthCalls.authorizationCode).toBe(codesBefore + 1);
  });

  it('gives brigade leaders and members their role and brigade', async () => {
    const staff = await employees();
    const leader = staff.find((employee) => employee.isLeader === 1 && employee.isAdmin === 0);
    const member = staff.find(
      (employee) =>
        employee.brigadeId !== null && employee.isLeader === 0 && employee.isAdmin === 0,
    );

    expect((await signIn(leader?.id)).user).toEqual({
      id: String(leader?.id),
      name: expect.any(String),
      role: 'brigade_leader',
      brigadeId: String(leader?.brigadeId),
    });
    expect((await signIn(member?.id)).user).toMatchObject({
      role: 'brigade_member',
      brigadeId: String(member?.brigadeId),
    });
  });

  it('signs an employee outside the brigades in as office', async () => {
    expect((await signIn(6)).user).toMatchObject({ id: '6', role: 'office', brigadeId: null });
  });

  it('refuses a user the last sync found dismissed', async () => {
    await harness.store.db
      .updateTable('employees')
      .set({ active: 0 })
      .where('memberId', '=', memberId)
      .where('id', '=', 5)
      .execute();
    const { location, stateCookie } = await start();

    const response = await callback(await authorize(location, 5), stateCookie);

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'forbidden' });
  });

  it('recomputes the role from the portal at sign-in, not from an old row', async () => {
    const staff = await employees();
    const member = staff.find((employee) => employee.isAdmin === 0 && employee.brigadeId !== null);
    await harness.store.db
      .updateTable('employees')
      .set({ isAdmin: 1 })
      .where('memberId', '=', memberId)
      .where('id', '=', member?.id ?? 0)
      .execute();

    expect((await signIn(member?.id)).user.role).not.toBe('admin');
  });

  it('refuses a callback whose state is not this browser’s', async () => {
    const first = await start();
    const second = await start();
    const back = await authorize(first.location);

    const wrongCookie = await callback(back, second.stateCookie);
    const noCookie = await callback(back, null);

    for (const response of [wrongCookie, noCookie]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthenticated' });
      expect(response.cookies.find((c) => c.name === 'audiobot_session')).toBeUndefined();
    }
  });

  it('sends a browser back to the web app with the reason of a refusal', async () => {
    const { location } = await start();
    const back = await authorize(location);

    const response = await harness.app.inject({
      method: 'GET',
      url: `/api/auth/bitrix24/callback${back.search}`,
      headers: { accept: 'text/html,application/xhtml+xml' },
    });

    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/?signInError=unauthenticated');
    expect(response.cookies.find((c) => c.name === 'audiobot_session')).toBeUndefined();
  });

  it('tells the web app that Bitrix24 sign-in is available', async () => {
    const health = await harness.app.inject({ url: '/api/health' });

    expect(health.json().signIn).toEqual({ bitrix24: true });
  });

  it('refuses a code used twice', async () => {
    const { location, stateCookie } = await start();
    const back = await authorize(location);

    expect((await callback(back, stateCookie)).statusCode).toBe(302);
    expect((await callback(back, stateCookie)).statusCode).toBe(401);
  });

  /** What the portal posts to the application's frame when a user opens it. */
  async function userToken(userId?: number): Promise<string> {
    const { location } = await start();
    const code = (await authorize(location, userId)).searchParams.get('code') ?? '';
    const response = await fetch(`${harness.emulator.url}/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: harness.emulator.application.clientId,
        client_secret: harness.emulator.application.clientSecret,
        code,
      }).toString(),
    });
    return String(((await response.json()) as { access_token: string }).access_token);
  }

  const openFrame = (fields: Record<string, string>, https = true) =>
    harness.app.inject({
      method: 'POST',
      url: `/api/bitrix24/frame?DOMAIN=${harness.emulator.domain}&PROTOCOL=1&LANG=ru&APP_SID=abc`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(https ? { 'x-forwarded-proto': 'https' } : {}),
      },
      payload: new URLSearchParams(fields).toString(),
    });

  it('signs in the user who opens the application inside Bitrix24', async () => {
    const member = (await employees()).find((e) => e.brigadeId !== null && e.isAdmin === 0);
    const response = await openFrame({
      AUTH_ID: await userToken(member?.id),
      AUTH_EXPIRES: '3600',
      REFRESH_ID: 'refresh-not-used-by-audiobot',
      member_id: memberId,
      APPLICATION_TOKEN: applicationToken,
      PLACEMENT: 'DEFAULT',
    });

    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    const session = response.cookies.find((c) => c.name === 'audiobot_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'None', secure: true });
    expect((await me(String(session?.value))).user.id).toBe(String(member?.id));
  });

  it('refuses a frame with a forged token or the wrong application token', async () => {
    const forged = await openFrame({
      AUTH_ID: 'forged-access-token-00000000',
      member_id: memberId,
      APPLICATION_TOKEN: applicationToken,
    });
    const wrongApplication = await openFrame({
      AUTH_ID: await userToken(),
      member_id: memberId,
      APPLICATION_TOKEN: 'forged-application-token',
    });

    for (const response of [forged, wrongApplication]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthenticated' });
      expect(response.cookies.find((c) => c.name === 'audiobot_session')).toBeUndefined();
    }
  });
});
