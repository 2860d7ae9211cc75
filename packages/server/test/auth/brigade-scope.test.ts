import { afterAll, beforeAll, expect, it } from 'vitest';

import { userOfEmployee } from '../../src/auth/employee-user.js';
import { createSession } from '../../src/auth/session-store.js';
import {
  type ApiFixture,
  asAdmin,
  createApiFixture,
  MEMBER_ID,
  TODAY,
} from '../api/support/api-fixture.js';
import {
  aCleaning,
  aHouse,
  insertBrigade,
  insertCleanings,
  insertCompany,
  insertEmployee,
  insertHouses,
} from '../api/support/house-factory.js';
import { describeStore } from '../support/test-store.js';

/** Words that appear only in the other brigade's rows and in houses of no brigade. */
const FOREIGN = ['Чужая', 'Чужой', 'Ничейная'];

interface RouteEntry {
  method: string;
  url: string;
}

/**
 * A brigade leader (or member) sees only their brigade: every GET route of the route
 * table is called as them and no answer names another brigade's house, staff, УК or the
 * brigade itself; office users and admins see everything.
 */
describeStore('brigade scoping', () => {
  let fixture: ApiFixture;
  const routes: RouteEntry[] = [];
  const sessions = new Map<number, string>();

  beforeAll(async () => {
    fixture = await createApiFixture({
      onRoute: (route) => {
        for (const method of [route.method].flat()) routes.push({ method, url: route.url });
      },
    });
    await seedTwoBrigades(fixture);
    for (const id of [1, 100, 101, 300]) sessions.set(id, await sessionOf(fixture, id));
  });
  afterAll(() => fixture.close());

  const as = (employeeId: number) => ({
    cookie: `audiobot_session=${sessions.get(employeeId)}`,
  });
  const get = (url: string, headers: Record<string, string>) =>
    fixture.app.inject({ url, headers });

  /** Every GET of the API a signed-in user may call, with `:id` as the leader's house. */
  const readRoutes = () =>
    routes
      .filter((route) => route.method === 'GET' && route.url.startsWith('/api/'))
      .filter((route) => !route.url.startsWith('/api/docs') && route.url !== '/api/health')
      .map((route) => route.url.replace(/:id\b/g, '1').replace(/:[a-zA-Z]+/g, '1'));

  it('answers the leader and the member from their brigade only, on every read route', async () => {
    const answered: string[] = [];
    for (const employeeId of [100, 101]) {
      for (const url of readRoutes()) {
        const response = await get(url, as(employeeId));
        if (response.statusCode !== 200) continue;
        answered.push(url);
        for (const word of FOREIGN) {
          expect(response.body.includes(word), `${word} in ${url} for ${employeeId}`).toBe(false);
        }
      }
    }

    expect(answered).toEqual(
      expect.arrayContaining([
        '/api/cleaning/houses',
        '/api/cleaning/houses/export',
        '/api/cleaning/houses/1',
        '/api/cleaning/filters',
        '/api/cleaning/schedule',
        '/api/cleaning/map',
        '/api/dashboard/employees',
        '/api/dashboard/departments',
        '/api/dashboard/statistics',
        '/api/dashboard/workload',
      ]),
    );
  });

  it('counts only the brigade’s houses, staff and cleanings', async () => {
    const houses = (await get('/api/cleaning/houses', as(100))).json();
    const statistics = (await get('/api/dashboard/statistics', as(100))).json();
    const staff = (await get('/api/dashboard/employees?scope=all', as(101))).json();
    const departments = (await get('/api/dashboard/departments', as(100))).json();
    const filters = (await get('/api/cleaning/filters', as(100))).json();
    const workload = (await get('/api/dashboard/workload', as(100))).json();

    expect(houses.total).toBe(2);
    expect(houses.items.map((house: { id: string }) => house.id).sort()).toEqual(['1', '2']);
    expect(statistics).toMatchObject({ houses: 2, brigades: 1, employees: 2, apartments: 100 });
    expect(statistics.cleaningsByType).toContainEqual({ type: 'full_wet', count: 1 });
    expect(statistics.today.byBrigade).toEqual([
      { brigadeId: '11', name: 'Бригада Своя', cleanings: 1 },
    ]);
    expect(staff.items.map((employee: { id: string }) => employee.id)).toEqual(['100', '101']);
    expect(departments.items.map((brigade: { id: string }) => brigade.id)).toEqual(['11']);
    expect(filters.brigades).toEqual([{ id: '11', name: 'Бригада Своя' }]);
    expect(filters.managementCompanies).toEqual([{ id: '8', name: 'УК Своя', houses: 1 }]);
    expect(workload.totals.map((total: { brigadeId: string }) => total.brigadeId)).toEqual(['11']);
  });

  it('hides another brigade’s house as if it did not exist', async () => {
    for (const id of ['3', '4']) {
      const response = await get(`/api/cleaning/houses/${id}`, as(100));
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'house_not_found' });
    }
    expect((await get('/api/cleaning/houses/1', as(101))).statusCode).toBe(200);
  });

  it('refuses a filter for another brigade instead of widening the scope', async () => {
    const urls = [
      '/api/cleaning/houses?brigadeId=12',
      '/api/cleaning/houses/export?brigadeId=12',
      '/api/cleaning/map?brigadeId=12',
      '/api/cleaning/schedule?brigadeId=12',
      '/api/dashboard/employees?brigadeId=12',
      '/api/dashboard/workload?brigadeId=12',
    ];
    for (const url of urls) {
      const response = await get(url, as(100));
      expect(response.statusCode, url).toBe(403);
      expect(response.json()).toMatchObject({ error: 'forbidden' });
    }
    expect((await get('/api/cleaning/houses?brigadeId=11', as(100))).json().total).toBe(2);
  });

  it('shows office users and admins every brigade', async () => {
    for (const headers of [as(300), as(1), asAdmin]) {
      const houses = (await get('/api/cleaning/houses', headers)).json();
      const departments = (await get('/api/dashboard/departments', headers)).json();
      const statistics = (await get('/api/dashboard/statistics', headers)).json();
      const foreign = await get('/api/cleaning/houses/3', headers);

      expect(houses.total).toBe(4);
      expect(departments.items).toHaveLength(2);
      expect(statistics).toMatchObject({ houses: 4, brigades: 2 });
      expect(foreign.statusCode).toBe(200);
    }
  });

  it('never serves one viewer’s cached answer to another', async () => {
    const asLeader = await get('/api/dashboard/statistics', as(100));
    const asOffice = await get('/api/dashboard/statistics', as(300));
    const asLeaderAgain = await get('/api/dashboard/statistics', as(100));

    expect(asLeader.json().houses).toBe(2);
    expect(asOffice.json().houses).toBe(4);
    expect(asLeaderAgain.json().houses).toBe(2);
  });
});

