import { expect, it } from 'vitest';
import type { ServedPortal } from '../../src/app/app-dependencies.js';
import { buildApp } from '../../src/app/build-app.js';
import { loadConfig } from '../../src/config/index.js';
import { InProcessQueue } from '../../src/jobs/index.js';
import { createLogCapture } from '../../src/logging/log-capture.js';
import { createLogger } from '../../src/logging/logger.js';
import { createSecretRedactor } from '../../src/logging/secret-redactor.js';
import { createTestStore, describeStore } from '../support/test-store.js';

describeStore('extending the app', () => {
  it('adds routes behind the same access rules, follows a later portal', async () => {
    const store = await createTestStore();
    const redactor = createSecretRedactor();
    let portal: ServedPortal | null = null;
    const app = await buildApp({
      config: loadConfig({
        env: { AUDIOBOT_ADMIN_TOKEN: 'extension-admin-token-1234' },
        envFile: false,
      }),
      store,
      portal: () => portal,
      queue: new InProcessQueue(),
      logger: createLogger({ redactor, destination: createLogCapture() }),
      redactor,
      webRoot: null,
      extensions: [
        (instance, context) => {
          instance.get('/api/extension/open', { config: { access: 'public' } }, async () => ({
            memberId: context.portal()?.memberId ?? null,
          }));
          instance.get('/api/extension/closed', async () => ({ ok: true }));
        },
      ],
    });

    const before = await app.inject({ url: '/api/extension/open' });
    portal = { memberId: 'installed-later', domain: 'vas-dom.bitrix24.ru', demo: false };
    const after = await app.inject({ url: '/api/extension/open' });
    const closed = await app.inject({ url: '/api/extension/closed' });
    const health = await app.inject({ url: '/api/health' });
    await app.close();
    await store.close();

    expect(before.json()).toEqual({ memberId: null });
    expect(after.json()).toEqual({ memberId: 'installed-later' });
    expect(closed.statusCode).toBe(401);
    expect(health.json()).toMatchObject({ portal: { domain: 'vas-dom.bitrix24.ru' }, demo: false });
  });
});
