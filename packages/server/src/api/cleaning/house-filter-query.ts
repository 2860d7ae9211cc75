import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';

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
  let result = query
    .where('houses.memberId', '=', scope.memberId)
    .where('houses.deletedAt', 'is', null);

  for (const pattern of searchPatterns(filter.q ?? '')) {
    result = result.where('houses.searchText', 'like', pattern);
  }
  if (filter.brigadeId) result = result.where('houses.brigadeId', '=', Number(filter.brigadeId));
  if (filter.managementCompanyId) {
    result = result.where('houses.managementCompanyId', '=', Number(filter.managementCompanyId));
  }
  if (filter.problem) {
    result = result.where('houses.problems', 'like', `%"${filter.problem}"%`);
  }
  if (hasCleaningFilter(filter)) {
    result = result.where((eb) => cleaningMatches(eb, filter, scope));
  }
  return result;
}

function hasCleaningFilter(filter: HouseFilter): boolean {
  return Boolean(filter.date || filter.from || filter.to || filter.cleaningType);
}

/**
 * A few days: the days' houses come from the (member, date, type, house) index, a
 * small set on any portal. A longer range holds most houses, so each house is probed
 * on the cleanings primary key instead, which stops at the first cleaning it finds.
 */
function cleaningMatches(
  eb: ExpressionBuilder<Database, 'houses'>,
  filter: HouseFilter,
  scope: FilterScope,
) {
  const range = cleaningRange(filter, scope.today);

  let cleanings = eb
    .selectFrom('cleanings')
    .where('cleanings.memberId', '=', scope.memberId)
    .where('cleanings.date', '>=', range.from)
    .where('cleanings.date', '<=', range.to);
  if (filter.cleaningType) {
    cleanings = cleanings.where('cleanings.cleaningType', '=', filter.cleaningType);
  }

  if (daysIn(range) <= SHORT_RANGE_DAYS) {
    return eb('houses.id', 'in', cleanings.select('cleanings.houseId'));
  }
  return eb.exists(
    cleanings.select(sql.lit(1).as('one')).whereRef('cleanings.houseId', '=', 'houses.id'),
  );
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
