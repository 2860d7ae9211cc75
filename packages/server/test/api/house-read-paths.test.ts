import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

import type { NewCleaning, NewHouse } from '../../src/store/index.js';
import { describeStore } from '../support/test-store.js';
import { type ApiFixture, asAdmin, createApiFixture, TODAY } from './support/api-fixture.js';
import { createDemoApiFixture, type DemoApiFixture } from './support/demo-portal-fixture.js';
import { aCleaning, aHouse, insertCleanings, insertHouses } from './support/house-factory.js';

type Listed = { id: string; nextCleaning: { date: string } | null };

describeStore('the houses list by next cleaning, from the stored column or not', () => {
  const known = { nextCleaningAsOf: TODAY };
  const houses = [
    aHouse({ id: 1, nextCleaningDate: '2026-12-20', ...known }),
    aHouse({ id: 2, nextCleaningDate: '2026-12-10', ...known }),
    aHouse({ id: 3, nextCleaningDate: null, ...known }),
    aHouse({ id: 4, nextCleaningDate: '2026-12-05', ...known }),
  ];
  const cleanings = [
    aCleaning(1, '2026-12-20'),
    aCleaning(2, '2026-12-10'),
    aCleaning(3, '2026-11-10'),
    aCleaning(4, '2026-12-05'),
  ];
  let fixture: ApiFixture;

  const listed = async (setup: { houses: NewHouse[]; cleanings: NewCleaning[] }) => {
    fixture = await createApiFixture();
    await insertHouses(fixture.store.db, setup.houses);
    await insertCleanings(fixture.store.db, setup.cleanings);
    return async (query: string) => {
      const url = `/api/cleaning/houses${query}`;
      const response = await fixture.app.inject({ url, headers: asAdmin });
      return response.json().items.map((house: Listed) => house.id);
    };
  };

  afterEach(() => fixture.close());

  it('puts the nearest first and the houses with none last, in both directions', async () => {
    const ids = await listed({ houses, cleanings });

    expect(await ids('?sort=nextCleaning')).toEqual(['4', '2', '1', '3']);
    expect(await ids('?sort=nextCleaning&order=desc')).toEqual(['1', '2', '4', '3']);
  });

  it('orders by the cleanings themselves once a stored date has passed', async () => {
    // Written on 1 November: its stored next cleaning (24 November) is gone by today.
    const written = { nextCleaningDate: '2026-11-24', nextCleaningAsOf: '2026-11-01' };
    const ids = await listed({
      houses: [...houses, aHouse({ id: 5, ...written })],
      cleanings: [...cleanings, aCleaning(5, '2026-11-24'), aCleaning(5, '2026-12-15')],
    });

    expect(await ids('?sort=nextCleaning')).toEqual(['4', '2', '5', '1', '3']);
    expect(await ids('?sort=nextCleaning&limit=2&page=2')).toEqual(['5', '1']);
  });

  it('shows the next cleaning stored while it holds, the cleanings’ otherwise', async () => {
    const ids = await listed({
      houses: [
        ...houses,
        // Its stored date (24 November) has passed: the cleanings say 15 December.
        aHouse({ id: 5, nextCleaningDate: '2026-11-24', nextCleaningAsOf: '2026-11-01' }),
        // Worked out on a day after today (another zone's clock): not trusted either.
        aHouse({ id: 6, nextCleaningDate: '2026-12-12', nextCleaningAsOf: '2026-12-10' }),
        // Stored with its type: the page reads both from the house, not its cleanings.
        aHouse({
          id: 7,
          nextCleaningDate: '2026-12-08',
          nextCleaningType: 'first_floor',
          ...known,
        }),
      ],
      cleanings: [
        ...cleanings,
        aCleaning(1, '2026-12-20', { cleaningType: 'general', slot: 0 }),
        aCleaning(5, '2026-11-24'),
        aCleaning(5, '2026-12-15', { cleaningType: 'sweeping' }),
        aCleaning(6, '2026-12-05'),
        aCleaning(6, '2026-12-12'),
        aCleaning(7, '2026-12-08'),
      ],
    });
    const response = await fixture.app.inject({ url: '/api/cleaning/houses', headers: asAdmin });
    const next = (id: string) =>
      response.json().items.find((house: Listed) => house.id === id)?.nextCleaning;

    expect(await ids('')).toHaveLength(7);
    expect(next('1')).toEqual({ date: '2026-12-20', type: 'general' });
    expect(next('3')).toBeNull();
    expect(next('5')).toEqual({ date: '2026-12-15', type: 'sweeping' });
    expect(next('6')).toEqual({ date: '2026-12-05', type: 'full_wet' });
    expect(next('7')).toEqual({ date: '2026-12-08', type: 'first_floor' });
  });

  it('orders by the cleanings for houses written without a next cleaning', async () => {
    const ids = await listed({
      houses: [...houses, aHouse({ id: 5 })],
      cleanings: [...cleanings, aCleaning(5, '2026-12-04')],
    });

    expect(await ids('?sort=nextCleaning')).toEqual(['5', '4', '2', '1', '3']);
  });
});

