import { sql } from 'kysely';

import type { Store } from '../../src/store/index.js';

/** Whether the store's schema holds an index of that name (its own schema on PostgreSQL). */
export async function hasIndex(store: Store, name: string): Promise<boolean> {
  const { rows } =
    store.dialect === 'sqlite'
      ? await sql`select name from sqlite_master where type = 'index' and name = ${name}`.execute(
          store.db,
        )
      : await sql`select indexname from pg_indexes
          where schemaname = current_schema() and indexname = ${name}`.execute(store.db);
  return rows.length > 0;
}
