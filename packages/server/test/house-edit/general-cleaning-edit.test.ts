import { afterAll, beforeAll, expect, it } from 'vitest';

import { losingFirstAnswer } from '../outbox/support/outbox-harness.js';
import { describeStore } from '../support/test-store.js';
import {
  asAdmin,
  type HouseEditFixture,
  startHouseEditFixture,
} from './support/house-edit-fixture.js';
import { racing } from './support/racing-portal.js';

// The general cleaning (its own date field and item list) edited like the rest of a house:
// written into the fields discovery placed, read back from the emulator's deal, stored as
// the house and its cleanings, and refused or asked about like any other part.

interface GeneralCleaningForm {
  date: string | null;
  items: string[];
  choices: { id: string; name: string }[];
}

describeStore('house edit: the general cleaning', () => {
  let fixture: HouseEditFixture;
  let dateField: string;
  let itemsField: string;

  beforeAll(async () => {
    fixture = await startHouseEditFixture();
    dateField = await fixture.mappedField('generalCleaningDate');
    itemsField = await fixture.mappedField('generalCleaning');
  });
  afterAll(async () => fixture.close());

  const form = (id: number) =>
    fixture.editForm<{ version: string | null; generalCleaning: GeneralCleaningForm }>(id);
  const edit = (id: number, body: object) => fixture.edit(id, body);
  const nextHouse = () => fixture.nextHouse();
  const stored = async (id: number) => ({
    house: await fixture.store.db
      .selectFrom('houses')
      .select(['generalCleaningDate', 'generalCleaningText'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
    cleanings: await fixture.store.db
      .selectFrom('cleanings')
      .select(['date', 'cleaningType', 'sourceField'])
      .where('houseId', '=', id)
      .where('slot', '=', 0)
      .execute(),
  });

  it('writes the date and items into the deal, the house and its cleanings', async () => {
    const id = await nextHouse();
    const start = await form(id);
    expect(start.generalCleaning.choices.length).toBe(4);
    const [first, , third] = start.generalCleaning.choices;

    const answer = await edit(id, {
      baseVersion: start.version,
      generalCleaning: { date: '2026-07-14', items: [third?.id, first?.id] },
    });
    expect(answer.statusCode, answer.body).toBe(200);

    const deal = fixture.deal(id);
    expect(deal[dateField]).toBe('2026-07-14');
    expect(deal[itemsField]).toEqual([first?.id, third?.id].sort((a, b) => Number(a) - Number(b)));
    expect((await form(id)).generalCleaning).toMatchObject({
      date: '2026-07-14',
      items: [first?.id, third?.id],
    });
    const { house, cleanings } = await stored(id);
    expect(house).toEqual({
      generalCleaningDate: '2026-07-14',
      generalCleaningText: `${first?.name}; ${third?.name}`,
    });
    expect(cleanings).toEqual([
      { date: '2026-07-14', cleaningType: 'general', sourceField: dateField },
    ]);
    const detail = await fixture.app.inject({
      url: `/api/cleaning/houses/${id}`,
      headers: asAdmin,
    });
    expect(detail.json().generalCleaning).toEqual({
      date: '2026-07-14',
      typeText: `${first?.name}; ${third?.name}`,
    });
  });

  it('clears the date and the items', async () => {
    const id = await nextHouse();
    const start = await form(id);
    const items = [start.generalCleaning.choices[1]?.id];
    await edit(id, { baseVersion: start.version, generalCleaning: { date: '2026-05-05', items } });
    const written = await form(id);
    expect(written.generalCleaning).toMatchObject({ date: '2026-05-05', items });

    const answer = await edit(id, {
      baseVersion: written.version,
      generalCleaning: { date: null, items: [] },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(fixture.deal(id)).toMatchObject({ [dateField]: '', [itemsField]: '' });
    expect((await form(id)).generalCleaning).toMatchObject({ date: null, items: [] });
    expect(await stored(id)).toEqual({
      house: { generalCleaningDate: null, generalCleaningText: null },
      cleanings: [],
    });
  });

  it('refuses a date that is not one, and an item not on the list, with 400 JSON', async () => {
    const id = await nextHouse();
    const start = await form(id);
    const before = fixture.deal(id);
    const updates = fixture.dealUpdates();
    const refused = async (generalCleaning: object, field: string) => {
      const answer = await edit(id, { baseVersion: start.version, generalCleaning });
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.json()).toMatchObject({ error: 'validation_failed' });
      expect(answer.json().message).toContain(field);
    };

    await refused({ date: '2026-02-30' }, '2026-02-30');
    await refused({ date: '14.07.2026' }, 'date');
    await refused({ date: '2026-07-14', items: ['999999'] }, '999999');
    await refused({}, 'nothing');
    expect(fixture.deal(id)).toEqual(before);
    expect(fixture.dealUpdates()).toBe(updates);
  });

  it('answers 409 when the portal changed the date, and overwrites when told', async () => {
    const id = await nextHouse();
    const start = await form(id);
    await fixture.control('PATCH', `/deals/${id}`, { fields: { [dateField]: '2026-08-01' } });

    const answer = await edit(id, {
      baseVersion: start.version,
      generalCleaning: { date: '2026-08-20' },
    });
    expect(answer.statusCode, answer.body).toBe(409);
    expect(answer.json().conflicts).toEqual([
      expect.objectContaining({
        part: 'generalCleaning.date',
        field: dateField,
        theirs: '2026-08-01',
        ours: '2026-08-20',
      }),
    ]);
    expect(fixture.deal(id)[dateField]).toBe('2026-08-01');
    expect((await stored(id)).house.generalCleaningDate).toBe('2026-08-01');

    const again = await edit(id, {
      baseVersion: answer.json().currentVersion,
      generalCleaning: { date: '2026-08-20' },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(fixture.deal(id)[dateField]).toBe('2026-08-20');
  });

  it('changes the items alone, keeping a date changed in the portal meanwhile', async () => {
    const id = await nextHouse();
    const start = await form(id);
    const items = [start.generalCleaning.choices[3]?.id];
    await fixture.control('PATCH', `/deals/${id}`, { fields: { [dateField]: '2026-10-02' } });

    const answer = await edit(id, { baseVersion: start.version, generalCleaning: { items } });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(fixture.deal(id)).toMatchObject({ [dateField]: '2026-10-02', [itemsField]: items });
    expect((await form(id)).generalCleaning).toMatchObject({ date: '2026-10-02', items });
  });

  it('catches a portal change of the items made while the write waited', async () => {
    const id = await nextHouse();
    const start = await form(id);
    const [first, second] = start.generalCleaning.choices;
    fixture.useWorkerPortal(
      racing(fixture.portal, 'crm.deal.get', async () => {
        await fixture.control('PATCH', `/deals/${id}`, { fields: { [itemsField]: [second?.id] } });
      }),
    );
    const updates = fixture.dealUpdates();

    const answer = await edit(id, {
      baseVersion: start.version,
      generalCleaning: { date: start.generalCleaning.date, items: [first?.id] },
    });
    fixture.useWorkerPortal(fixture.portal);
    expect(answer.statusCode, answer.body).toBe(409);
    expect(answer.json().conflicts).toEqual([
      expect.objectContaining({
        part: 'generalCleaning.items',
        theirs: [second?.id],
        ours: [first?.id],
      }),
    ]);
    expect(fixture.deal(id)[itemsField]).toEqual([second?.id]);
    expect(fixture.dealUpdates()).toBe(updates);
  });

  it('writes once when the answer to the update is lost', async () => {
    const id = await nextHouse();
    const start = await form(id);
    const items = start.generalCleaning.choices.slice(2).map((choice) => choice.id);
    fixture.useWorkerPortal(losingFirstAnswer(fixture.portal, 'crm.deal.update', 'lose'));
    const updates = fixture.dealUpdates();

    const answer = await edit(id, {
      baseVersion: start.version,
      generalCleaning: { date: '2026-09-09', items },
    });
    fixture.useWorkerPortal(fixture.portal);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(fixture.deal(id)).toMatchObject({ [dateField]: '2026-09-09', [itemsField]: items });
    expect(fixture.dealUpdates()).toBe(updates + 1);
    expect((await stored(id)).house.generalCleaningDate).toBe('2026-09-09');
  });
});
