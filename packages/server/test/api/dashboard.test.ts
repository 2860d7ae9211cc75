import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeStore } from '../support/test-store.js';
import { type ApiFixture, asAdmin, createApiFixture } from './support/api-fixture.js';
import {
  aCleaning,
  aHouse,
  insertBrigade,
  insertCleanings,
  insertEmployee,
  insertHouses,
} from './support/house-factory.js';

describeStore('dashboard, schedule and export', () => {
  let fixture: ApiFixture;

  beforeAll(async () => {
    fixture = await createApiFixture();
    const db = fixture.store.db;
    await insertBrigade(db, 11, 'Бригада 1', 100);
    await insertBrigade(db, 12, 'Бригада 2');
    await insertEmployee(db, 100, 'Бригадир Первый', { brigadeId: 11, isLeader: 1 });
    await insertEmployee(db, 101, 'Уборщица Вторая', { brigadeId: 11 });
    await insertEmployee(db, 102, 'Ушедший Работник', { brigadeId: 12, active: 0 });
    await insertEmployee(db, 103, 'Офисный Менеджер', { position: 'Менеджер' });
    await insertHouses(db, [
      aHouse({ id: 1, brigadeId: 11, entrances: 2, floors: 5, apartments: 40 }),
      aHouse({
        id: 2,
        brigadeId: 11,
        entrances: 3,
        floors: 9,
        apartments: 100,
        address: '=HYPERLINK("x");1',
      }),
      aHouse({ id: 3, brigadeId: 12, entrances: 1, floors: 4, problems: '["no_senior_resident"]' }),
    ]);
    await insertCleanings(db, [
      aCleaning(1, '2026-12-03'),
      aCleaning(2, '2026-12-03', { cleaningType: 'first_floor' }),
      aCleaning(2, '2026-12-17', { cleaningType: 'sweeping' }),
      aCleaning(3, '2026-12-05'),
    ]);
  });
  afterAll(() => fixture.close());

  const get = async (url: string) => {
    const response = await fixture.app.inject({ url, headers: asAdmin });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  it('lists the working brigade staff by default, everyone on demand', async () => {
    const staff = (await get('/api/dashboard/employees')).json();
    const everyone = (await get('/api/dashboard/employees?scope=all')).json();
    const former = (await get('/api/dashboard/employees?active=false')).json();
    const found = (await get('/api/dashboard/employees?q=бригадир')).json();

    expect(staff.items.map((e: { id: string }) => e.id)).toEqual(['100', '101']);
    expect(staff.items[0]).toMatchObject({
      isLeader: true,
      brigade: { id: '11', name: 'Бригада 1' },
    });
    expect(everyone.total).toBe(3);
    expect(former.items.map((e: { id: string }) => e.id)).toEqual(['102']);
    expect(found.total).toBe(1);
  });

  it('shows brigades with leader, members and house totals', async () => {
    const { items } = (await get('/api/dashboard/departments')).json();

    expect(items[0]).toMatchObject({
      id: '11',
      leader: { id: '100', name: 'Бригадир Первый' },
      houses: 2,
      entrances: 5,
      apartments: 140,
    });
    expect(items[0].members).toHaveLength(2);
  });

  it('sums the statistics of the month and today', async () => {
    const body = (await get('/api/dashboard/statistics')).json();

    expect(body).toMatchObject({
      houses: 3,
      apartments: 200,
      entrances: 6,
      brigades: 2,
      month: '2026-12',
    });
    expect(body.employees).toBe(2); // the office manager is staff, not brigade staff
    expect(body.cleaningsByType).toContainEqual({ type: 'full_wet', count: 2 });
    expect(body.housesWithProblems).toBe(1);
    expect(body.problems).toContainEqual({ code: 'no_senior_resident', count: 1 });
    expect(body.today).toEqual({
      date: '2026-12-03',
      byBrigade: [{ brigadeId: '11', name: 'Бригада 1', cleanings: 2 }],
    });
  });

  it('plans the workload per brigade and day', async () => {
    const body = (await get('/api/dashboard/workload?month=2026-12')).json();

    expect(body.days).toContainEqual({
      date: '2026-12-03',
      brigadeId: '11',
      houses: 2,
      entrances: 5,
      floorCleanings: 2 * 5 + 3,
    });
    expect(body.totals).toContainEqual({
      brigadeId: '11',
      name: 'Бригада 1',
      houses: 2,
      entrances: 8,
      floorCleanings: 10 + 3 + 27,
    });
  });

  it('lists the schedule of a range and of a brigade', async () => {
    const week = (await get('/api/cleaning/schedule')).json();
    const brigade = (
      await get('/api/cleaning/schedule?from=2026-12-01&to=2026-12-31&brigadeId=12')
    ).json();
    const capped = (
      await get('/api/cleaning/schedule?from=2026-12-01&to=2026-12-31&limit=1')
    ).json();

    expect(week).toMatchObject({ from: '2026-12-03', to: '2026-12-09', truncated: false });
    expect(week.items.map((item: { houseId: string }) => item.houseId)).toEqual(['2', '1', '3']);
    expect(brigade.items).toEqual([
      expect.objectContaining({ houseId: '3', brigadeName: 'Бригада 2' }),
    ]);
    expect(capped).toMatchObject({ truncated: true, items: [expect.anything()] });
  });

  it('exports CSV for Russian Excel: BOM, semicolons, formulas neutralised', async () => {
    const response = await get('/api/cleaning/houses/export?format=csv&brigadeId=11');
    const text = response.body;
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');

    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('houses-2026-12-03.csv');
    expect(lines[0]?.split(';')[1]).toBe('Адрес');
    expect(lines).toHaveLength(3);
    expect(text).toContain(`"'=HYPERLINK(""x"");1"`);
  });

  it('exports XLSX that opens with the same rows', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const response = await get('/api/cleaning/houses/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Дома');

    expect(sheet?.rowCount).toBe(4);
    expect(sheet?.getRow(1).getCell(2).value).toBe('Адрес');
  });
});
