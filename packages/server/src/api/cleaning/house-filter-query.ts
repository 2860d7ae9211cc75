import { type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';

import type { Database } from '../../store/index.js';
import { monthRange } from '../local-date.js';
import type { HouseFilter } from './house-schemas.js';
import { searchPatterns } from './search-query.js';

type HouseQuery<Output> = SelectQueryBuilder<Database, 'houses', Output>;

export interface FilterScope {
  memberId: string;
  /** Today in the company zone: a type filter without dates means this month. */
  today: string;
}

/**
 * Applies the houses filters as SQL: the list, its count and the export share it, so
 * `total` always counts what the pages show. Everything runs in the database.
 */
export function whereHouses<Output>(
  query: HouseQuery<Output>,
  filter: HouseFilter,
  scope: FilterScope,
): HouseQuery<Output> {
  return query.where(houseConditions(filter, scope));
}

/**
 * The filters as one condition over the table `houses`, written as SQL text rather than
 * built: a list page spends less on it than on running it, with or without Kysely's
 * plugins (it names columns as the database does).
 */
export function houseConditions(filter: HouseFilter, scope: FilterScope): RawBuilder<SqlBool> {
  const conditions = [sql`houses.member_id = ${scope.memberId}`, sql`houses.deleted_at is null`];

  for (const pattern of searchPatterns(filter.q ?? '')) {
    conditions.push(sql`houses.search_text like ${pattern}`);
  }
  if (filter.brigadeId) conditions.push(sql`houses.brigade_id = ${Number(filter.brigadeId)}`);
  if (filter.managementCompanyId) {
    const id = Number(filter.managementCompanyId);
    conditions.push(sql`houses.management_company_id = ${id}`);
  }
  if (filter.problem) conditions.push(sql`houses.problems like ${`%"${filter.problem}"%`}`);
  if (hasCleaningFilter(filter)) conditions.push(cleaningMatches(filter, scope));
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

function hasCleaningFilter(filter: HouseFilter): boolean {
  return Boolean(filter.date || filter.from || filter.to || filter.cleaningType);
}

/**
 * A few days: the days' houses come from the (member, date, type, house) index, a
 * small set on any portal. A longer range holds most houses, so each house is probed
 * on the cleanings primary key instead, which stops at the first cleaning it finds.
 */
function cleaningMatches(filter: HouseFilter, scope: FilterScope): RawBuilder<SqlBool> {
  const range = cleaningRange(filter, scope.today);
  const type = filter.cleaningType ? sql` and c.cleaning_type = ${filter.cleaningType}` : sql``;
  const cleanings = sql`from cleanings c where c.member_id = ${scope.memberId}
    and c.date >= ${range.from} and c.date <= ${range.to}${type}`;

  if (daysIn(range) <= SHORT_RANGE_DAYS) {
    return sql<SqlBool>`houses.id in (select c.house_id ${cleanings})`;
  }
  return sql<SqlBool>`exists (select 1 ${cleanings} and c.house_id = houses.id)`;
}

const SHORT_RANGE_DAYS = 7;
const DAY_MS = 86_400_000;

function daysIn(range: { from: string; to: string }): number {
  return (Date.parse(range.to) - Date.parse(range.from)) / DAY_MS + 1;
}

/** `date` wins; a half-open range is closed by the far past or future. */
export function cleaningRange(filter: HouseFilter, today: string): { from: string; to: string } {
  if (filter.date) return { from: filter.date, to: filter.date };
  if (filter.from || filter.to) {
    return { from: filter.from ?? '0000-01-01', to: filter.to ?? '9999-12-31' };
  }
  return monthRange(today.slice(0, 7));
}
