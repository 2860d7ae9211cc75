import { type Kysely, type RawBuilder, sql } from 'kysely';

import type { Database } from '../store/index.js';
import { houseListItemJson, nextCleaningJson } from './house-list-item-json.js';

/**
 * The houses list reads each house as a stored item (`house_list_items`): a page is then
 * 50 short texts joined by the database instead of 50 wide rows, three joins and a
 * serializer. Whoever writes what an item shows refreshes it in the same transaction:
 * the houses written, and the houses that name a brigade, УК or senior resident whose
 * shown fields changed. The item is stored whole, with the house's next cleaning as the
 * sync worked it out; while that holds, a page sends the stored text as it is.
 */
export interface ListItemChanges {
  houses?: readonly number[];
  brigades?: readonly number[];
  companies?: readonly number[];
  residents?: readonly number[];
}

const CHUNK = 500;

export async function refreshHouseListItems(
  db: Kysely<Database>,
  memberId: string,
  changes: ListItemChanges,
): Promise<void> {
  const ids = new Set(changes.houses ?? []);
  for (const id of await housesNaming(db, memberId, changes)) ids.add(id);

  const all = [...ids];
  for (let start = 0; start < all.length; start += CHUNK) {
    const chunk = all.slice(start, start + CHUNK);
    await writeItems(db, memberId, sql`h.id in (${sql.join(chunk)})`);
  }
}

/** Every house of the portal: after the table is created, or to repair it. */
export async function rebuildHouseListItems(db: Kysely<Database>, memberId: string) {
  await writeItems(db, memberId, sql`true`);
}

/**
 * The present houses that show one of the given links. A deleted house is not listed;
 * should it come back, the sync writes it and so refreshes its item.
 */
async function housesNaming(
  db: Kysely<Database>,
  memberId: string,
  changes: ListItemChanges,
): Promise<number[]> {
  const links = [
    ['brigadeId', changes.brigades],
    ['managementCompanyId', changes.companies],
    ['seniorResidentId', changes.residents],
  ] as const;
  const found: number[] = [];
  for (const [column, ids] of links) {
    for (let start = 0; start < (ids?.length ?? 0); start += CHUNK) {
      const rows = await db
        .selectFrom('houses')
        .select('id')
        .where('memberId', '=', memberId)
        .where('deletedAt', 'is', null)
        .where(column, 'in', (ids ?? []).slice(start, start + CHUNK))
        .execute();
      for (const row of rows) found.push(Number(row.id));
    }
  }
  return found;
}

async function writeItems(
  db: Kysely<Database>,
  memberId: string,
  which: RawBuilder<unknown>,
): Promise<void> {
  const front = nextCleaningJson(sql`h.next_cleaning_date`, sql`h.next_cleaning_type`);
  await sql`insert into house_list_items
      (member_id, house_id, item, next_cleaning_date, next_cleaning_type, next_cleaning_as_of)
    select h.member_id, h.id, ${front} || ${houseListItemJson(db)}, h.next_cleaning_date, h.next_cleaning_type, h.next_cleaning_as_of
    from houses h
    left join brigades b on b.member_id = h.member_id and b.id = h.brigade_id
    left join management_companies m
      on m.member_id = h.member_id and m.id = h.management_company_id
    left join senior_residents r on r.member_id = h.member_id and r.id = h.senior_resident_id
    where h.member_id = ${memberId} and ${which}
    on conflict (member_id, house_id) do update set
      item = excluded.item,
      next_cleaning_date = excluded.next_cleaning_date,
      next_cleaning_type = excluded.next_cleaning_type,
      next_cleaning_as_of = excluded.next_cleaning_as_of`.execute(db);
}
