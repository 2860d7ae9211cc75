import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeStore } from '../support/test-store.js';
import { type HouseEditFixture, startHouseEditFixture } from './support/house-edit-fixture.js';

// A form older than the store (a sync brought a newer deal meanwhile): with the values the
// form showed (`startingValues`), only a part the portal really changed is asked about;
// without them, every written part that differs is, as before.

const APARTMENTS = 'UF_CRM_1669704529022';
const FLOORS = 'UF_CRM_1669704631166';

interface EditForm {
  version: string | null;
  counts: Record<string, number | null>;
  brigadeId: string | null;
  brigades: { id: string; name: string }[];
  generalCleaning: { date: string | null };
}

describeStore('house edit: a form older than the store', () => {
  let fixture: HouseEditFixture;
  let dateField: string;

  beforeAll(async () => {
    fixture = await startHouseEditFixture();
    dateField = await fixture.mappedField('generalCleaningDate');
  });
  afterAll(async () => fixture.close());

  const form = (id: number) => fixture.editForm<EditForm>(id);
  const edit = (id: number, body: object) => fixture.edit(id, body);
  /** A form loaded, then the portal changed as given and a sync stored the newer deal. */
  const staleForm = async (fields: Record<string, unknown>) => {
    const id = await fixture.nextHouse();
    const start = await form(id);
    await fixture.control('PATCH', `/deals/${id}`, { fields });
    await fixture.sync('full');
    expect((await form(id)).version).not.toBe(start.version);
    return { id, start };
  };

  it('writes a part the portal did not change, keeping the part it did', async () => {
    const { id, start } = await staleForm({ [FLOORS]: '31' });

    const answer = await edit(id, {
      baseVersion: start.version,
      apartments: 205,
      startingValues: { apartments: start.counts.apartments },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(fixture.deal(id)).toMatchObject({ [APARTMENTS]: '205', [FLOORS]: '31' });
  });

  it('still asks about every differing part when the form sends no starting values', async () => {
    const { id, start } = await staleForm({ [FLOORS]: '32' });

    const answer = await edit(id, { baseVersion: start.version, apartments: 206 });
    expect(answer.statusCode, answer.body).toBe(409);
    expect(answer.json().conflicts).toEqual([expect.objectContaining({ part: 'apartments' })]);
    expect(fixture.deal(id)[APARTMENTS]).not.toBe('206');
  });

  it('asks about a part the portal changed away from what the form showed', async () => {
    const { id, start } = await staleForm({ [APARTMENTS]: '55' });

    const answer = await edit(id, {
      baseVersion: start.version,
      apartments: 66,
      startingValues: { apartments: start.counts.apartments },
    });
    expect(answer.statusCode, answer.body).toBe(409);
    expect(answer.json().conflicts).toEqual([
      expect.objectContaining({ part: 'apartments', theirs: 55, ours: 66 }),
    ]);
    expect(fixture.deal(id)[APARTMENTS]).toBe('55');
  });

  it('compares a brigade and the general cleaning by what the form showed', async () => {
    const { id, start } = await staleForm({ [FLOORS]: '33' });
    const target = start.brigades.find((brigade) => brigade.id !== start.brigadeId);
    if (!target) throw new Error('The demo portal has one brigade only');

    const answer = await edit(id, {
      baseVersion: start.version,
      brigadeId: target.id,
      generalCleaning: { date: '2026-11-11' },
      startingValues: {
        brigadeId: start.brigadeId,
        generalCleaning: { date: start.generalCleaning.date },
      },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(fixture.deal(id)).toMatchObject({ [dateField]: '2026-11-11', [FLOORS]: '33' });
    expect((await form(id)).brigadeId).toBe(target.id);
  });
});
