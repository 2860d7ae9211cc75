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
 * `total` always counts what the pages show. Everything runs in the database; cleaning
 * filters are an EXISTS on the cleanings primary key (member, house, date ...).
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
    result = result.where((eb) => cleaningExists(eb, filter, scope));
  }
  return result;
}

function hasCleaningFilter(filter: HouseFilter): boolean {
  return Boolean(filter.date || filter.from || filter.to || filter.cleaningType);
}

function cleaningExists(
  eb: ExpressionBuilder<Database, 'houses'>,
  filter: HouseFilter,
  scope: FilterScope,
) {
  const range = cleaningRange(filter, scope.today);

  let cleanings = eb
    .selectFrom('cleanings')
    .select(sql.lit(1).as('one'))
    .whereRef('cleanings.memberId', '=', 'houses.memberId')
    .whereRef('cleanings.houseId', '=', 'houses.id')
    .where('cleanings.date', '>=', range.from)
    .where('cleanings.date', '<=', range.to);
  if (filter.cleaningType)
    cleanings = cleanings.where('cleanings.cleaningType', '=', filter.cleaningType);

  return eb.exists(cleanings);
}

/** `date` wins; a half-open range is closed by the far past or future. */
export function cleaningRange(filter: HouseFilter, today: string): { from: string; to: string } {
  if (filter.date) return { from: filter.date, to: filter.date };
  if (filter.from || filter.to) {
    return { from: filter.from ?? '0000-01-01', to: filter.to ?? '9999-12-31' };
  }
  return monthRange(today.slice(0, 7));
}
