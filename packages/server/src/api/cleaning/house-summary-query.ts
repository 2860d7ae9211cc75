import type { Kysely, SelectQueryBuilder } from 'kysely';

import type { Database } from '../../store/index.js';
import { type FilterScope, whereHouses } from './house-filter-query.js';
import { houseOrderOf, orderHouses } from './house-order.js';
import type { HouseFilter } from './house-schemas.js';
import { type NextCleaningColumns, nextCleaningColumns } from './next-cleaning-query.js';

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
 * One page in one statement: the page's ids, sorted and cut by the database from a narrow
 * index (the sort never carries the large house rows), then those houses' columns, names
 * and next cleaning, sorted again by the same key (50 rows). On 100 000 houses the ids
 * read index entries only. One statement instead of three: on the demo portal building,
 * compiling and mapping each query cost as much as running it.
 */
export async function selectHouseSummaryPage(
  db: Kysely<Database>,
  filter: HouseFilter,
  scope: FilterScope,
  page: { limit: number; offset: number },
): Promise<HouseSummaryPageRow[]> {
  const order = await houseOrderOf(db, filter, scope);
  const pageIds = orderHouses(
    whereHouses(db.selectFrom('houses').select('houses.id'), filter, scope),
    order,
  )
    .limit(page.limit)
    .offset(page.offset);

  const houses = db
    .selectFrom('houses')
    .where('houses.memberId', '=', scope.memberId)
    .where('houses.id', 'in', pageIds);
  const query = orderHouses(
    summaryQuery(houses).select((eb) => nextCleaningColumns(eb, scope.today)),
    order,
  );
  // Compiled with the plugins (snake_case names), run without them: one object literal a
  // row instead of the CamelCasePlugin's generic renaming (a tenth of the page's time).
  const { rows } = await db
    .withoutPlugins()
    .executeQuery<StoredRow<HouseSummaryPageRow>>(query.compile());
  return rows.map(pageRowOf);
}

export type HouseSummaryPageRow = HouseSummaryRow & NextCleaningColumns;

/** A row as the database names its columns: `brigadeName` is `brigade_name`. */
type StoredRow<Row> = { [Key in keyof Row as SnakeCase<Key & string>]: Row[Key] };
type SnakeCase<Name extends string> = Name extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : Name;

function pageRowOf(row: StoredRow<HouseSummaryPageRow>): HouseSummaryPageRow {
  return {
    id: row.id,
    title: row.title,
    address: row.address,
    lat: row.lat,
    lon: row.lon,
    apartments: row.apartments,
    entrances: row.entrances,
    floors: row.floors,
    area: row.area,
    tariff: row.tariff,
    brigadeId: row.brigade_id,
    brigadeName: row.brigade_name,
    managementCompanyId: row.management_company_id,
    managementCompanyName: row.management_company_name,
    seniorResidentId: row.senior_resident_id,
    seniorResidentName: row.senior_resident_name,
    seniorResidentPhones: row.senior_resident_phones,
    periodicityCurrent: row.periodicity_current,
    problems: row.problems,
    nextCleaningOn: row.next_cleaning_on,
    nextCleaningType: row.next_cleaning_type,
  };
}

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
