import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeStore } from '../support/test-store.js';
import {
  asAdmin,
  type HouseEditFixture,
  startHouseEditFixture,
} from './support/house-edit-fixture.js';

interface EditForm {
  houseId: string;
  version: string | null;
  counts: Record<string, number | null>;
  brigadeId: string | null;
  brigades: { id: string; name: string }[];
  months: { month: string; slots: { slot: number; dates: string[]; types: string[] }[] }[];
  pendingEdit: boolean;
}

const APARTMENTS = 'UF_CRM_1669704529022';
const FLOORS = 'UF_CRM_1669704631166';

describeStore('house edit written back to the deal', () => {
  let fixture: HouseEditFixture;

  beforeAll(async () => {
    fixture = await startHouseEditFixture();
  });
  afterAll(async () => fixture.close());

  const form = (id: number) => fixture.editForm<EditForm>(id);
  const edit = (id: number, body: object) => fixture.edit(id, body);
  const nextHouse = () => fixture.nextHouse();

  it('writes counts, brigade and a month into the deal, then the store and reads', async () => {
    const id = await nextHouse();
    const start = await form(id);
    const detailBefore = await fixture.app.inject({
      url: `/api/cleaning/houses/${id}`,
      headers: asAdmin,
    });
    expect(detailBefore.statusCode).toBe(200);

    const month = start.months.find((entry) => entry.slots.some((slot) => slot.types.length > 0));
    if (!month) throw new Error('The demo house has no month with a type list');
    const target = start.brigades.find((brigade) => brigade.id !== start.brigadeId);
    if (!target) throw new Error('The demo portal has one brigade only');
    const dates = [`${month.month}-03`, `${month.month}-17`];

    const answer = await edit(id, {
      baseVersion: start.version,
      apartments: 123,
      area: 4321.5,
      brigadeId: target.id,
      schedule: {
        month: month.month,
        slots: [{ slot: 1, dates, cleaningType: 'sweeping' }],
      },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: 'written' });

    const deal = fixture.deal(id);
    expect(deal[APARTMENTS]).toBe('123');
    const after = await form(id);
    expect(after.counts).toMatchObject({ apartments: 123, area: 4321.5 });
    expect(after.brigadeId).toBe(target.id);
    expect(after.version).not.toBe(start.version);
    const slot = after.months.find((entry) => entry.month === month.month)?.slots[0];
    expect(slot).toMatchObject({ slot: 1, dates, cleaningType: 'sweeping' });

    const cleanings = await fixture.store.db
      .selectFrom('cleanings')
      .select(['date', 'cleaningType'])
      .where('houseId', '=', id)
      .where('month', '=', month.month)
      .where('slot', '=', 1)
      .orderBy('date')
      .execute();
    expect(cleanings).toEqual(dates.map((date) => ({ date, cleaningType: 'sweeping' })));

    // The house card was cached before the edit; it shows the change now.
    const detail = await fixture.app.inject({
      url: `/api/cleaning/houses/${id}`,
      headers: asAdmin,
    });
    expect(detail.json()).toMatchObject({ apartments: 123, brigade: { id: target.id } });
    const list = await fixture.app.inject({
      url: `/api/cleaning/houses?brigadeId=${target.id}&limit=500`,
      headers: asAdmin,
    });
    const listed = list.json().items.find((item: { id: string }) => item.id === String(id));
    expect(listed).toMatchObject({ apartments: 123, brigade: { id: target.id } });
  });

  it('answers 409 with what changed in the portal and overwrites nothing', async () => {
    const id = await nextHouse();
    const start = await form(id);
    await fixture.control('PATCH', `/deals/${id}`, { fields: { [APARTMENTS]: '77' } });

    const answer = await edit(id, { baseVersion: start.version, apartments: 120 });
    expect(answer.statusCode).toBe(409);
    const conflict = answer.json();
    expect(conflict).toMatchObject({
      error: 'house_edit_conflict',
      conflicts: [{ part: 'apartments', field: APARTMENTS, theirs: 77, ours: 120 }],
    });
    expect(fixture.deal(id)[APARTMENTS]).toBe('77');
    // The store now holds the portal's value: "reload" shows theirs.
    expect((await form(id)).counts.apartments).toBe(77);

    const overwrite = await edit(id, { baseVersion: conflict.currentVersion, apartments: 120 });
    expect(overwrite.statusCode, overwrite.body).toBe(200);
    expect(fixture.deal(id)[APARTMENTS]).toBe('120');
  });

  it('keeps a portal change of another field and writes the edit', async () => {
    const id = await nextHouse();
    const start = await form(id);
    await fixture.control('PATCH', `/deals/${id}`, { fields: { [FLOORS]: '25' } });

    const answer = await edit(id, { baseVersion: start.version, apartments: 99 });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(fixture.deal(id)).toMatchObject({ [APARTMENTS]: '99', [FLOORS]: '25' });
  });

  it('refuses a form older than the store when the portal moved on', async () => {
    const id = await nextHouse();
    const start = await form(id);
    await fixture.control('PATCH', `/deals/${id}`, { fields: { [APARTMENTS]: '55' } });
    await fixture.sync('full');

    const answer = await edit(id, { baseVersion: start.version, apartments: 66 });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().conflicts).toEqual([
      expect.objectContaining({ part: 'apartments', theirs: 55, ours: 66 }),
    ]);
    expect(fixture.deal(id)[APARTMENTS]).toBe('55');
  });
});
