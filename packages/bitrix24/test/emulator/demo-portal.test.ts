import { type RunningEmulator, startEmulator } from '@audiobot/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookClient } from '../support/emulator-harness.js';

/** The demo portal of the generator, as `npm start` serves it: the client's floor on it. */
describe('the demo portal', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ houses: 490, seed: 1 });
  });
  afterAll(() => emulator.stop());

  it('gives its 490 houses in one request with the cursor', async () => {
    const client = webhookClient(emulator);
    const houses = await client.listAll(
      'crm.deal.list',
      { filter: { CATEGORY_ID: 34 }, select: ['ID', 'TITLE', 'UF_*'] },
      { mode: 'cursor', withTotal: true },
    );

    expect(new Set(houses.map((house) => house.ID)).size).toBe(490);
    expect(client.getStats().requests).toBe(1);
  });

  it('gives staff, brigades, pipelines, fields, companies, contacts in 2 requests', async () => {
    const client = webhookClient(emulator);
    const lists = await client.listMany({
      users: { method: 'user.get', params: {} },
      departments: { method: 'department.get', params: {} },
      pipelines: {
        method: 'crm.category.list',
        params: { entityTypeId: 2 },
        itemsKey: 'categories',
      },
      fields: { method: 'crm.deal.userfield.list', params: { filter: { LANG: 'ru' } } },
      companies: { method: 'crm.company.list', params: { select: ['ID', 'TITLE'] } },
      contacts: { method: 'crm.contact.list', params: { select: ['ID', 'NAME'] } },
    });

    const portalUsers = await webhookClient(emulator).call('user.get');
    expect(portalUsers.total).toBeGreaterThan(50);
    expect(lists.users).toHaveLength(portalUsers.total ?? 0);
    expect(lists.pipelines.map((pipeline) => pipeline.id)).toContain(34);
    expect(lists.fields.length).toBeGreaterThan(50);
    expect(lists.companies.length).toBeGreaterThan(30);
    expect(client.getStats().requests).toBe(2);
  });
});
