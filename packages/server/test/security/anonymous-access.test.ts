import { afterAll, beforeAll, expect, it } from 'vitest';

import {
  type ApplicationHarness,
  startApplicationHarness,
} from '../application/support/application-harness.js';
import { describeStore } from '../support/test-store.js';

/** Routes anyone may call: health, sign-in, and the portal's own callbacks. */
const PUBLIC = [
  'GET /api/health',
  'POST /api/auth/demo',
  'POST /api/auth/logout',
  'GET /api/auth/bitrix24/start',
  'GET /api/auth/bitrix24/callback',
  'POST /api/bitrix24/install',
];

/** The portal's callbacks: public routes that still refuse a caller without its token. */
const PORTAL_CALLBACKS = [
  'POST /api/bitrix24/uninstall',
  'POST /api/bitrix24/events',
  'POST /api/bitrix24/frame',
];

/**
 * Every route in the OpenAPI document, called without a session or token: all but the
 * public ones answer 401 JSON, so a route added later without an access rule is closed.
 */
describeStore('anonymous requests', () => {
  let harness: ApplicationHarness;
  let routes: string[];

  beforeAll(async () => {
    harness = await startApplicationHarness();
    await harness.install();
    const document = (harness.app as unknown as { swagger(): { paths: object } }).swagger();
    routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(async () => harness.close());

  it('lists the routes of every area, ours included', () => {
    expect(routes).toEqual(expect.arrayContaining([...PUBLIC, ...PORTAL_CALLBACKS]));
    expect(routes.length).toBeGreaterThan(PUBLIC.length + PORTAL_CALLBACKS.length);
  });

  it('answers 401 JSON on every protected route', async () => {
    const open: string[] = [];
    for (const route of routes.filter((candidate) => !PUBLIC.includes(candidate))) {
      const [method, path] = route.split(' ') as [string, string];
      const response = await harness.app.inject({
        method: method as 'GET',
        url: path.replace(/\{[^}]+\}/g, '1'),
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      if (response.statusCode !== 401 || response.json().error !== 'unauthenticated') {
        open.push(`${route} → ${response.statusCode}`);
      }
    }
    expect(open).toEqual([]);
  });
});
