import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { ServedPortal } from '../../src/app/app-dependencies.js';
import { buildApp } from '../../src/app/build-app.js';
import { loadConfig } from '../../src/config/index.js';
import { frameAncestorsPolicy } from '../../src/http/frame-ancestors.js';
import { InProcessQueue } from '../../src/jobs/index.js';
import { createLogCapture } from '../../src/logging/log-capture.js';
import { createLogger } from '../../src/logging/logger.js';
import { createSecretRedactor } from '../../src/logging/secret-redactor.js';
import type { Store } from '../../src/store/index.js';
import { createTestStore, describeStore } from '../support/test-store.js';

/** The sources of the frame-ancestors directive of an answer. */
function frameAncestorsOf(header: unknown): string[] {
  const policy = String(header ?? '');
  const directive = policy.split(';').find((part) => part.trim().startsWith('frame-ancestors'));
  return directive ? directive.trim().split(/\s+/).slice(1) : [];
}

describeStore('framing inside Bitrix24 only', () => {
  let app: FastifyInstance;
  let store: Store;
  let portal: ServedPortal | null = null;
  const webRoot = mkdtempSync(path.join(tmpdir(), 'audiobot-frame-'));

  beforeAll(async () => {
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>AudioBot</title>');
    store = await createTestStore();
    const redactor = createSecretRedactor();
    app = await buildApp({
      config: loadConfig({
        env: { AUDIOBOT_ADMIN_TOKEN: 'frame-admin-token-0123' },
        envFile: false,
      }),
      store,
      portal: () => portal,
      queue: new InProcessQueue(),
      logger: createLogger({ redactor, destination: createLogCapture() }),
      redactor,
      webRoot,
      extensions: [
        (instance) => {
          // As the portal's frame POST answers: a redirect to the web app.
          instance.post('/api/test/frame', { config: { access: 'public' } }, (_request, reply) =>
            reply.redirect('/', 303),
          );
        },
      ],
    });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('lets Bitrix24 cloud portals and AudioBot itself frame the app, no one else', async () => {
    const page = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    const sources = frameAncestorsOf(page.headers['content-security-policy']);

    expect(page.statusCode).toBe(200);
    expect(sources).toEqual(
      expect.arrayContaining([
        "'self'",
        'https://*.bitrix24.ru',
        'https://*.bitrix24.com',
        'https://*.bitrix24.de',
        'https://*.bitrix24.kz',
      ]),
    );
    for (const source of sources) {
      expect(source === "'self'" || /^https:\/\/(\*\.)?[a-z0-9.-]+$/.test(source), source).toBe(
        true,
      );
    }
    expect(sources).not.toContain('*');
    expect(page.headers['x-frame-options']).toBeUndefined();
  });

  it('adds the served portal once it is known, e.g. an on-premise portal', async () => {
    const before = await app.inject({ url: '/' });
    portal = { memberId: 'm-1', domain: 'crm.vas-dom.ru', demo: false };
    const after = await app.inject({ url: '/' });

    expect(frameAncestorsOf(before.headers['content-security-policy'])).not.toContain(
      'https://crm.vas-dom.ru',
    );
    expect(frameAncestorsOf(after.headers['content-security-policy'])).toContain(
      'https://crm.vas-dom.ru',
    );
  });

  it('sends the policy with API answers, refusals, errors and the frame redirect', async () => {
    const answers = await Promise.all([
      app.inject({ url: '/api/health' }),
      app.inject({ url: '/api/cleaning/houses' }),
      app.inject({ url: '/api/no-such-route' }),
      app.inject({ method: 'POST', url: '/api/test/frame' }),
    ]);

    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 401, 404, 303]);
    for (const answer of answers) {
      expect(frameAncestorsOf(answer.headers['content-security-policy'])).toContain(
        'https://*.bitrix24.ru',
      );
    }
  });

  it('never lets a stored domain add a directive of its own', () => {
    const policy = frameAncestorsPolicy("evil.example; script-src 'unsafe-inline'");

    expect(policy).not.toContain('script-src');
    expect(policy).not.toContain('evil.example');
    expect(policy.split(';')).toHaveLength(1);
  });
});
