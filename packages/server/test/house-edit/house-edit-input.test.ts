import { afterAll, beforeAll, expect, it } from 'vitest';

import { hashToken } from '../../src/store/index.js';
import { describeStore } from '../support/test-store.js';
import {
  asAdmin,
  firstHouse,
  type HouseEditFixture,
  startHouseEditFixture,
} from './support/house-edit-fixture.js';

/** Refused edits: each answers 4xx JSON, and the portal's deal and the outbox stay as they were. */
describeStore('house edit: bad input and access', () => {
  let fixture: HouseEditFixture;
  let houseId: number;
  let version: string | null;
  let month: string;
  let dealBefore: Record<string, unknown>;

  beforeAll(async () => {
    fixture = await startHouseEditFixture({ houses: 4 });
    ({ houseId, version } = await firstHouse(fixture));
    const form = await fixture.app.inject({
      url: `/api/cleaning/houses/${houseId}/edit`,
      headers: asAdmin,
    });
    month = form.json().months[0].month;
    dealBefore = fixture.deal(houseId);
  });
  afterAll(async () => {
    // Nothing refused reached the portal or the outbox.
    expect(fixture.deal(houseId)).toEqual(dealBefore);
    expect(await fixture.store.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    await fixture.close();
  });

  const edit = (body: object, headers: Record<string, string> = asAdmin, id = houseId) =>
    fixture.app.inject({
      method: 'PATCH',
      url: `/api/cleaning/houses/${id}`,
      headers,
      payload: { baseVersion: version, ...body },
    });
  // The table is built before the fixture: `month` is filled in when the test runs.
  const MONTH = 'MONTH';
  const slotOf = (overrides: object) => ({ slot: 1, dates: [], cleaningType: null, ...overrides });
  const slot = (overrides: object) => ({ schedule: { month: MONTH, slots: [slotOf(overrides)] } });
  const withMonth = (body: object) =>
    JSON.parse(JSON.stringify(body).replaceAll(MONTH, month)) as object;

  it.each([
    ['a negative count', { apartments: -1 }, 400, 'apartments'],
    ['a fractional count', { floors: 2.5 }, 400, 'floors'],
    ['a negative area', { area: -10 }, 400, 'area'],
    // Fastify drops unknown properties; what is left changes nothing.
    ['only an unknown field', { title: 'x' }, 400, undefined],
    ['an unknown cleaning type', slot({ cleaningType: 'polishing' }), 400, undefined],
    ['a date outside the month', slot({ dates: ['2020-01-05'] }), 400, 'schedule.slots.0.dates.0'],
    ['a date that does not exist', slot({ dates: ['2025-02-30'] }), 400, undefined],
    [
      'a month without fields',
      { schedule: { month: '2001-01', slots: [{ slot: 1, dates: [], cleaningType: null }] } },
      422,
      'schedule.slots.0',
    ],
    [
      'the same slot twice',
      {
        schedule: {
          month: MONTH,
          slots: [
            { slot: 1, dates: [], cleaningType: null },
            { slot: 1, dates: [], cleaningType: null },
          ],
        },
      },
      400,
      'schedule.slots.1',
    ],
    ['an unknown brigade', { brigadeId: '999999' }, 400, 'brigadeId'],
    ['an edit of nothing', {}, 400, undefined],
  ])('refuses %s', async (_name, body, status, field) => {
    const answer = await edit(withMonth(body));

    expect(answer.statusCode, answer.body).toBe(status);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(answer.json()).toMatchObject({
      error: status === 422 ? 'house_field_unmapped' : 'validation_failed',
      message: expect.any(String),
      ...(field ? { field } : {}),
    });
  });

  it('is in the OpenAPI document, with the conflict answer', async () => {
    const document = (await fixture.app.inject({ url: '/api/docs/json' })).json();
    const edit = document.paths['/api/cleaning/houses/{id}'].patch;

    expect(Object.keys(edit.responses)).toEqual(expect.arrayContaining(['200', '202', '409']));
    expect(JSON.stringify(edit.responses['409'])).toContain('conflicts');
    expect(document.paths['/api/cleaning/houses/{id}/edit'].get).toBeDefined();
  });

  it('answers 404 for a house that does not exist', async () => {
    const answer = await edit({ apartments: 1 }, asAdmin, 987654);
    expect(answer.statusCode).toBe(404);
    expect(answer.json().error).toBe('house_not_found');
  });

  it('lets only the office and admins edit', async () => {
    await fixture.store.db
      .insertInto('apiTokens')
      .values({
        memberId: fixture.emulator.memberId,
        name: 'leader',
        tokenHash: hashToken('leader-token-0123456789'),
        role: 'brigade_leader',
        userId: null,
        createdAt: new Date().toISOString(),
      })
      .execute();
    const leader = { authorization: 'Bearer leader-token-0123456789' };

    expect((await edit({ apartments: 1 }, leader)).statusCode).toBe(403);
    expect((await edit({ apartments: 1 }, {})).statusCode).toBe(401);
    const form = await fixture.app.inject({
      url: `/api/cleaning/houses/${houseId}/edit`,
      headers: leader,
    });
    expect(form.statusCode).toBe(403);
  });
});
