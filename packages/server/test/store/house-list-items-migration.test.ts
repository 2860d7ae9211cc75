import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/migrations/migration-provider.js';
import { aHouse } from '../api/support/house-factory.js';

it('writes the list items of the houses stored before it', async () => {
  const store = createStore({ database: { dialect: 'sqlite', path: ':memory:' } });
  const migrator = new Migrator({ db: store.db, provider: migrationProvider('sqlite') });
  await migrator.migrateTo('0008-next-cleaning-type');
  await store.db
    .insertInto('houses')
    .values([
      aHouse({
        id: 1,
        title: 'Дом «1»',
        nextCleaningDate: '2026-12-10',
        nextCleaningType: 'sweeping',
      }),
      aHouse({ id: 2, memberId: 'another-portal' }),
    ])
    .execute();

  await store.migrate();
  const items = await store.db
    .selectFrom('houseListItems')
    .select(['memberId', 'houseId', 'item', 'nextCleaningDate'])
    .orderBy('memberId')
    .execute();
  await store.close();

  expect(items.map(({ memberId, houseId }) => [memberId, houseId])).toEqual([
    ['another-portal', 2],
    [aHouse({ id: 1 }).memberId, 1],
  ]);
  const item = items[1]?.item ?? '';
  expect(JSON.parse(item)).toMatchObject({
    nextCleaning: { date: '2026-12-10', type: 'sweeping' },
    id: '1',
    title: 'Дом «1»',
  });
  expect(item).toMatch(/^\{"nextCleaning":\{"date":"2026-12-10","type":"sweeping"\},"id":"1",/);
  expect(items[1]?.nextCleaningDate).toBe('2026-12-10');
});
