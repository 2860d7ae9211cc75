import { connectPortal, type PortalConnection } from '../../../src/portal/connect-portal.js';
import { domainRules } from '../../../src/sync/domain-rules.js';
import { runSync } from '../../../src/sync/run-sync.js';
import type { SyncSummary } from '../../../src/sync/sync-context.js';
import { createSyncRun } from '../../../src/sync/sync-runs.js';
import { createTestStore } from '../../support/test-store.js';
import { type ApiFixture, createApiFixture } from './api-fixture.js';

export interface DemoApiFixture extends ApiFixture {
  portal: PortalConnection;
  summary: SyncSummary;
  /** Requests the emulator has answered so far. */
  portalRequests(): number;
}

/**
 * The app as `npm start` wires it in demo mode: the emulator's 490-house demo portal,
 * connected and fully synced into a fresh store by the real sync.
 */
export async function createDemoApiFixture(): Promise<DemoApiFixture> {
  const store = await createTestStore();
  const config = (await import('../../../src/config/index.js')).loadConfig({
    env: {},
    envFile: false,
  });
  const portal = await connectPortal(config, store);
  const deps = {
    db: store.db,
    memberId: portal.memberId,
    send: portal.send,
    domain: domainRules({ memberId: portal.memberId, timeZone: config.timeZone }),
    requests: portal.requests,
  };
  const run = await createSyncRun(store.db, portal.memberId, 'full');
  const summary = await runSync(deps, { mode: 'full', runId: Number(run.id) });

  const fixture = await createApiFixture({
    store,
    portal: { memberId: portal.memberId, domain: portal.domain, demo: true },
    now: new Date(),
  });
  return {
    ...fixture,
    portal,
    summary,
    portalRequests: () => portal.emulator?.portal.requests.summary().total ?? 0,
    close: async () => {
      await fixture.close();
      await portal.stop();
    },
  };
}
