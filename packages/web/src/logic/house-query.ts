import type { CleaningType, HouseProblem } from '../api/types.js';

// The houses list's filters, one shape for three places: the page's state, the
// address bar (so a filtered list can be shared as a link) and the API query
// (list and export take the same parameters).

export type HouseSort = 'address' | 'apartments' | 'entrances' | 'floors' | 'nextCleaning';
export type SortOrder = 'asc' | 'desc';

export interface HouseQuery {
  q: string;
  brigadeId: string;
  managementCompanyId: string;
  cleaningType: CleaningType | '';
  problem: HouseProblem | '';
  from: string;
  to: string;
  sort: HouseSort;
  order: SortOrder;
  page: number;
  limit: number;
}

export const DEFAULT_HOUSE_QUERY: Readonly<HouseQuery> = {
  q: '',
  brigadeId: '',
  managementCompanyId: '',
  cleaningType: '',
  problem: '',
  from: '',
  to: '',
  sort: 'address',
  order: 'asc',
  page: 1,
  limit: 50,
};

const SORTS: readonly HouseSort[] = [
  'address',
  'apartments',
  'entrances',
  'floors',
  'nextCleaning',
];

type RawQuery = Record<string, string | null | (string | null)[] | undefined>;

function first(raw: RawQuery, key: string): string {
  const value = raw[key];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text.trim() : '';
}

function positive(text: string, fallback: number, max: number): number {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
}

/** Reads the address bar; unknown or broken values fall back to the defaults. */
export function parseHouseQuery(raw: RawQuery): HouseQuery {
  const sort = first(raw, 'sort') as HouseSort;

  return {
    q: first(raw, 'q'),
    brigadeId: first(raw, 'brigadeId'),
    managementCompanyId: first(raw, 'managementCompanyId'),
    cleaningType: first(raw, 'cleaningType') as HouseQuery['cleaningType'],
    problem: first(raw, 'problem') as HouseQuery['problem'],
    from: first(raw, 'from'),
    to: first(raw, 'to'),
    sort: SORTS.includes(sort) ? sort : DEFAULT_HOUSE_QUERY.sort,
    order: first(raw, 'order') === 'desc' ? 'desc' : 'asc',
    page: positive(first(raw, 'page'), 1, 100_000),
    limit: positive(first(raw, 'limit'), DEFAULT_HOUSE_QUERY.limit, 500),
  };
}

/** Only what differs from the defaults, so links stay short. */
export function houseQueryToRoute(query: HouseQuery): Record<string, string> {
  const route: Record<string, string> = {};

  for (const key of Object.keys(DEFAULT_HOUSE_QUERY) as (keyof HouseQuery)[]) {
    const value = String(query[key]);
    if (value !== String(DEFAULT_HOUSE_QUERY[key])) route[key] = value;
  }
  return route;
}

/** The API's parameters: empty filters are left out, a one-day range becomes `date`. */
export function houseQueryToParams(query: HouseQuery, withPaging = true): URLSearchParams {
  const params = new URLSearchParams();
  const filters = ['q', 'brigadeId', 'managementCompanyId', 'cleaningType', 'problem'] as const;

  for (const key of filters) {
    if (query[key]) params.set(key, query[key]);
  }
  if (query.from && query.from === query.to) params.set('date', query.from);
  else {
    if (query.from) params.set('from', query.from);
    if (query.to) params.set('to', query.to);
  }

  params.set('sort', query.sort);
  params.set('order', query.order);
  if (withPaging) {
    params.set('page', String(query.page));
    params.set('limit', String(query.limit));
  }
  return params;
}

export function exportUrl(query: HouseQuery, format: 'csv' | 'xlsx'): string {
  const params = houseQueryToParams(query, false);
  params.set('format', format);
  return `/api/cleaning/houses/export?${params.toString()}`;
}

export function activeFilterCount(query: HouseQuery): number {
  const keys = [
    'q',
    'brigadeId',
    'managementCompanyId',
    'cleaningType',
    'problem',
    'from',
  ] as const;
  return keys.filter((key) => query[key] !== '').length;
}

export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}
