import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeStore } from '../support/test-store.js';
import { type ApiFixture, asAdmin, createApiFixture, MEMBER_ID } from './support/api-fixture.js';
import {
  aCleaning,
  aHouse,
  insertBrigade,
  insertCleanings,
  insertCompany,
  insertHouses,
} from './support/house-factory.js';

describeStore('GET /api/cleaning/houses', () => {
  let fixture: ApiFixture;

  beforeAll(async () => {
    fixture = await createApiFixture();
    const db = fixture.store.db;
    await insertBrigade(db, 11, 'Бригада 1');
    await insertBrigade(db, 12, 'Бригада 2');
    await insertCompany(db, 501, 'УК Уютный дом');
    await insertHouses(db, [
      aHouse({
        id: 1,
        address: 'Аллейная улица, 6, Калуга',
        brigadeId: 11,
        managementCompanyId: 501,
      }),
      aHouse({ id: 2, address: 'Улица Королёва, 12, Калуга', brigadeId: 11, apartments: 120 }),
      aHouse({ id: 3, address: 'Московская улица, 3, Калуга', brigadeId: 12, apartments: 30 }),
      aHouse({ id: 4, address: null, problems: '["no_address","no_brigade"]' }),
      aHouse({ id: 5, address: 'Удалённая улица, 1', deletedAt: '2026-11-01T00:00:00.000Z' }),
    ]);
    await insertCleanings(db, [
      aCleaning(1, '2026-12-09'),
      aCleaning(2, '2026-12-09', { cleaningType: 'sweeping' }),
      aCleaning(3, '2026-12-15', { cleaningType: 'general', slot: 0 }),
      aCleaning(3, '2026-12-15', { cleaningType: 'first_floor', slot: 1 }),
      aCleaning(3, '2026-11-15'),
    ]);
  });
  afterAll(() => fixture.close());

  const list = async (query: string) => {
    const response = await fixture.app.inject({
      url: `/api/cleaning/houses${query}`,
      headers: asAdmin,
    });
    return { status: response.statusCode, body: response.json() };
  };

  it('lists every house not deleted, with total and page', async () => {
    const { status, body } = await list('');

    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 4, page: 1, limit: 50 });
    expect(body.items.map((house: { id: string }) => house.id)).toEqual(['1', '4', '3', '2']);
  });

  it('presents a house with its brigade, УК and next cleaning', async () => {
    const { body } = await list('?q=аллейная');

    expect(body.items).toEqual([
      expect.objectContaining({
        id: '1',
        address: 'Аллейная улица, 6, Калуга',
        brigade: { id: '11', name: 'Бригада 1' },
        managementCompany: { id: '501', name: 'УК Уютный дом' },
        nextCleaning: { date: '2026-12-09', type: 'full_wet' },
        periodicity: '4 раза',
        problems: [],
      }),
    ]);
  });

  it('takes the next cleaning from today: the earliest day, its lowest slot first', async () => {
    const { body } = await list('?brigadeId=12');
    expect(body.items[0].nextCleaning).toEqual({ date: '2026-12-15', type: 'general' });

    const { body: noPlan } = await list('?problem=no_address');
    expect(noPlan.items.map((house: { nextCleaning: unknown }) => house.nextCleaning)).toEqual([
      null,
    ]);
  });

  it.each([
    ['КОРОЛЕВА', '2'],
    ['королёва 12', '2'],
    ['аллейная 6', '1'],
    ['ул. Московская', '3'],
  ])('finds %s by any part of the address, whatever the case and ё/е', async (q, id) => {
    const { body } = await list(`?q=${encodeURIComponent(q)}`);

    expect(body.items.map((house: { id: string }) => house.id)).toEqual([id]);
    expect(body.total).toBe(1);
  });

  it.each([
    ['?brigadeId=11', ['1', '2']],
    ['?managementCompanyId=501', ['1']],
    ['?date=2026-12-09', ['1', '2']],
    ['?from=2026-12-10&to=2026-12-31', ['3']],
    ['?cleaningType=sweeping', ['2']],
    ['?cleaningType=full_wet&from=2026-11-01&to=2026-11-30', ['3']],
    ['?problem=no_address', ['4']],
    ['?brigadeId=11&date=2026-12-09&cleaningType=full_wet', ['1']],
  ])('filters %s and counts what it shows', async (query, ids) => {
    const { body } = await list(query);

    expect(body.items.map((house: { id: string }) => house.id).sort()).toEqual(ids);
    expect(body.total).toBe(ids.length);
  });

  it('sorts by apartments descending and by next cleaning', async () => {
    const byApartments = await list('?sort=apartments&order=desc&brigadeId=11');
    const byNext = await list('?sort=nextCleaning');

    expect(byApartments.body.items.map((house: { id: string }) => house.id)).toEqual(['2', '1']);
    expect(byNext.body.items.map((house: { id: string }) => house.id)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('paginates in the database and keeps the total', async () => {
    const { body } = await list('?limit=2&page=2');

    expect(body).toMatchObject({ total: 4, page: 2, limit: 2 });
    expect(body.items.map((house: { id: string }) => house.id)).toEqual(['3', '2']);
  });

  it('shows a house card with a token-free link to the deal on a real portal', async () => {
    const real = await createApiFixture({
      store: fixture.store,
      portal: { memberId: MEMBER_ID, domain: 'vas-dom.bitrix24.ru', demo: false },
    });
    const response = await real.app.inject({ url: '/api/cleaning/houses/1', headers: asAdmin });
    await real.app.close();

    expect(response.json()).toMatchObject({
      id: '1',
      brigade: { id: '11', name: 'Бригада 1' },
      managementCompany: { id: '501', name: 'УК Уютный дом', phones: ['+7 4842 000000'] },
      schedule: [{ month: '2026-12', periodicity: '1 раз', cleanings: [{ date: '2026-12-09' }] }],
      bitrixUrl: 'https://vas-dom.bitrix24.ru/crm/deal/details/1/',
    });
  });

  it.each([
    ['?limit=501', 'limit'],
    ['?page=0', 'page'],
    ['?cleaningType=mopping', 'cleaningType'],
    ['?date=09.12.2026', 'date'],
    ['?sort=price', 'sort'],
    ['?brigadeId=abc', 'brigadeId'],
    ['?from=2026-12-10&to=2026-12-01', 'to'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await list(query);

    expect(status).toBe(400);
    expect(body.error).toBe('validation_failed');
    expect(body.field).toBe(field);
    expect(body.message).toContain(field);
  });
});
