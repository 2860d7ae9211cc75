import { afterAll, beforeAll, expect } from 'vitest';
import { describeStore, itStore } from '../support/test-store.js';
import { type SyncHarness, startHarness } from './sync-harness.js';

describeStore('incremental sync', () => {
  let harness: SyncHarness;
  let memberId: string;

  beforeAll(async () => {
    harness = await startHarness();
    memberId = harness.emulator.memberId;
    await harness.sync('full');
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  /** Moves the portal clock past the sync's 5-minute overlap, so each test sees only its change. */
  const later = () => harness.control('POST', '/clock', { advanceSeconds: 600 });

  const house = (id: number) =>
    harness.store.db
      .selectFrom('houses')
      .selectAll()
      .where('memberId', '=', memberId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const someHouseIds = async (count: number) => {
    const rows = await harness.store.db
      .selectFrom('houses')
      .select('id')
      .where('memberId', '=', memberId)
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .limit(count)
      .execute();
    return rows.map((row) => Number(row.id));
  };

  itStore('without changes costs at most three requests and writes nothing', async () => {
    const summary = await harness.sync('incremental');

    expect(summary.housesWritten).toBe(0);
    expect(summary.housesDeleted).toBe(0);
    expect(summary.houses).toBe(490);
    // Two when the store answers before the first batch returns (SQLite here); a slower
    // store (PostgreSQL) lets the house page miss that batch and go out in a third.
    expect(summary.requests).toBeLessThanOrEqual(3);
  });

  itStore('after a deal change updates only that house', async () => {
    const [id] = await someHouseIds(1);
    const before = await house(id!);
    await harness.control('PATCH', `/deals/${id}`, { fields: { TITLE: 'Переименованный дом' } });
    await later();

    const summary = await harness.sync('incremental');

    expect(summary.housesWritten).toBe(1);
    const after = await house(id!);
    expect(after.title).toBe('Переименованный дом');
    expect(after.syncedAt).not.toBe(before.syncedAt);
    expect(summary.houses).toBe(490);
  });

  itStore('marks a deleted deal deleted and drops its cleanings', async () => {
    const [, id] = await someHouseIds(2);
    await harness.control('DELETE', `/deals/${id}`);

    const summary = await harness.sync('incremental');

    expect(summary.housesDeleted).toBe(1);
    expect(summary.houses).toBe(489);
    expect((await house(id!)).deletedAt).not.toBeNull();
    const cleanings = await harness.store.db
      .selectFrom('cleanings')
      .select('houseId')
      .where('memberId', '=', memberId)
      .where('houseId', '=', id!)
      .execute();
    expect(cleanings).toEqual([]);
  });

  itStore('adds a house created in the pipeline, with its company', async () => {
    const [id] = await someHouseIds(1);
    const template = await house(id!);
    const created = (await harness.control('POST', '/deals', {
      fields: {
        TITLE: 'Новый дом',
        CATEGORY_ID: '34',
        STAGE_ID: 'C34:NEW',
        COMPANY_ID: String(template.managementCompanyId ?? ''),
        ASSIGNED_BY_ID: String(template.responsibleId ?? '1'),
      },
    })) as { id: number };
    await later();

    const summary = await harness.sync('incremental');

    expect(summary.housesWritten).toBe(1);
    expect((await house(created.id)).title).toBe('Новый дом');
    expect(summary.houses).toBe(490);
  });
});
