import type { Kysely, SelectQueryBuilder } from 'kysely';

import type { Database } from '../../store/index.js';
import { type FilterScope, whereHouses } from './house-filter-query.js';
import { houseOrderOf, orderHouses } from './house-order.js';
import type { HouseFilter } from './house-schemas.js';

/**
 * Every house the filter finds, in order, with the names of their brigade, УК and senior
 * resident joined in the same query (no query per house): the export.
 */
export async function selectHouseSummaries(
  db: Kysely<Database>,
  filter: HouseFilter,
  scope: FilterScope,
): Promise<HouseSummaryRow[]> {
  const order = await houseOrderOf(db, filter, scope);
  return orderHouses(
    summaryQuery(whereHouses(db.selectFrom('houses'), filter, scope)),
    order,
  ).execute();
}

/**
 * The ids of one page, sorted and cut by the database from a narrow index (the sort
 * never carries the large house rows). On 100 000 houses this reads index entries only.
 */
export async function selectHouseIdsPage(
  db: Kysely<Database>,
  filter: HouseFilter,
  scope: FilterScope,
  page: { limit: number; offset: number },
): Promise<number[]> {
  const order = await houseOrderOf(db, filter, scope);
  const rows = await orderHouses(
    whereHouses(db.selectFrom('houses').select('houses.id'), filter, scope),
    order,
  )
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((row) => Number(row.id));
}

// The list's items show the same columns (read-model/house-list-item-json.ts).
function summaryQuery(houses: SelectQueryBuilder<Database, 'houses', object>) {
  return houses
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

export type HouseSummaryRow = Awaited<
  ReturnType<ReturnType<typeof summaryQuery>['execute']>
>[number];