async function seedTwoBrigades(fixture: ApiFixture): Promise<void> {
  const db = fixture.store.db;
  await insertBrigade(db, 11, 'Бригада Своя', 100);
  await insertBrigade(db, 12, 'Бригада Чужая', 200);
  await insertEmployee(db, 1, 'Администратор Портала', { isAdmin: 1, position: 'Директор' });
  await insertEmployee(db, 100, 'Бригадир Свой', { brigadeId: 11, isLeader: 1 });
  await insertEmployee(db, 101, 'Уборщица Своя', { brigadeId: 11 });
  await insertEmployee(db, 200, 'Бригадир Чужой', { brigadeId: 12, isLeader: 1 });
  await insertEmployee(db, 201, 'Уборщик Чужой', { brigadeId: 12 });
  await insertEmployee(db, 300, 'Офисный Менеджер', { position: 'Менеджер' });
  await insertCompany(db, 7, 'УК Чужая');
  await insertCompany(db, 8, 'УК Своя');
  await insertHouses(db, [
    aHouse({ id: 1, brigadeId: 11, apartments: 40, managementCompanyId: 8 }),
    aHouse({ id: 2, brigadeId: 11, apartments: 60 }),
    aHouse({ id: 3, brigadeId: 12, address: 'Чужая улица, 3', managementCompanyId: 7 }),
    aHouse({ id: 4, brigadeId: null, address: 'Ничейная улица, 4' }),
  ]);
  await insertCleanings(db, [
    aCleaning(1, TODAY),
    aCleaning(2, '2026-12-09', { cleaningType: 'sweeping' }),
    aCleaning(3, TODAY),
    aCleaning(4, TODAY),
  ]);
}

async function sessionOf(fixture: ApiFixture, employeeId: number): Promise<string> {
  const employee = await fixture.store.db
    .selectFrom('employees')
    .selectAll()
    .where('memberId', '=', MEMBER_ID)
    .where('id', '=', employeeId)
    .executeTakeFirstOrThrow();
  const session = await createSession(fixture.store.db, MEMBER_ID, userOfEmployee(employee));
  return session.token;
}
