import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Indexes for the reads of a 100 000-house portal, and lighter writes for the sync.
 *
 * Houses: every read asks for the present houses (`deleted_at is null`), and a house row
 * is large (its raw fields, ~3.5 KB), so a check of `deleted_at` in the row costs a page
 * read a house. The indexes below are partial (present houses only) and carry what
 * their queries need, so a filtered count or the first page sorted by address never
 * reads a row it does not return. `next_cleaning_date` is the first cleaning on or
 * after `next_cleaning_as_of`, the day the house was last written (sync or event);
 * sorted by it, the list reads an index instead of running a subquery per house. Rows
 * written before this migration have neither until their next sync, and the list
 * falls back to the subquery while any such row exists.
 *
 * Cleanings: one index on (member, date, type, house) replaces the two on (member,
 * date) and (member, month, type): a month is a range of dates, and the house id in the
 * index answers «which houses on these days» without reading the rows. One index less
 * to keep is a quarter less work for each of the millions of rows a sync writes.
 */
export function readPathsMigration(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable('houses').addColumn('next_cleaning_date', 'text').execute();
      await db.schema.alterTable('houses').addColumn('next_cleaning_as_of', 'text').execute();
      await replaceHouseIndexes(db);
      await replaceCleaningIndexes(db);
    },
    async down(db) {
      const added = [...PRESENT_HOUSE_INDEXES.keys(), UNKNOWN_NEXT_INDEX];
      for (const name of [...added, 'cleanings_member_date_type_house_idx']) {
        await db.schema.dropIndex(name).execute();
      }
      await createIndex(db, 'houses_member_id_search_text_idx', 'houses', 'member_id, search_text');
      await createIndex(db, 'houses_member_id_brigade_id_idx', 'houses', 'member_id, brigade_id');
      await createIndex(
        db,
        'houses_member_id_management_company_id_idx',
        'houses',
        'member_id, management_company_id',
      );
      await createIndex(db, 'cleanings_member_id_date_idx', 'cleanings', 'member_id, date');
      await createIndex(
        db,
        'cleanings_member_id_month_cleaning_type_idx',
        'cleanings',
        'member_id, month, cleaning_type',
      );
      await db.schema.alterTable('houses').dropColumn('next_cleaning_as_of').execute();
      await db.schema.alterTable('houses').dropColumn('next_cleaning_date').execute();
    },
  };
}

/**
 * Name → columns of the partial indexes over present houses. Each ends with
 * `deleted_at` (always null in it) so that SQLite sees the index as covering the
 * query's own `deleted_at is null` and never reads the rows for it.
 */
const PRESENT_HOUSE_INDEXES = new Map([
  // The list in address order, unfiltered or by brigade or УК: the order is the index's.
  ['houses_present_address_idx', 'member_id, search_text, id, deleted_at'],
  ['houses_present_brigade_idx', 'member_id, brigade_id, search_text, id, deleted_at'],
  ['houses_present_company_idx', 'member_id, management_company_id, search_text, id, deleted_at'],
  // The list sorted by the next cleaning; and «is any next cleaning already past?».
  ['houses_present_next_cleaning_idx', 'member_id, next_cleaning_date, id, deleted_at'],
  // Statistics' totals, the other sorts and the workload's house facts, without the rows.
  [
    'houses_present_facts_idx',
    'member_id, id, brigade_id, entrances, floors, apartments, problems, deleted_at',
  ],
]);

const UNKNOWN_NEXT_INDEX = 'houses_present_next_cleaning_unknown_idx';

async function replaceHouseIndexes(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'houses_member_id_search_text_idx',
    'houses_member_id_brigade_id_idx',
    'houses_member_id_management_company_id_idx',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  for (const [name, columns] of PRESENT_HOUSE_INDEXES) {
    await createIndex(db, name, 'houses', columns, 'deleted_at is null');
  }
  // Houses whose next cleaning is not known (written before this migration, or without
  // it): usually none, so the question «are there any?» is one empty index probe. The
  // columns repeat the question's terms: SQLite then prefers it to the facts index.
  await createIndex(
    db,
    UNKNOWN_NEXT_INDEX,
    'houses',
    'member_id, next_cleaning_as_of, id, deleted_at',
    'deleted_at is null and next_cleaning_as_of is null',
  );
}

async function replaceCleaningIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cleanings_member_id_date_idx').execute();
  await db.schema.dropIndex('cleanings_member_id_month_cleaning_type_idx').execute();
  await createIndex(
    db,
    'cleanings_member_date_type_house_idx',
    'cleanings',
    'member_id, date, cleaning_type, house_id',
  );
}

/** Raw SQL: Kysely's builder takes no partial-index condition as text; the same on both. */
async function createIndex(
  db: Kysely<unknown>,
  name: string,
  table: string,
  columns: string,
  where?: string,
): Promise<void> {
  const condition = where ? sql` where ${sql.raw(where)}` : sql``;
  const target = sql`${sql.id(table)} (${sql.raw(columns)})`;
  await sql`create index ${sql.id(name)} on ${target}${condition}`.execute(db);
}
