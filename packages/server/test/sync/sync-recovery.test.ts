import { afterEach, beforeEach, expect } from 'vitest';
import type { BatchSender } from '../../src/sync/rest-command.js';
import { runSync } from '../../src/sync/run-sync.js';
import { createSyncRun, getSyncRuns } from '../../src/sync/sync-runs.js';
import { describeStore, itStore } from '../support/test-store.js';
import { type SyncHarness, startHarness } from './sync-harness.js';

/** A sender that dies at its n-th request, as a killed process stops talking. */
function dyingAt(send: BatchSender, request: number): BatchSender {
  let sent = 0;
  return async (commands, signal) => {
    sent += 1;
    if (sent >= request) throw new Error('process killed');
    return send(commands, signal);
  };
}

describeStore('a sync that dies part-way', () => {
  let harness: SyncHarness;

  beforeEach(async () => {
    harness = await startHarness();
  }, 60_000);

  afterEach(async () => {
    await harness?.close();
  });

  const db = () => harness.store.db;
  const memberId = () => harness.emulator.memberId;

  itStore('leaves only whole pages written and resumes after them', async () => {
    const run = await createSyncRun(db(), memberId(), 'full');
    const dying = { ...harness.deps, send: dyingAt(harness.deps.send, 4) };
    await expect(runSync(dying, { mode: 'full', runId: Number(run.id) })).rejects.toThrow(
      'process killed',
    );

    // Whole pages only: each written house came with its company, contact and cleanings.
    const houses = await db()
      .selectFrom('houses')
      .selectAll()
      .where('memberId', '=', memberId())
      .execute();
    expect(houses.length).toBeGreaterThan(0);
    expect(houses.length % 50).toBe(0);
    const residents = await db().selectFrom('seniorResidents').select('id').execute();
    const residentIds = new Set(residents.map((row) => Number(row.id)));
    for (const house of houses) {
      if (house.seniorResidentId !== null)
        expect(residentIds.has(Number(house.seniorResidentId))).toBe(true);
    }
    const cleanings = await db().selectFrom('cleanings').select('houseId').distinct().execute();
    expect(cleanings.length).toBeGreaterThan(houses.length * 0.8);

    // A process killed for real never records its end: the run still says "running".
    await db()
      .updateTable('syncRuns')
      .set({ status: 'running', heartbeatAt: '2020-01-01T00:00:00.000Z', errorCode: null })
      .where('id', '=', run.id)
      .execute();

    const resumed = await harness.sync('full');

    expect(resumed.houses).toBe(490);
    expect(resumed.housesWritten).toBe(490 - houses.length);
    const [latest, interrupted] = await getSyncRuns(db(), memberId());
    expect(latest?.status).toBe('succeeded');
    expect(interrupted).toMatchObject({ status: 'failed', error: { code: 'sync_interrupted' } });
  });

  itStore('survives transient 503 and 5xx answers', async () => {
    await harness.control('PUT', '/faults', {
      errors: [
        { status: 503, rate: 0.3 },
        { status: 502, rate: 0.1 },
        { status: 500, rate: 0.1 },
      ],
      seed: 7,
    });

    const summary = await harness.sync('full');

    const log = (await harness.control('GET', '/requests')) as { errors: number };
    expect(log.errors).toBeGreaterThan(0);
    expect(summary.houses).toBe(490);
    expect(summary.employees).toBe(82);
  });

  itStore('records a failure the portal gives with its stable code', async () => {
    await harness.control('POST', '/portal/delete');

    await expect(harness.sync('full')).rejects.toThrow();

    const [run] = await getSyncRuns(db(), memberId());
    expect(run).toMatchObject({ status: 'failed', error: { code: 'bitrix24_portal_gone' } });
  });
});
