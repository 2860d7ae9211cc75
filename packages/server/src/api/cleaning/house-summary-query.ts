import { type Kysely, sql } from 'kysely';

import type { Database } from '../../store/index.js';
import { type FilterScope, whereHouses } from './house-filter-query.js';
import type { HouseFilter } from './house-schemas.js';

/**
 * One page of houses with the names of their brigade, УК and senior resident, joined in
 * the same query (no query per house), sorted and paginated by the database.
 */
export function selectHouseSummaries(
  db: Kysely<Database>,
  filter: HouseFilter,
  scope: FilterScope,
) {
  return orderHouses(summaryQuery(db, filter, scope), filter, scope.today);
}

function summaryQuery(db: Kysely<Database>, filter: HouseFilter, scope: FilterScope) {
  return whereHouses(db.selectFrom('houses'), filter, scope)
    .leftJoin('brigades', (join) =>
      join
        .onRef('brigades.memberId', '=', 'houses.memberId')
        .onRef('brigades.id', '=', 'houses.brigadeId'),
    )
    .leftJoin('managementCompanies', (join) =>
      join
        .onRef('managementCompanies.memberId', '=', 'houses.memberId')
        .onRef('managementCompanies.id', '=', 'houses.managementCompanyId'),
    )
    .leftJoin('seniorResidents', (join) =>
      join
        .onRef('seniorResidents.memberId', '=', 'houses.memberId')
        .onRef('seniorResidents.id', '=', 'houses.seniorResidentId'),
    )
    .select([
      'houses.id',
      'houses.title',
      'houses.address',
      'houses.lat',
      'houses.lon',
      'houses.apartments',
      'houses.entrances',
      'houses.floors',
      'houses.area',
      'houses.tariff',
      'houses.brigadeId',
      'brigades.name as brigadeName',
      'houses.managementCompanyId',
      'managementCompanies.name as managementCompanyName',
      'houses.seniorResidentId',
      'seniorResidents.name as seniorResidentName',
      'seniorResidents.phones as seniorResidentPhones',
      'houses.periodicityCurrent',
      'houses.problems',
    ]);
}

type SummaryQuery = ReturnType<typeof summaryQuery>;

function orderHouses(query: SummaryQuery, filter: HouseFilter, today: string): SummaryQuery {
  const direction = filter.order ?? 'asc';
  const sort = filter.sort ?? 'address';

  // The address order walks the (member_id, search_text) index: the first page of
  // 100 000 houses costs no sort. A house without an address sorts by its title.
  if (sort === 'address') {
    return query.orderBy('houses.searchText', direction).orderBy('houses.id', direction);
  }

  // Missing values go last in both directions and on both databases; the id breaks
  // ties so that pages never overlap.
  const key = sortKey(sort, today);
  return query.orderBy(sql`(${key}) is null`).orderBy(key, direction).orderBy('houses.id');
}

export type HouseSummaryRow = Awaited<
  ReturnType<ReturnType<typeof selectHouseSummaries>['execute']>
>[number];

export async function countHouses(
  db: Kysely<Database>,
  filter: HouseFilter,
  scope: FilterScope,
): Promise<number> {
  const row = await whereHouses(db.selectFrom('houses'), filter, scope)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function sortKey(sort: Exclude<HouseFilter['sort'], 'address' | undefined>, today: string) {
  switch (sort) {
    case 'apartments':
      return sql`houses.apartments`;
    case 'entrances':
      return sql`houses.entrances`;
    case 'floors':
      return sql`houses.floors`;
    case 'nextCleaning':
      return sql`(select min(c.date) from cleanings c where c.member_id = houses.member_id
        and c.house_id = houses.id and c.date >= ${today})`;
  }
}
