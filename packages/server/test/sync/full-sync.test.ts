import { afterAll, beforeAll, expect } from 'vitest';
import { CLEANINGS_DATE_INDEX } from '../../src/store/index.js';
import { hasIndex } from '../support/store-indexes.js';
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

    const log = (await harness.control('GET', '/requests')) as { total: number };
    expect(log.total).toBe(summary.requests);
    expect(summary.houses).toBe(490);
    expect(summary.employees).toBe(82);
    expect(summary.brigades).toBe(6);
    expect(summary.requests).toBeLessThanOrEqual(8);
    // Built after the first sync's load (cleanings-date-index.ts), and there at its end.
    expect(await hasIndex(harness.store, CLEANINGS_DATE_INDEX)).toBe(true);
  });

  itStore(
    'keeps only the pipeline «Уборка подъездов», with cleanings, УК and residents',
    async () => {
      const db = harness.store.db;
      const memberId = harness.emulator.memberId;
      const pipelines = await db
        .selectFrom('houses')
        .select('categoryId')
        .distinct()
        .where('memberId', '=', memberId)
        .execute();
      const count = async (table: 'cleanings' | 'managementCompanies' | 'seniorResidents') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('memberId', '=', memberId)
              .executeTakeFirstOrThrow()
          ).n,
        );

      expect(pipelines.map((row) => Number(row.categoryId))).toEqual([34]);
      expect(await count('cleanings')).toBeGreaterThan(490 * 4);
      expect(await count('managementCompanies')).toBeGreaterThan(20);
      expect(await count('seniorResidents')).toBeGreaterThan(400);
      const report = await db
        .selectFrom('fieldMappingReports')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(report).toMatchObject({ pipelineName: 'Уборка подъездов' });
      expect(Number(report.pipelineId)).toBe(34);
    },
  );
});
