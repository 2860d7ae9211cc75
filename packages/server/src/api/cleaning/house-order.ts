import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';

import type { Database } from '../../store/index.js';
import type { FilterScope } from './house-filter-query.js';
import type { HouseFilter } from './house-schemas.js';

/** How the houses list is ordered: the sort key, and whether it is the address. */
export type HouseOrder =
  | { kind: 'address'; direction: 'asc' | 'desc' }
  | { kind: 'key'; key: RawBuilder<unknown>; direction: 'asc' | 'desc' };

/**
 * The order the filter asks for. The next cleaning comes from the column the sync keeps
 * (`next_cleaning_date`, read from an index) when every present house has a trustworthy
 * one; otherwise from a subquery per house, which is right whatever the column says.
 */
export async function houseOrderOf(
  db: Kysely<Database>,
  filter: HouseFilter,
  scope: FilterScope,
): Promise<HouseOrder> {
  const direction = filter.order ?? 'asc';
  const sort = filter.sort ?? 'address';

  if (sort === 'address') return { kind: 'address', direction };
  if (sort !== 'nextCleaning') return { kind: 'key', key: sortKeys[sort], direction };

  const stored = await storedNextCleaningHolds(db, scope);
  return { kind: 'key', key: stored ? storedNextCleaning : nextCleaningSubquery(scope), direction };
}

/**
 * Sorts any query over `houses` (see `houseOrderTerms`).
 */
export function orderHouses<Tables extends keyof Database, Output>(
  query: SelectQueryBuilder<Database, Tables, Output>,
  order: HouseOrder,
): SelectQueryBuilder<Database, Tables, Output> {
  return houseOrderTerms(order).reduce((sorted, term) => sorted.orderBy(term), query);
}

/**
 * The ORDER BY terms of an order, as SQL text over the table `houses`. The address order
 * walks the address indexes (the first page of 100 000 houses costs no sort; a house
 * without an address sorts by its title). Other keys: missing values last in both
 * directions and on both databases; the id breaks ties so that pages never overlap.
 */
export function houseOrderTerms(order: HouseOrder): RawBuilder<unknown>[] {
  const direction = sql.raw(order.direction);
  if (order.kind === 'address') {
    return [sql`houses.search_text ${direction}`, sql`houses.id ${direction}`];
  }
  return [sql`(${order.key}) is null`, sql`${order.key} ${direction}`, sql`houses.id`];
}

const sortKeys = {
  apartments: sql`houses.apartments`,
  entrances: sql`houses.entrances`,
  floors: sql`houses.floors`,
};

const storedNextCleaning = sql`houses.next_cleaning_date`;

/**
 * The stored next cleaning is still right today when it was worked out (its `as of`
 * is set) and its date has not passed; both questions are one index probe each.
 */
async function storedNextCleaningHolds(db: Kysely<Database>, scope: FilterScope): Promise<boolean> {
  const present = db
    .selectFrom('houses')
    .select('id')
    .where('memberId', '=', scope.memberId)
    .where('deletedAt', 'is', null)
    .limit(1);

  const unknown = await present.where('nextCleaningAsOf', 'is', null).executeTakeFirst();
  if (unknown) return false;
  const passed = await present.where('nextCleaningDate', '<', scope.today).executeTakeFirst();
  return !passed;
}

function nextCleaningSubquery(scope: FilterScope): RawBuilder<unknown> {
  return sql`(select min(c.date) from cleanings c where c.member_id = houses.member_id
    and c.house_id = houses.id and c.date >= ${scope.today})`;
}