describeStore('the read paths over the synced demo portal', () => {
  let fixture: DemoApiFixture;

  const get = async (url: string) => (await fixture.app.inject({ url, headers: asAdmin })).json();

  beforeAll(async () => {
    fixture = await createDemoApiFixture();
  }, 120_000);

  afterAll(() => fixture.close());

  it('stores each house’s next cleaning as its cleanings give it', async () => {
    const today = (await get('/api/dashboard/statistics')).today.date as string;
    const { rows } = await sql<{ stored: string | null; actual: string | null }>`
      select h.next_cleaning_date || ' ' || h.next_cleaning_type as stored,
        (select c.date || ' ' || c.cleaning_type from cleanings c
          where c.member_id = h.member_id and c.house_id = h.id and c.date >= ${today}
          order by c.date, c.slot limit 1) as actual
      from houses h where h.member_id = ${fixture.portal.memberId}`.execute(fixture.store.db);

    expect(rows).toHaveLength(490);
    expect(rows.filter((row) => row.actual !== null)).not.toHaveLength(0);
    expect(rows.filter((row) => row.stored !== row.actual)).toEqual([]);
  });

  it('sorts every house by its next cleaning, the nearest first', async () => {
    const { items, total } = await get('/api/cleaning/houses?sort=nextCleaning&limit=500');
    const dates = items.map((house: Listed) => house.nextCleaning?.date ?? '9999-99-99');

    expect(items).toHaveLength(total);
    expect(dates).toEqual([...dates].sort());
  });

  it('finds the houses of one day and of a month, and counts them alike', async () => {
    const { from, to } = thisMonth(new Date());
    const month = await get(`/api/cleaning/houses?limit=500&from=${from}&to=${to}`);
    const day = month.items.find((house: Listed) => house.nextCleaning)?.nextCleaning.date;
    const oneDay = await get(`/api/cleaning/houses?limit=500&date=${day}`);
    const schedule = await get(`/api/cleaning/schedule?from=${day}&to=${day}`);
    const scheduled = new Set(schedule.items.map((item: { houseId: string }) => item.houseId));

    expect(oneDay.total).toBe(scheduled.size);
    expect(oneDay.items.map((house: Listed) => house.id).sort()).toEqual([...scheduled].sort());
    expect(month.total).toBe(month.items.length);
    expect(month.total).toBeGreaterThan(oneDay.total);
  });

  it('adds the workload of the days up to the month’s cleanings', async () => {
    const workload = await get('/api/dashboard/workload');
    const statistics = await get('/api/dashboard/statistics');
    const visits = workload.days.reduce(
      (sum: number, day: { houses: number }) => sum + day.houses,
      0,
    );
    const cleanings = statistics.cleaningsByType.reduce(
      (sum: number, type: { count: number }) => sum + type.count,
      0,
    );

    expect(workload.days.length).toBeGreaterThan(20);
    expect(visits).toBeGreaterThan(0);
    expect(visits).toBeLessThanOrEqual(cleanings);
  });
});

function thisMonth(now: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
