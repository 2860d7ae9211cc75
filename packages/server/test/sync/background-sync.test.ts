import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { InProcessQueue } from '../../src/jobs/index.js';
import { connectPortal, type PortalConnection } from '../../src/portal/index.js';
import type { Store } from '../../src/store/index.js';
import { type BackgroundSync, getSyncRuns, startBackgroundSync } from '../../src/sync/index.js';
import { createTestStore, describeStore, itStore } from '../support/test-store.js';

describeStore('background sync of the in-process demo portal', () => {
  let store: Store;
  let connection: PortalConnection;
  let queue: InProcessQueue;
  let background: BackgroundSync;

  beforeAll(async () => {
    const config = loadConfig({ env: { DATABASE_URL: ':memory:' }, envFile: false });
    store = await createTestStore();
    connection = await connectPortal(config, store);
    queue = new InProcessQueue();
    queue.start();
    background = await startBackgroundSync({ config, db: store.db, queue, connection });
  }, 60_000);

  afterAll(async () => {
    background?.stop();
    await queue?.stop();
    await connection?.stop();
    await store?.close();
  });

  itStore('connects to the demo portal and syncs it once at start', async () => {
    expect(connection).toMatchObject({ demo: true, kind: 'demo' });
    expect(connection.memberId).toBe(connection.emulator?.memberId);
    expect(background.initialRun).toMatchObject({ mode: 'full', status: 'queued' });

    await queue.drain();

    const [run] = await getSyncRuns(store.db, connection.memberId);
    expect(run).toMatchObject({ status: 'succeeded', done: 490 });
    expect(background.scheduler.next().incremental).not.toBeNull();
    expect(background.scheduler.next().full).not.toBeNull();
  });
});
