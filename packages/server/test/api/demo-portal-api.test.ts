import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeStore } from '../support/test-store.js';
import { asAdmin } from './support/api-fixture.js';
import { createDemoApiFixture, type DemoApiFixture } from './support/demo-portal-fixture.js';

interface HouseItem {
  id: string;
  address: string | null;
  brigade: { id: string } | null;
  managementCompany: { id: string } | null;
  problems: string[];
}

describeStore('the API over the demo portal synced by the real sync', () => {
  let fixture: DemoApiFixture;
  let requestsAfterSync = 0;

  beforeAll(async () => {
    fixture = await createDemoApiFixture();
    requestsAfterSync = fixture.portalRequests();
  }, 120_000);
  afterAll(() => fixture?.close());

  const get = async (url: string) => {
    const response = await fixture.app.inject({ url, headers: asAdmin });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    const json = response.headers['content-type']?.toString().startsWith('application/json');
    return json ? response.json() : response.body;
  };

  it('answers the guide’s first check with the 490 houses', async () => {
    const body = await get('/api/cleaning/houses');

    expect(body.total).toBe(490);
    expect(body.items).toHaveLength(50);
  });

  it('answers the guide’s second check with the 82 employees', async () => {
    const body = await get('/api/dashboard/employees');

    expect(body.total).toBe(82);
    expect((await get('/api/dashboard/statistics')).employees).toBe(82);
    expect(new Set(body.items.map((e: { brigade: { id: string } }) => e.brigade.id)).size).toBe(6);
  });

  it('signs the demo portal’s administrator in with one click', async () => {
    const response = await fixture.app.inject({ method: 'POST', url: '/api/auth/demo' });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user).toMatchObject({ id: '1', role: 'admin' });
    expect(String(response.headers['set-cookie'])).toContain('audiobot_session=');
  });

  it('finds a house by part of its address whatever the case and ё/е', async () => {
    const all = await get('/api/cleaning/houses?limit=500');
    const house = all.items.find((item: HouseItem) => item.address && /\d/.test(item.address));
    const street = (house.address as string).split(',')[0] as string;
    const query = street.toUpperCase().replaceAll('Е', 'Ё');

    const found = await get(`/api/cleaning/houses?limit=500&q=${encodeURIComponent(query)}`);

    expect(found.total).toBeGreaterThan(0);
    expect(found.items.map((item: HouseItem) => item.id)).toContain(house.id);
  });

  it('narrows by each filter and counts what it shows', async () => {
    const all = await get('/api/cleaning/houses?limit=500');
    const brigadeId = all.items.find((item: HouseItem) => item.brigade)?.brigade.id;
    const companyId = all.items.find((item: HouseItem) => item.managementCompany)?.managementCompany
      .id;

    for (const query of [
      `brigadeId=${brigadeId}`,
      `managementCompanyId=${companyId}`,
      'cleaningType=sweeping',
      'problem=no_senior_resident',
    ]) {
      const body = await get(`/api/cleaning/houses?limit=500&${query}`);
      expect(body.total, query).toBeGreaterThan(0);
      expect(body.total, query).toBeLessThan(490);
      expect(body.items, query).toHaveLength(body.total);
    }
  });

  it('serves every read endpoint without one request to the portal', async () => {
    const houses = await get('/api/cleaning/houses?limit=1');
    const id = houses.items[0].id;
    const before = fixture.portalRequests();

    for (const url of [
      '/api/cleaning/houses?sort=nextCleaning',
      `/api/cleaning/houses/${id}`,
      '/api/cleaning/houses/export?format=csv',
      '/api/cleaning/filters',
      '/api/cleaning/schedule',
      '/api/cleaning/map',
      '/api/dashboard/employees',
      '/api/dashboard/departments',
      '/api/dashboard/statistics',
      '/api/dashboard/workload',
      '/api/connection/mapping',
      '/api/sync/runs',
      '/api/health',
    ]) {
      await get(url);
    }

    expect(requestsAfterSync).toBeGreaterThan(0);
    expect(fixture.portalRequests()).toBe(before);
  });

  it('shows a house card with its schedule, and no portal link in the demo', async () => {
    const houses = await get('/api/cleaning/houses?limit=1&problem=no_schedule_this_month');
    const list = await get('/api/cleaning/houses?limit=1&sort=nextCleaning');
    const detail = await get(`/api/cleaning/houses/${list.items[0].id}`);

    expect(houses.total).toBeLessThan(490);
    expect(detail.schedule.length).toBeGreaterThan(0);
    expect(detail.schedule[0].cleanings[0]).toMatchObject({ slot: expect.any(Number) });
    expect(detail.bitrixUrl).toBeNull();
    expect(detail.fields.length).toBeGreaterThan(3);
  });

  it('reports brigades, statistics and the field mapping from the store', async () => {
    const departments = await get('/api/dashboard/departments');
    const statistics = await get('/api/dashboard/statistics');
    const mapping = await get('/api/connection/mapping');

    expect(departments.items).toHaveLength(6);
    expect(departments.items.every((d: { leader: unknown }) => d.leader)).toBe(true);
    expect(statistics).toMatchObject({ houses: 490, employees: expect.any(Number), brigades: 6 });
    expect(mapping.pipeline).toMatchObject({ id: '34' });
    expect(mapping.months.length).toBeGreaterThan(2);
  });
});
