import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  type ApplicationHarness,
  eventually,
  startApplicationHarness,
} from '../application/support/application-harness.js';
import { FIELDS, MONTH } from '../application/support/cleaning-portal.js';
import { describeStore } from '../support/test-store.js';

const ADDRESS_FIELD = FIELDS.address;
const APARTMENTS_FIELD = FIELDS.apartments;

describeStore('CRM events from the portal', () => {
  let harness: ApplicationHarness;
  let applicationToken: string;
  let memberId: string;

  beforeAll(async () => {
    harness = await startApplicationHarness({ realSync: true });
    const installed = await harness.install();
    applicationToken = String(installed.applicationToken);
    memberId = harness.emulator.memberId;
    await harness.queue.drain();
  });
  afterAll(async () => harness.close());

  const house = (id: number) =>
    harness.store.db
      .selectFrom('houses')
      .selectAll()
      .where('memberId', '=', memberId)
      .where('id', '=', id)
      .executeTakeFirst();

  const someHouseId = async () => {
    const row = await harness.store.db
      .selectFrom('houses')
      .select('id')
      .where('memberId', '=', memberId)
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };

  /** The houses list as the office sees it, at a new address each time: never cached. */
  let listings = 0;
  const listed = async (query: string) => {
    listings += 1;
    const response = await harness.app.inject({
      url: `/api/cleaning/houses?limit=${500 - listings}&${query}`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    return response.json().items as Record<string, unknown>[];
  };

  const postEvent = (fields: Record<string, string>) =>
    harness.app.inject({
      method: 'POST',
      url: '/api/bitrix24/events',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  it('updates the house within seconds of a deal change in the portal', async () => {
    const id = await someHouseId();
    const address = 'Проверочная улица, 7, Калуга, Калужская область, Россия, 248000|54.5;36.2|1';

    await harness.control('PATCH', `/deals/${id}`, {
      fields: { [ADDRESS_FIELD]: address, [APARTMENTS_FIELD]: '77' },
    });

    const updated = await eventually(async () => {
      const row = await house(id);
      return row?.apartments === 77 ? row : null;
    });
    expect(updated.address).toBe('Проверочная улица, 7, Калуга, Калужская область, Россия, 248000');
    expect(updated.lat).toBe(54.5);
    const [item] = await listed(`q=${encodeURIComponent('Проверочная')}`);
    expect(item).toMatchObject({ id: String(id), apartments: 77, lat: 54.5 });
    const deliveries = (await harness.control('GET', '/events')).items as { status: number }[];
    expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
  });

  it('rewrites the cleanings of the house from its new schedule', async () => {
    const id = await someHouseId();
    const dateField = FIELDS.dates;
    const month = MONTH;

    await harness.control('PATCH', `/deals/${id}`, {
      fields: { [dateField]: [`${month}-27T03:00:00+03:00`] },
    });

    await eventually(async () => {
      const cleanings = await harness.store.db
        .selectFrom('cleanings')
        .select(['date', 'sourceField'])
        .where('memberId', '=', memberId)
        .where('houseId', '=', id)
        .where('sourceField', '=', dateField)
        .execute();
      return cleanings.length === 1 && cleanings[0]?.date === `${month}-27`;
    });
  });

  it('marks the house deleted when the deal is deleted', async () => {
    const id = await someHouseId();
    await harness.control('DELETE', `/deals/${id}`);

    const deleted = await eventually(async () => {
      const row = await house(id);
      return row?.deletedAt ? row : null;
    });
    expect(deleted.deletedAt).not.toBeNull();
    const cleanings = await harness.store.db
      .selectFrom('cleanings')
      .select('houseId')
      .where('memberId', '=', memberId)
      .where('houseId', '=', id)
      .execute();
    expect(cleanings).toEqual([]);
  });

  it('answers 401 JSON to a forged event and changes nothing', async () => {
    const id = await someHouseId();
    const before = await house(id);

    const response = await postEvent({
      event: 'ONCRMDEALDELETE',
      'data[FIELDS][ID]': String(id),
      'auth[member_id]': memberId,
      'auth[application_token]': 'forged-application-token',
    });

    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json()).toEqual({
      error: 'unauthenticated',
      message: 'The application token does not match.',
    });
    await harness.queue.drain();
    expect((await house(id))?.deletedAt).toBe(before?.deletedAt);
  });

  it('answers 401 to an event without a token or for an unknown portal', async () => {
    const noToken = await postEvent({ event: 'ONCRMDEALUPDATE', 'data[FIELDS][ID]': '1' });
    const otherPortal = await postEvent({
      event: 'ONCRMDEALUPDATE',
      'data[FIELDS][ID]': '1',
      'auth[member_id]': 'ffffffffffffffffffffffffffffffff',
      'auth[application_token]': applicationToken,
    });

    expect(noToken.statusCode).toBe(401);
    expect(otherPortal.statusCode).toBe(401);
  });

  it('takes nothing from an event but the id: the deal is fetched again', async () => {
    const id = await someHouseId();
    const title = String(harness.emulator.portal.state.deals.get(id)?.TITLE);

    const response = await postEvent({
      event: 'ONCRMDEALUPDATE',
      'data[FIELDS][ID]': String(id),
      'data[FIELDS][TITLE]': 'Поддельный дом',
      'auth[member_id]': memberId,
      'auth[application_token]': applicationToken,
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ accepted: true, refresh: { kind: 'deal', id } });
    await harness.queue.drain();
    expect((await house(id))?.title).toBe(title.trim());
  });

  it('adds a house for a new deal of the houses pipeline', async () => {
    const created = await harness.control('POST', '/deals', {
      fields: {
        TITLE: 'Новый дом',
        CATEGORY_ID: '34',
        STAGE_ID: 'C34:NEW',
        [ADDRESS_FIELD]: 'Новая улица, 1, Калуга, Россия|54.6;36.3|2',
      },
    });
    const id = Number(created.id);

    const added = await eventually(() => house(id));
    expect(added).toMatchObject({ title: 'Новый дом', address: 'Новая улица, 1, Калуга, Россия' });
  });

  it('refreshes a УК changed in the portal, and the houses that name it', async () => {
    const company = await harness.store.db
      .selectFrom('managementCompanies')
      .innerJoin('houses', (join) =>
        join
          .onRef('houses.memberId', '=', 'managementCompanies.memberId')
          .onRef('houses.managementCompanyId', '=', 'managementCompanies.id'),
      )
      .select('managementCompanies.id')
      .where('managementCompanies.memberId', '=', memberId)
      .where('houses.deletedAt', 'is', null)
      .orderBy('managementCompanies.id')
      .executeTakeFirstOrThrow();

    const response = await fetch(`${harness.emulator.webhookUrl}crm.company.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: company.id, fields: { TITLE: 'УК «Проверка»' } }),
    });
    expect(response.status).toBe(200);

    await eventually(async () => {
      const row = await harness.store.db
        .selectFrom('managementCompanies')
        .select('name')
        .where('memberId', '=', memberId)
        .where('id', '=', company.id)
        .executeTakeFirst();
      return row?.name === 'УК «Проверка»';
    });
    const items = await listed(`managementCompanyId=${company.id}`);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.managementCompany).toEqual({ id: String(company.id), name: 'УК «Проверка»' });
    }
  });
  it('refreshes a senior resident changed in the portal', async () => {
    const response = await fetch(`${harness.emulator.webhookUrl}crm.contact.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 2, fields: { LAST_NAME: 'Сидорова' } }),
    });
    expect(response.status).toBe(200);

    await eventually(async () => {
      const row = await harness.store.db
        .selectFrom('seniorResidents')
        .select('name')
        .where('memberId', '=', memberId)
        .where('id', '=', 2)
        .executeTakeFirst();
      return row?.name.startsWith('Сидорова') ? row : null;
    });
  });

  it('adds a new portal user to the staff, in the brigade of their department', async () => {
    await harness.store.db
      .deleteFrom('employees')
      .where('memberId', '=', memberId)
      .where('id', 'in', [4, 6])
      .execute();

    for (const id of ['4', '6']) {
      const response = await postEvent({
        event: 'ONUSERADD',
        'data[ID]': id,
        'auth[member_id]': memberId,
        'auth[application_token]': applicationToken,
      });
      expect(response.json()).toMatchObject({ refresh: { kind: 'user', id: Number(id) } });
    }
    await harness.queue.drain();

    const rows = await harness.store.db
      .selectFrom('employees')
      .select(['id', 'brigadeId', 'isLeader'])
      .where('memberId', '=', memberId)
      .where('id', 'in', [4, 6])
      .orderBy('id')
      .execute();
    expect(
      rows.map((row) => [Number(row.id), row.brigadeId === null ? null : Number(row.brigadeId)]),
    ).toEqual([
      [4, 2],
      [6, null],
    ]);
  });
});
