import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';

import {
  type ApiFixture,
  asAdmin,
  createApiFixture,
  MEMBER_ID,
} from '../api/support/api-fixture.js';
import { insertBrigade, insertEmployee } from '../api/support/house-factory.js';
import { describeStore } from '../support/test-store.js';

interface RouteEntry {
  method: string;
  url: string;
  access: string | undefined;
}

const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/auth/demo', 'POST /api/auth/logout'];

/** Every route the app registered, read from Fastify itself, not from a hand-kept list. */
function routeTable(_app: FastifyInstance, collected: RouteEntry[]): RouteEntry[] {
  return collected.filter(
    (route) =>
      route.url.startsWith('/api/') &&
      !route.url.startsWith('/api/docs') &&
      route.method !== 'HEAD',
  );
}

function concreteUrl(url: string): string {
  return url.replace(/:id/g, '1');
}

describeStore('access to every route', () => {
  let fixture: ApiFixture;
  const collected: RouteEntry[] = [];

  beforeAll(async () => {
    fixture = await createApiFixture({
      onRoute: (route) => {
        for (const method of [route.method].flat()) {
          collected.push({ method, url: route.url, access: route.config?.access });
        }
      },
    });
    const db = fixture.store.db;
    await insertBrigade(db, 11, 'Бригада 1', 100);
    await insertEmployee(db, 1, 'Администратор Портала', { isAdmin: 1 });
    await insertEmployee(db, 100, 'Бригадир Первый', { brigadeId: 11, isLeader: 1 });
  });
  afterAll(() => fixture.close());

  it('knows the whole contract', () => {
    const routes = routeTable(fixture.app, collected).map(
      (route) => `${route.method} ${route.url}`,
    );

    expect(routes.sort()).toEqual(
      [
        'GET /api/auth/me',
        'POST /api/auth/logout',
        'POST /api/auth/demo',
        'GET /api/health',
        'GET /api/cleaning/houses',
        'GET /api/cleaning/houses/export',
        'GET /api/cleaning/houses/:id',
        'GET /api/cleaning/filters',
        'GET /api/cleaning/schedule',
        'GET /api/cleaning/map',
        'GET /api/dashboard/employees',
        'GET /api/dashboard/departments',
        'GET /api/dashboard/statistics',
        'GET /api/dashboard/workload',
        'GET /api/connection/mapping',
        'POST /api/sync',
        'GET /api/sync/runs',
        'GET /api/sync/runs/:id',
        'GET /api/outbox',
        'POST /api/outbox/:id/retry',
        'GET /api/dispatch',
        'POST /api/dispatch',
        'GET /api/completions/day',
        'POST /api/completions',
        'POST /api/completions/:id/correction',
        'GET /api/completions/photos/:id',
        'GET /api/completions/check',
        'GET /api/tokens',
        'POST /api/tokens',
        'DELETE /api/tokens/:id',
        'GET /api/acts',
        'GET /api/acts/export',
        'PUT /api/acts/:month/houses/:id/signature',
        'DELETE /api/acts/:month/houses/:id/signature',
        'GET /api/kpi',
      ].sort(),
    );
  });

  it('answers 401 unauthenticated to an anonymous call of every protected route', async () => {
    const protectedRoutes = routeTable(fixture.app, collected).filter(
      (route) => !PUBLIC_ROUTES.includes(`${route.method} ${route.url}`),
    );
    expect(protectedRoutes.length).toBeGreaterThan(12);

    for (const route of protectedRoutes) {
      for (const headers of [
        {},
        { authorization: 'Bearer wrong-token' },
        { cookie: 'audiobot_session=forged' },
      ]) {
        const response = await fixture.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          headers,
        });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
        expect(response.json()).toMatchObject({
          error: 'unauthenticated',
          message: expect.any(String),
        });
      }
    }
  });

  it('keeps health public but its doctor details for admins', async () => {
    const anonymous = await fixture.app.inject({ url: '/api/health' });
    const details = await fixture.app.inject({ url: '/api/health?details=1' });

    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({
      status: 'ok',
      demo: true,
      portal: { domain: expect.any(String) },
      signIn: { bitrix24: false },
    });
    expect(details.statusCode).toBe(401);
  });

  it('signs in the demo admin with an httpOnly cookie, then out', async () => {
    const signIn = await fixture.app.inject({ method: 'POST', url: '/api/auth/demo', payload: {} });
    const cookie = signIn.cookies.find((c) => c.name === 'audiobot_session');

    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toEqual({
      user: { id: '1', name: 'Администратор Портала', role: 'admin', brigadeId: null },
      demo: true,
    });
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const headers = { cookie: `audiobot_session=${cookie?.value}` };
    const me = await fixture.app.inject({ url: '/api/auth/me', headers });
    expect(me.json().user.role).toBe('admin');

    const stored = await fixture.store.db.selectFrom('sessions').select('tokenHash').execute();
    expect(stored.map((row) => row.tokenHash)).not.toContain(cookie?.value);

    await fixture.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    const after = await fixture.app.inject({ url: '/api/auth/me', headers });
    expect(after.statusCode).toBe(401);
  });

  it('lets only admins start a sync', async () => {
    const leader = await signInAs(fixture, 100);
    const asLeader = await fixture.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { cookie: `audiobot_session=${leader}` },
      payload: { mode: 'full' },
    });
    const asAdminToken = await fixture.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: asAdmin,
      payload: { mode: 'full' },
    });

    expect(asLeader.statusCode).toBe(403);
    expect(asLeader.json().error).toBe('forbidden');
    expect(asAdminToken.statusCode).toBe(202);
    expect(asAdminToken.json().run).toMatchObject({
      mode: 'full',
      status: 'queued',
      id: expect.any(String),
    });
  });

  it('refuses the demo sign-in outside demo mode', async () => {
    const real = await createApiFixture({
      portal: { memberId: MEMBER_ID, domain: 'vas-dom.bitrix24.ru', demo: false },
    });
    const response = await real.app.inject({ method: 'POST', url: '/api/auth/demo', payload: {} });
    await real.close();

    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('demo_disabled');
  });
});

async function signInAs(fixture: ApiFixture, employeeId: number): Promise<string> {
  const { createSession } = await import('../../src/auth/session-store.js');
  const { userOfEmployee } = await import('../../src/auth/employee-user.js');
  const employee = await fixture.store.db
    .selectFrom('employees')
    .selectAll()
    .where('id', '=', employeeId)
    .executeTakeFirstOrThrow();
  const session = await createSession(fixture.store.db, MEMBER_ID, userOfEmployee(employee));
  return session.token;
}
