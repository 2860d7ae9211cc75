import { sql } from 'kysely';
import { afterEach, beforeEach, expect } from 'vitest';

import { CLEANINGS_DATE_INDEX, loadingCleanings, type Store } from '../../src/store/index.js';
import { aCleaning, aHouse } from '../api/support/house-factory.js';
import { hasIndex } from '../support/store-indexes.js';
import { createTestStore, describeStore, itStore } from '../support/test-store.js';

describeStore('the cleanings index by day around a first load', () => {
  let store: Store;
  const indexed = () => hasIndex(store, CLEANINGS_DATE_INDEX);

  beforeEach(async () => {
    store = await createTestStore();
  });

  afterEach(async () => {
    await store.close();
  });

  itStore('is built after the load when the store holds no cleanings', async () => {
    const during = await loadingCleanings(store.db, async () => {
      await store.db
        .insertInto('houses')
        .values(aHouse({ id: 1 }))
        .execute();
      await store.db.insertInto('cleanings').values(aCleaning(1, '2026-12-10')).execute();
      return indexed();
    });

    expect(during).toBe(false);
    expect(await indexed()).toBe(true);
  });

  itStore('stays while loading into a store that holds cleanings', async () => {
    await store.db
      .insertInto('houses')
      .values(aHouse({ id: 1 }))
      .execute();
    await store.db.insertInto('cleanings').values(aCleaning(1, '2026-12-10')).execute();

    expect(await loadingCleanings(store.db, indexed)).toBe(true);
  });

  itStore('is back when the load fails', async () => {
    const failure = new Error('the portal went away');
    const load = loadingCleanings(store.db, async () => {
      throw failure;
    });

    await expect(load).rejects.toBe(failure);
    expect(await indexed()).toBe(true);
  });

  itStore('is back at the next start after a crash in the middle of a load', async () => {
    await sql`drop index ${sql.id(CLEANINGS_DATE_INDEX)}`.execute(store.db);

    await store.migrate();

    expect(await indexed()).toBe(true);
  });
});
