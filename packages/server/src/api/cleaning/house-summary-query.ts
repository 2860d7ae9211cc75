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
  const query = whereHouses(db.selectFrom('houses'), filter, scope)
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

  const key = sortKey(filter.sort ?? 'address', scope.today);
  const direction = filter.order ?? 'asc';

  // Missing values go last in both directions and on both databases; the id breaks
  // ties so that pages never overlap.
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

function sortKey(sort: NonNullable<HouseFilter['sort']>, today: string) {
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
    default:
      // search_text is the address in lowercase with ё as е: a stable order on both dialects.
      return sql`case when houses.address is null then null else houses.search_text end`;
  }
}
