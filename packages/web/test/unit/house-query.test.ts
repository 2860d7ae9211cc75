import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOUSE_QUERY,
  exportUrl,
  houseQueryToParams,
  houseQueryToRoute,
  pageCount,
  parseHouseQuery,
} from '../../src/logic/house-query.js';

describe('house query', () => {
  it('reads the address bar and falls back on unknown values', () => {
    const query = parseHouseQuery({
      q: ' Аллейная ',
      sort: 'drop table',
      page: '-3',
      limit: '9999',
    });

    expect(query.q).toBe('Аллейная');
    expect(query.sort).toBe('address');
    expect(query.page).toBe(1);
    expect(query.limit).toBe(500);
  });

  it('writes only what differs from the defaults into the address bar', () => {
    const route = houseQueryToRoute({ ...DEFAULT_HOUSE_QUERY, brigadeId: '12', page: 3 });
    expect(route).toEqual({ brigadeId: '12', page: '3' });
  });

  it('round-trips through the address bar', () => {
    const query = {
      ...DEFAULT_HOUSE_QUERY,
      q: 'Ленина',
      problem: 'no_brigade' as const,
      order: 'desc' as const,
    };
    expect(parseHouseQuery(houseQueryToRoute(query))).toEqual(query);
  });

  it('sends filters to the API, leaving empty ones out', () => {
    const params = houseQueryToParams({
      ...DEFAULT_HOUSE_QUERY,
      q: 'Кирова',
      managementCompanyId: '7',
      cleaningType: 'sweeping',
    });

    expect(params.get('q')).toBe('Кирова');
    expect(params.get('managementCompanyId')).toBe('7');
    expect(params.get('cleaningType')).toBe('sweeping');
    expect(params.has('brigadeId')).toBe(false);
    expect(params.get('page')).toBe('1');
    expect(params.get('limit')).toBe('50');
  });

  it('turns a one-day range into date, a longer one into from and to', () => {
    const day = houseQueryToParams({
      ...DEFAULT_HOUSE_QUERY,
      from: '2026-12-03',
      to: '2026-12-03',
    });
    const week = houseQueryToParams({
      ...DEFAULT_HOUSE_QUERY,
      from: '2026-12-03',
      to: '2026-12-09',
    });

    expect(day.get('date')).toBe('2026-12-03');
    expect(day.has('from')).toBe(false);
    expect(week.get('from')).toBe('2026-12-03');
    expect(week.get('to')).toBe('2026-12-09');
  });

  it('exports with the same filters but without paging', () => {
    const url = new URL(
      exportUrl({ ...DEFAULT_HOUSE_QUERY, brigadeId: '5', page: 4 }, 'xlsx'),
      'http://x',
    );

    expect(url.pathname).toBe('/api/cleaning/houses/export');
    expect(url.searchParams.get('format')).toBe('xlsx');
    expect(url.searchParams.get('brigadeId')).toBe('5');
    expect(url.searchParams.has('page')).toBe(false);
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(490, 50)).toBe(10);
  });
});
