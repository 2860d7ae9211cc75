import { type Kysely, type Migration, sql } from 'kysely';

import { rebuildHouseListItems } from '../../read-model/index.js';
import type { Database } from '../database-types.js';
import type { StoreDialect } from '../store-dialect.js';

/**
 * Each house as the houses list shows it, kept by the writers of houses and of the names
 * they show: the whole item, with the next cleaning it had when written. Filled here
 * for the houses already stored. On SQLite the table is clustered on its key (no rowid): a page reads
 * 50 items with one seek each.
 */
export function houseListItemsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db) {
      let table = db.schema
        .createTable('house_list_items')
        .addColumn('member_id', 'text', (column) => column.notNull())
        .addColumn('house_id', 'bigint', (column) => column.notNull())
        .addColumn('item', 'text', (column) => column.notNull())
        .addColumn('next_cleaning_date', 'text')
        .addColumn('next_cleaning_type', 'text')
        .addColumn('next_cleaning_as_of', 'text')
        .addPrimaryKeyConstraint('house_list_items_pk', ['member_id', 'house_id']);
      if (dialect === 'sqlite') table = table.modifyEnd(sql`without rowid`);
      await table.execute();
      await fillForStoredHouses(db as Kysely<Database>);
    },
    async down(db) {
      await db.schema.dropTable('house_list_items').execute();
    },
  };
}

async function fillForStoredHouses(db: Kysely<Database>): Promise<void> {
  const portals = await db.selectFrom('houses').select('memberId').distinct().execute();
  for (const { memberId } of portals) await rebuildHouseListItems(db, memberId);
}
