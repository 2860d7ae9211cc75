import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/migrations/migration-provider.js';
import { aCleaning, aHouse } from '../api/support/house-factory.js';

it('gives the houses stored before it the type of their next cleaning', async () => {
  const store = createStore({ database: { dialect: 'sqlite', path: ':memory:' } });
  const migrator = new Migrator({ db: store.db, provider: migrationProvider('sqlite') });
  await migrator.migrateTo('0007-plan-fingerprint');
  await store.db
    .insertInto('houses')
    .values([
      aHouse({ id: 1, nextCleaningDate: '2026-12-10' }),
      aHouse({ id: 2, nextCleaningDate: null }),
    ])
    .execute();
  await store.db
    .insertInto('cleanings')
    .values([
      aCleaning(1, '2026-12-10', { cleaningType: 'sweeping', slot: 2 }),
      aCleaning(1, '2026-12-10', { cleaningType: 'first_floor', slot: 1 }),
      aCleaning(2, '2026-11-10'),
    ])
    .execute();

  await store.migrate();
  const types = await store.db
    .selectFrom('houses')
    .select(['id', 'nextCleaningType'])
    .orderBy('id')
    .execute();
  await store.close();

  expect(types).toEqual([
    { id: 1, nextCleaningType: 'first_floor' },
    { id: 2, nextCleaningType: null },
  ]);
});
