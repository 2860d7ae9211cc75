import { afterAll, beforeAll, expect } from 'vitest';

import { markHousesDeleted } from '../../src/sync/house-writer.js';
import { describeStore, itStore } from '../support/test-store.js';
import { type SyncHarness, startHarness } from './sync-harness.js';

const MARK = 'не тронуто синхронизацией';

/**
 * A sync rewrites a house's cleanings only when its deal plans other ones. A marker put
 * into stored cleanings tells which houses' rows were left alone.
 */
describeStore('cleanings rewritten only when the plan changes', () => {
  let harness: SyncHarness;
  let kept: number;
  let replanned: number;

  beforeAll(async () => {
    harness = await startHarness();
    await harness.sync('full');
    const ids = await harness.store.db
      .selectFrom('houses')
      .select('id')
      .where('memberId', '=', harness.emulator.memberId)
      .orderBy('id')
      .limit(2)
      .execute();
    [kept, replanned] = ids.map((row) => Number(row.id)) as [number, number];
  }, 60_000);
  afterAll(() => harness?.close());

  const db = () => harness.store.db;
  const memberId = () => harness.emulator.memberId;

  const markCleanings = (houseId: number) =>
    db()
      .updateTable('cleanings')
      .set({ typeText: MARK })
      .where('memberId', '=', memberId())
      .where('houseId', '=', houseId)
      .execute();

  const cleaningsOf = (houseId: number) =>
    db()
      .selectFrom('cleanings')
      .select(['date', 'typeText'])
      .where('memberId', '=', memberId())
      .where('houseId', '=', houseId)
      .orderBy('date')
      .execute();

  /** A date field of slot 1 for some month, as the sync discovered it. */
  const slotDateField = async () => {
    const row = await db()
      .selectFrom('fieldMappings')
      .select('fieldName')
      .where('memberId', '=', memberId())
      .where('role', '=', 'scheduleDate')
      .where('slot', '=', 1)
      .orderBy('month', 'desc')
      .executeTakeFirstOrThrow();
    return row.fieldName;
  };

  itStore('keeps the rows of a house whose deal changed elsewhere', async () => {
    await markCleanings(kept);
    await harness.control('PATCH', `/deals/${kept}`, { fields: { TITLE: 'Новое название' } });

    await harness.sync('full');

    const rows = await cleaningsOf(kept);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.typeText === MARK)).toBe(true);
    const house = await db()
      .selectFrom('houses')
      .select('title')
      .where('memberId', '=', memberId())
      .where('id', '=', kept)
      .executeTakeFirstOrThrow();
    expect(house.title).toBe('Новое название');
  });

  itStore('rewrites the rows of a house whose schedule changed', async () => {
    await markCleanings(replanned);
    const field = await slotDateField();
    await harness.control('PATCH', `/deals/${replanned}`, {
      fields: { [field]: ['2027-03-25T03:00:00+03:00'] },
    });

    await harness.sync('full');

    const rows = await cleaningsOf(replanned);
    expect(rows.some((row) => row.typeText === MARK)).toBe(false);
    expect(rows.map((row) => row.date)).toContain('2027-03-25');
  });

  itStore('gives a house back its cleanings when it returns after a deletion', async () => {
    await markHousesDeleted(db(), memberId(), [kept]);
    expect(await cleaningsOf(kept)).toEqual([]);

    await harness.sync('full');

    const rows = await cleaningsOf(kept);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.typeText === MARK)).toBe(false);
  });
});
