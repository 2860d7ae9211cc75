import { describe, expect, it } from 'vitest';
import type { Act } from '../../src/api/types.js';
import {
  actAction,
  actAddress,
  actsExportUrl,
  actsQueryToApi,
  actsQueryToRoute,
  canSignActs,
  donePercent,
  parseActsQuery,
} from '../../src/logic/acts.js';

const act: Act = {
  house: { id: '7', title: 'Дом 7', address: 'Аллейная улица, 6' },
  brigade: { id: '11', name: 'Бригада 1' },
  month: '2026-12',
  planned: 4,
  done: 3,
  overdue: 1,
  status: 'behind',
  signature: null,
};

describe('acts page query', () => {
  it('reads the address bar, falling back to the current month and the first page', () => {
    expect(parseActsQuery({}, '2026-12')).toEqual({
      month: '2026-12',
      status: '',
      brigadeId: '',
      q: '',
      page: 1,
    });
    expect(
      parseActsQuery(
        { month: '2026-11', status: 'ready', brigadeId: '12', q: 'ленина', page: '3' },
        '2026-12',
      ),
    ).toEqual({ month: '2026-11', status: 'ready', brigadeId: '12', q: 'ленина', page: 3 });
  });

  it('ignores values the API would refuse', () => {
    const query = parseActsQuery(
      { month: '2026-13', status: 'lost', brigadeId: 'x', page: '-2' },
      '2026-12',
    );
    expect(query).toMatchObject({ month: '2026-12', status: '', brigadeId: '', page: 1 });
  });

  it('writes only what is set back to the address bar and the API', () => {
    const query = { month: '2026-12', status: 'signed', brigadeId: '', q: '', page: 2 } as const;

    expect(actsQueryToRoute(query)).toEqual({ month: '2026-12', status: 'signed', page: '2' });
    expect(actsQueryToApi(query)).toEqual({
      month: '2026-12',
      status: 'signed',
      brigadeId: '',
      q: '',
      page: 2,
      limit: 50,
    });
  });

  it('exports every page of the filtered list', () => {
    const query = {
      month: '2026-12',
      status: '',
      brigadeId: '11',
      q: 'ленина 5',
      page: 4,
    } as const;
    expect(actsExportUrl(query)).toBe(
      '/api/acts/export?month=2026-12&brigadeId=11&q=%D0%BB%D0%B5%D0%BD%D0%B8%D0%BD%D0%B0+5',
    );
  });
});

describe('acts figures and rights', () => {
  it('gives the share of planned cleanings done, capped at 100', () => {
    expect(donePercent(3, 4)).toBe(75);
    expect(donePercent(5, 4)).toBe(100);
    expect(donePercent(0, 0)).toBe(100);
    expect(donePercent(1, 3)).toBe(33);
  });

  it('lets the office and admins sign, not brigades, and no month ahead', () => {
    const now = '2026-12';
    expect(canSignActs('office', now, now)).toBe(true);
    expect(canSignActs('admin', '2026-11', now)).toBe(true);
    expect(canSignActs('admin', '2027-01', now)).toBe(false);
    expect(canSignActs('brigade_leader', now, now)).toBe(false);
    expect(canSignActs('brigade_member', now, now)).toBe(false);
    expect(canSignActs(undefined, now, now)).toBe(false);
  });

  it('signs an unsigned act and unsigns a signed one', () => {
    expect(actAction(act)).toBe('sign');
    const signed = { ...act, signature: { date: '2026-12-03', by: { id: '1', name: 'Офис' } } };
    expect(actAction(signed)).toBe('unsign');
  });

  it("names a house by its address, or by the deal's title when it has none", () => {
    expect(actAddress(act)).toBe('Аллейная улица, 6');
    expect(actAddress({ ...act, house: { ...act.house, address: null } })).toBe('Дом 7');
  });
});
