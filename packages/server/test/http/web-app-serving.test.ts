import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { buildApp } from '../../src/app/build-app.js';
import { loadConfig } from '../../src/config/index.js';
import { InProcessQueue } from '../../src/jobs/index.js';
import { createLogCapture } from '../../src/logging/log-capture.js';
import { createLogger } from '../../src/logging/logger.js';
import { createSecretRedactor } from '../../src/logging/secret-redactor.js';
import type { Store } from '../../src/store/index.js';
import { createTestStore, describeStore } from '../support/test-store.js';

describeStore('the built web app', () => {
  let app: FastifyInstance;
  let store: Store;
  const webRoot = mkdtempSync(path.join(tmpdir(), 'audiobot-web-'));

  beforeAll(async () => {
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>AudioBot</title>');
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');

    store = await createTestStore();
    const redactor = createSecretRedactor();
    app = await buildApp({
      config: loadConfig({ env: {}, envFile: false }),
      store,
      portal: null,
      queue: new InProcessQueue(),
      logger: createLogger({ redactor, destination: createLogCapture() }),
      redactor,
      webRoot,
    });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves its files and index.html for client-side routes, without sign-in', async () => {
    const root = await app.inject({ url: '/' });
    const page = await app.inject({ url: '/houses/42', headers: { accept: 'text/html' } });
    const asset = await app.inject({ url: '/assets/app.js' });

    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<title>AudioBot</title>');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>AudioBot</title>');
    expect(asset.body).toBe('console.log(1)');
  });

  it('keeps /api answers JSON, and health says degraded while no portal is connected', async () => {
    const unknown = await app.inject({ url: '/api/unknown', headers: { accept: 'text/html' } });
    const missingAsset = await app.inject({ url: '/assets/missing.js' });
    const health = await app.inject({ url: '/api/health' });

    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('not_found');
    expect(missingAsset.statusCode).toBe(404);
    expect(health.json()).toMatchObject({ status: 'degraded', portal: null, demo: false });
  });
});
