import { afterAll, beforeAll, expect } from 'vitest';
import { describeStore, itStore } from '../support/test-store.js';
import { type SyncHarness, startHarness } from './sync-harness.js';

describeStore('full sync of the demo portal', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await startHarness();
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  itStore('stores 490 houses, 82 employees in 6 brigades in at most 8 requests', async () => {
    await harness.control('DELETE', '/requests');

    const summary = await harness.sync('full');

    const log = (await harness.control('GET', '/requests')) as Record<string, unknown>;
    console.log(JSON.stringify(summary), JSON.stringify(log).slice(0, 600));
    expect(summary.houses).toBe(490);
    expect(summary.employees).toBe(82);
    expect(summary.brigades).toBe(6);
    expect(summary.requests).toBeLessThanOrEqual(8);
  });
});
