import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

import { refreshHouseListItems } from '../../read-model/index.js';
import type { Database } from '../../store/index.js';
import type { FilterScope } from './house-filter-query.js';

/**
 * The items of one page of the houses list as JSON text (`item,item,…`), in the order
 * of `ids`, joined by the database from the stored items (read-model/house-list-items.ts)
 * with each house's next cleaning put in front. SQLite hands the text over as bytes, so
 * it is never decoded into a JavaScript string only to be encoded again for the socket.
 *
 * A house without a stored item (written by a path that forgot to refresh it) gets one
 * here and the page is read again: the list never drops a house that `total` counts.
 */
export async function selectHouseListItems(
  db: Kysely<Database>,
  scope: FilterScope,
  ids: readonly number[],
): Promise<Buffer | string> {
  if (ids.length === 0) return '';
  let page = await readItems(db, scope, ids);
  if (page.found < ids.length) {
    await refreshHouseListItems(db, scope.memberId, { houses: ids });
    page = await readItems(db, scope, ids);
  }
  return page.items ?? '';
}

interface ItemsRow {
  found: number;
  items: Buffer | string | null;
}

async function readItems(
  db: Kysely<Database>,
  scope: FilterScope,
  ids: readonly number[],
): Promise<ItemsRow> {
  const item = sql`'{"nextCleaning":' || ${nextCleaningJson(scope.today)} || ',' || i.item`;
  const query =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql<ItemsRow>`select count(*) as found,
            string_agg(${item}, ',' order by j.position) as items
          from unnest(cast(${ids} as bigint[])) with ordinality as j(house_id, position)
          join house_list_items i on i.member_id = ${scope.memberId} and i.house_id = j.house_id`
      : // CROSS JOIN keeps SQLite from scanning the portal's items and probing the list.
        sql<ItemsRow>`select count(*) as found,
            cast(group_concat(${item}, ',' order by j.key) as blob) as items
          from json_each(${JSON.stringify(ids)}) j
          cross join house_list_items i
            on i.member_id = ${scope.memberId} and i.house_id = j.value`;
  const { rows } = await query.execute(db.withoutPlugins());
  return { found: Number(rows[0]?.found ?? 0), items: rows[0]?.items ?? null };
}

/**
 * The next cleaning as JSON (`null`: none). The stored one while it holds: worked out
 * today or earlier and not passed (a null date then stays «none»). Otherwise the first
 * cleaning from today and that day's first slot, read from the cleanings key. Dates and
 * type codes hold no character JSON would escape.
 */
function nextCleaningJson(today: string): RawBuilder<string> {
  const holds = sql`i.next_cleaning_as_of <= ${today}
    and (i.next_cleaning_date is null or i.next_cleaning_date >= ${today})
    and (i.next_cleaning_date is null or i.next_cleaning_type is not null)`;
  const stored = sql`case when i.next_cleaning_date is null then 'null'
    else '{"date":"' || i.next_cleaning_date || '","type":"' || i.next_cleaning_type || '"}' end`;
  const firstDay = sql`(select min(c.date) from cleanings c
    where c.member_id = i.member_id and c.house_id = i.house_id and c.date >= ${today})`;
  const workedOut = sql`coalesce((
    select '{"date":"' || c.date || '","type":"' || c.cleaning_type || '"}' from cleanings c
    where c.member_id = i.member_id and c.house_id = i.house_id and c.date = ${firstDay}
    order by c.slot limit 1), 'null')`;
  return sql<string>`case when ${holds} then ${stored} else ${workedOut} end`;
}
