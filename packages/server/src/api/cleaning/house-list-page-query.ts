import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

import { nextCleaningJson, refreshHouseListItems } from '../../read-model/index.js';
import type { Database } from '../../store/index.js';
import { type FilterScope, houseConditions } from './house-filter-query.js';
import { houseOrderOf, houseOrderTerms } from './house-order.js';
import type { HouseFilter } from './house-schemas.js';
import { selectHouseIdsPage } from './house-summary-query.js';

export interface HouseListPage {
  /** Houses the filter finds, on every page. */
  total: number;
  /** The page's items as JSON text (`item,item,…`), in the list's order. */
  items: Buffer | string;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

/**
 * One page of the houses list in ONE statement: the count, the page's ids cut from a
 * narrow index, and their stored items (read-model/house-list-items.ts) joined and
 * concatenated by the database, each with today's next cleaning in front. SQLite hands
 * the text over as bytes, so it is never decoded into a JavaScript string only to be
 * encoded again for the socket.
 *
 * A house without a stored item (written by a path that forgot to refresh it) gets one
 * here and the page is read again: the list never drops a house that `total` counts.
 */
export async function selectHouseListPage(
  db: Kysely<Database>,
  filter: HouseFilter,
  scope: FilterScope,
  window: PageWindow,
): Promise<HouseListPage> {
  let page = await readPage(db, filter, scope, window);
  if (page.found < page.listed) {
    const ids = await selectHouseIdsPage(db, filter, scope, window);
    await refreshHouseListItems(db, scope.memberId, { houses: ids });
    page = await readPage(db, filter, scope, window);
  }
  return { total: Number(page.total), items: page.items ?? '' };
}

interface PageRow {
  total: number | string;
  /** Ids on the page, and how many of them have a stored item. */
  listed: number | string;
  found: number | string;
  items: Buffer | string | null;
}

async function readPage(
  db: Kysely<Database>,
  filter: HouseFilter,
  scope: FilterScope,
  window: PageWindow,
): Promise<PageRow> {
  const order = await houseOrderOf(db, filter, scope);
  const houses = sql`from houses where ${houseConditions(filter, scope)}`;
  // The limit is written into the text (a validated integer, a few values in use): SQLite
  // walked the same 50 index entries a good third slower with it as a parameter.
  const limit = sql.lit(Math.trunc(window.limit));
  const ids = sql`select houses.id ${houses}
    order by ${sql.join(houseOrderTerms(order))} limit ${limit} offset ${window.offset}`;
  const item = listItem(scope.today);

  // The page is the outer loop of the join (LEFT JOIN keeps it there) and yields its
  // rows in the list's order, so SQLite concatenates them in that order without a
  // sort. PostgreSQL may join by hash: it numbers the rows and orders the aggregate.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const pageRows = postgres
    ? sql`(select s.id, row_number() over () as position from (${ids}) s)`
    : sql`(${ids})`;
  const items = postgres
    ? sql`string_agg(${item}, ',' order by p.position)`
    : sql`cast(group_concat(${item}, ',') as blob)`;

  // All of it is SQL text in the database's own names: no plugin has anything to rename.
  const { rows } = await sql<PageRow>`select (select count(*) ${houses}) as total,
      count(p.id) as listed, count(i.house_id) as found, ${items} as items
    from ${pageRows} p
    left join house_list_items i on i.member_id = ${scope.memberId} and i.house_id = p.id`.execute(
    db.withoutPlugins(),
  );
  return rows[0] as PageRow;
}

/**
 * A stored item as it is while its next cleaning holds: worked out today or earlier and
 * not passed (a null date then stays «none»). Otherwise its front is written again with
 * the first cleaning from today and that day's first slot, read from the cleanings key.
 */
function listItem(today: string): RawBuilder<string> {
  const holds = sql`i.next_cleaning_as_of <= ${today}
    and (i.next_cleaning_date is null or i.next_cleaning_date >= ${today})
    and (i.next_cleaning_date is null or i.next_cleaning_type is not null)`;
  const firstDay = sql`(select min(c.date) from cleanings c
    where c.member_id = i.member_id and c.house_id = i.house_id and c.date >= ${today})`;
  const found = nextCleaningJson(sql`c.date`, sql`c.cleaning_type`);
  const front = sql`coalesce((select ${found} from cleanings c
    where c.member_id = i.member_id and c.house_id = i.house_id and c.date = ${firstDay}
    order by c.slot limit 1), ${nextCleaningJson(sql`null`, sql`null`)})`;
  // The stored front was written from the stored next cleaning: its length says where
  // the rest of the item begins.
  const stored = nextCleaningJson(sql`i.next_cleaning_date`, sql`i.next_cleaning_type`);
  return sql<string>`case when ${holds} then i.item
    else ${front} || substr(i.item, length(${stored}) + 1) end`;
}
