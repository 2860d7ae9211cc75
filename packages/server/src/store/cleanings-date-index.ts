import { type Kysely, sql } from 'kysely';

import type { Database } from './database-types.js';

/**
 * The cleanings' index by day (member, date, type, house), which the schedule, the day's
 * plans and the list's date filters read. Created by migration 0005; the same definition
 * is kept here for the first sync, which builds it after its load.
 */
export const CLEANINGS_DATE_INDEX = 'cleanings_member_date_type_house_idx';

/**
 * Runs `load` with the index by day built after it instead of kept during it, when the
 * store holds no cleanings at all (an installation's first sync). Each house's cleanings
 * land all over that index, so keeping it cost a third of a 100 000-house first sync
 * (88 → 61 s, building it at the end included). Reads meanwhile are slower, not wrong;
 * the index is back after a failure, and after a crash at the next start
 * (`ensureCleaningsDateIndex` runs with the migrations). On SQLite the build is one
 * call that holds the process, ~7 s at 100 000 houses: requests wait meanwhile, once.
 */
export async function loadingCleanings<T>(
  db: Kysely<Database>,
  load: () => Promise<T>,
): Promise<T> {
  if (!(await storeHoldsNoCleanings(db))) return load();

  await sql`drop index if exists ${sql.id(CLEANINGS_DATE_INDEX)}`.execute(db);
  try {
    return await load();
  } finally {
    await ensureCleaningsDateIndex(db);
  }
}

export async function ensureCleaningsDateIndex(db: Kysely<Database>): Promise<void> {
  await sql`create index if not exists ${sql.id(CLEANINGS_DATE_INDEX)}
    on cleanings (member_id, date, cleaning_type, house_id)`.execute(db);
}

/** Any portal's cleanings count: the index serves every portal of the installation. */
async function storeHoldsNoCleanings(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('cleanings').select('houseId').limit(1).executeTakeFirst();
  return row === undefined;
}
