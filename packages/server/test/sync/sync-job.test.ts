import { afterAll, beforeAll, expect } from 'vitest';
import { InProcessQueue } from '../../src/jobs/index.js';
import type { SyncSummary } from '../../src/sync/sync-context.js';
import { getSyncRun, getSyncRuns } from '../../src/sync/sync-runs.js';
import { registerSyncJob, startSync } from '../../src/sync/sync-service.js';
import { describeStore, itStore } from '../support/test-store.js';
import { type SyncHarness, startHarness } from './sync-harness.js';

describeStore('sync as a background job', () => {
  let harness: SyncHarness;
  let queue: InProcessQueue;
  const finished: SyncSummary[] = [];

  beforeAll(async () => {
    harness = await startHarness();
    queue = new InProcessQueue();
    registerSyncJob(queue, {
      dependenciesFor: (memberId) => (memberId === harness.deps.memberId ? harness.deps : null),
      onSucceeded: (summary) => finished.push(summary),
    });
    queue.start();
  }, 60_000);

  afterAll(async () => {
    await queue?.stop();
    await harness?.close();
  });

  itStore('startSync returns a queued run at once, the job runs it to the end', async () => {
    const memberId = harness.deps.memberId;
    const queued = await startSync({ db: harness.store.db, queue }, { memberId, mode: 'full' });
    const again = await startSync(
      { db: harness.store.db, queue },
      { memberId, mode: 'incremental' },
    );

    expect(queued).toMatchObject({ status: 'queued', mode: 'full', done: 0 });
    expect(again.id).toBe(queued.id);

    await queue.drain();
    const run = await getSyncRun(harness.store.db, memberId, queued.id);
    expect(run).toMatchObject({ status: 'succeeded', phase: 'finished', total: 490, done: 490 });
    expect(run?.requests).toBeGreaterThan(0);
    expect(run?.error).toBeNull();
    expect(finished.map((summary) => summary.houses)).toEqual([490]);
    expect(await getSyncRuns(harness.store.db, memberId)).toHaveLength(1);
  });

  itStore('a scheduled job without a run creates its own', async () => {
    const memberId = harness.deps.memberId;
    await queue.enqueue('sync', { memberId, mode: 'incremental' });
    await queue.drain();

    const [latest] = await getSyncRuns(harness.store.db, memberId);
    expect(latest).toMatchObject({ mode: 'incremental', status: 'succeeded' });
  });
});
