import { sql } from 'kysely';
import { afterEach, beforeEach, expect } from 'vitest';
import {
  createSecretBox,
  hashToken,
  type NewHouse,
  type Store,
  upsertMany,
} from '../../src/store/index.js';
import { createTestStore, describeStore, itStore, testDatabase } from '../support/test-store.js';

const NOW = '2025-09-01T00:00:00.000Z';

function house(memberId: string, id: number, overrides: Partial<NewHouse> = {}): NewHouse {
  return {
    memberId,
    id,
    title: `Дом ${id}`,
    categoryId: 34,
    address: `Аллейная улица, ${id}, Калуга`,
    lat: 54.52609,
    lon: 36.31364,
    apartments: 60,
    problems: '[]',
    rawFields: '{}',
    searchText: `аллейная улица ${id} калуга`,
    syncedAt: NOW,
    ...overrides,
  };
}

describeStore(`store on ${testDatabase}`, () => {
  let store: Store;

  beforeEach(async () => {
    store = await createTestStore();
  });

  afterEach(async () => {
    await store.close();
  });

  itStore('creates every table of the contract', async () => {
    const tables = await store.db.introspection.getTables();
    // PostgreSQL introspection sees every schema, including other test runs' copies.
    const names = new Set(tables.map((table) => table.name));
    const ours = [...names].filter((name) => !name.startsWith('kysely'));

    expect(ours.sort()).toEqual(
      [
        'acts',
        'api_tokens',
        'brigades',
        'cleanings',
        'completion_changes',
        'completion_photos',
        'completions',
        'employees',
        'enumerations',
        'field_mapping_reports',
        'field_mappings',
        'house_list_items',
        'houses',
        'jobs',
        'management_companies',
        'outbox',
        'portals',
        'senior_residents',
        'sessions',
        'sync_runs',
      ].sort(),
    );
    expect(store.dialect).toBe(testDatabase);
  });

  itStore('is idempotent to migrate again', async () => {
    expect(await store.migrate()).toEqual([]);
  });

  itStore('round-trips a house with camelCase names, numbers and exact coordinates', async () => {
    await store.db
      .insertInto('houses')
      .values(house('portal-a', 101, { area: 3512.7 }))
      .execute();

    const row = await store.db
      .selectFrom('houses')
      .selectAll()
      .where('memberId', '=', 'portal-a')
      .executeTakeFirstOrThrow();

    expect(row).toMatchObject({ id: 101, categoryId: 34, apartments: 60, area: 3512.7 });
    expect(row.lat).toBe(54.52609);
    expect(row.deletedAt).toBeNull();
  });

  itStore('keeps the same deal id of two portals apart', async () => {
    await upsertMany(
      store.db,
      'houses',
      [house('portal-a', 1), house('portal-b', 1)],
      ['memberId', 'id'],
    );

    const count = await store.db
      .selectFrom('houses')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(count.count).toBe(2);
  });

  itStore('upserts thousands of rows in chunks and updates the existing ones', async () => {
    const rows = Array.from({ length: 2500 }, (_, index) => house('portal-a', index + 1));
    await upsertMany(store.db, 'houses', rows, ['memberId', 'id']);

    const renamed = rows.map((row) => ({ ...row, title: `Обновлён ${row.id}` }));
    await upsertMany(store.db, 'houses', renamed, ['memberId', 'id']);

    const result = await store.db
      .selectFrom('houses')
      .select([(eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.max('title').as('max')])
      .executeTakeFirstOrThrow();
    expect(result.count).toBe(2500);
    expect(result.max).toMatch(/^Обновлён/);
  });

  itStore('keeps the last of two rows with the same key, on both dialects', async () => {
    const rows = [house('a', 1, { title: 'первый' }), house('a', 1, { title: 'второй' })];

    await upsertMany(store.db, 'houses', rows, ['memberId', 'id']);

    const saved = await store.db.selectFrom('houses').select(['id', 'title']).execute();
    expect(saved).toEqual([{ id: 1, title: 'второй' }]);
  });

  itStore('writes nothing when a chunk fails inside the transaction', async () => {
    const rows = [house('portal-a', 1), house('portal-a', 2, { title: null as never })];

    await expect(upsertMany(store.db, 'houses', rows, ['memberId', 'id'])).rejects.toThrow();

    const left = await store.db.selectFrom('houses').select('id').execute();
    expect(left).toEqual([]);
  });

  itStore('refuses the same cleaning twice and accepts another slot', async () => {
    const cleaning = {
      memberId: 'portal-a',
      houseId: 1,
      date: '2025-09-16',
      cleaningType: 'full_wet' as const,
      typeId: 2468,
      typeText: 'Влажная уборка',
      slot: 1,
      month: '2025-09',
      sourceField: 'UF_CRM_1',
    };
    await store.db.insertInto('cleanings').values(cleaning).execute();

    await expect(store.db.insertInto('cleanings').values(cleaning).execute()).rejects.toThrow();
    await store.db
      .insertInto('cleanings')
      .values({ ...cleaning, slot: 2 })
      .execute();
  });

  itStore('numbers sync runs and jobs itself', async () => {
    const run = { memberId: 'portal-a', mode: 'full' as const, status: 'queued' as const };
    const inserted = await store.db
      .insertInto('syncRuns')
      .values([
        { ...run, done: 0, requests: 0, queuedAt: NOW },
        { ...run, done: 0, requests: 0, queuedAt: NOW },
      ])
      .returning('id')
      .execute();

    expect(inserted.map((row) => row.id)).toEqual([1, 2]);
  });

  itStore('finds a house by its search text with a plain LIKE on both dialects', async () => {
    await store.db
      .insertInto('houses')
      .values([house('a', 1), house('a', 2)])
      .execute();

    const rows = await store.db
      .selectFrom('houses')
      .select('id')
      .where('searchText', 'like', '%улица 2 %')
      .where(sql<boolean>`member_id = ${'a'}`)
      .execute();

    expect(rows).toEqual([{ id: 2 }]);
  });
});

describeStore('secret box', () => {
  itStore('seals and opens a token, and refuses another key', () => {
    const box = createSecretBox('k'.repeat(32));
    const sealed = box.seal('access-token-1');

    expect(sealed).not.toContain('access-token-1');
    expect(box.open(sealed)).toBe('access-token-1');
    expect(() => createSecretBox('x'.repeat(32)).open(sealed)).toThrow();
  });

  itStore('hashes tokens to hex', () => {
    expect(hashToken('abc')).toHaveLength(64);
  });
});
