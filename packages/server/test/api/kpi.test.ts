import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeStore } from '../support/test-store.js';
import { type ApiFixture, asAdmin, createApiFixture } from './support/api-fixture.js';
import {
  HOUSES,
  insertCompletions,
  seedControlMonth,
  sessionCookie,
} from './support/control-month.js';

const figures = (cleanings: number, entrances: number, floorCleanings: number) => ({
  cleanings,
  entrances,
  floorCleanings,
});

describeStore('KPI: plan against fact per brigade and month', () => {
  let fixture: ApiFixture;
  let leader: { cookie: string };

  beforeAll(async () => {
    fixture = await createApiFixture();
    await seedControlMonth(fixture.store.db);
    leader = await sessionCookie(fixture.store.db, {
      id: '200',
      name: 'Бригадир Второй',
      role: 'brigade_leader',
      brigadeId: '12',
    });
  });
  afterAll(() => fixture.close());

  const get = (url: string, headers: Record<string, string> = asAdmin) =>
    fixture.app.inject({ url, headers });

  it('sums cleanings, entrances and floor-cleanings planned, due and done', async () => {
    const response = await get('/api/kpi?month=2026-12');
    expect(response.statusCode).toBe(200);

    expect(response.json()).toEqual({
      month: '2026-12',
      brigades: [
        {
          brigadeId: null,
          name: 'Без бригады',
          plan: figures(1, 4, 20),
          planToDate: figures(0, 0, 0),
          fact: figures(0, 0, 0),
        },
        {
          brigadeId: '11',
          name: 'Бригада 1',
          // A: wet 2 × 5 = 10 and first floor 2; B: sweeping 9 and wet 9.
          plan: figures(4, 6, 30),
          planToDate: figures(3, 4, 28),
          fact: figures(2, 3, 19),
        },
        {
          brigadeId: '12',
          name: 'Бригада 2',
          plan: figures(2, 6, 24),
          planToDate: figures(2, 6, 24),
          fact: figures(2, 6, 24),
        },
      ],
      total: {
        plan: figures(7, 16, 74),
        planToDate: figures(5, 10, 52),
        fact: figures(4, 9, 43),
      },
    });
  });

  it('moves the fact when a cleaning is marked done', async () => {
    await insertCompletions(fixture.store.db, [[HOUSES.F, '2026-12-15', 'full_wet', 1, 'done']]);
    const body = (await get('/api/kpi?month=2026-12&brigadeId=11')).json();
    const all = (await get('/api/kpi?month=2026-12')).json();

    expect(body.brigades.map((brigade: { name: string }) => brigade.name)).toEqual(['Бригада 1']);
    expect(body.total.fact).toEqual(figures(2, 3, 19));
    expect(all.brigades[0].fact).toEqual(figures(1, 4, 20));
  });

  it('answers an empty month with zeros', async () => {
    const body = (await get('/api/kpi?month=2027-03')).json();

    expect(body).toEqual({
      month: '2027-03',
      brigades: [],
      total: { plan: figures(0, 0, 0), planToDate: figures(0, 0, 0), fact: figures(0, 0, 0) },
    });
  });

  it('shows a brigade leader their own brigade only', async () => {
    const own = (await get('/api/kpi?month=2026-12', leader)).json();
    const other = await get('/api/kpi?month=2026-12&brigadeId=11', leader);

    expect(own.brigades.map((brigade: { brigadeId: string }) => brigade.brigadeId)).toEqual(['12']);
    expect(own.total.plan).toEqual(figures(2, 6, 24));
    expect(other.statusCode).toBe(403);
  });

  it('rejects a malformed month and an anonymous caller', async () => {
    const wrong = await get('/api/kpi?month=12-2026');
    const anonymous = await fixture.app.inject({ url: '/api/kpi' });

    expect([wrong.statusCode, wrong.json().error]).toEqual([400, 'validation_failed']);
    expect(anonymous.statusCode).toBe(401);
  });
});
