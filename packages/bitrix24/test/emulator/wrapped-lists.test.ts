import type { RunningEmulator } from '@audiobot/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BatchCommands } from '../../src/index.js';
import {
  control,
  housesFilter,
  startHousePortal,
  webhookClient,
} from '../support/emulator-harness.js';
import { housePortal } from '../support/house-portal.js';

describe('wrapped lists and time budgets inside a walk, against the emulator', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startHousePortal();
    const tasks: BatchCommands = {};
    for (let i = 0; i < 120; i += 1) {
      tasks[`t${i}`] = {
        method: 'tasks.task.add',
        params: { fields: { TITLE: `План бригады ${i}`, RESPONSIBLE_ID: 1, UF_CRM_TASK: ['D_1'] } },
      };
    }
    const added = await webhookClient(emulator).batchAll(tasks);
    expect(added.errors).toEqual({});
  });
  afterAll(() => emulator.stop());
  afterEach(() =>
    control(emulator, 'PUT', '/limits', {
      operatingLimitSeconds: 480,
      operatingWindowSeconds: 600,
      processingSeconds: { 'crm.deal.list': 0 },
      resetUsage: true,
    }),
  );

  it('tasks.task.list rows wrapped in {tasks}: cursor and offset get all 120', async () => {
    const client = webhookClient(emulator);
    const options = { itemsKey: 'tasks', idField: 'id' };
    const cursor = await client.listAll(
      'tasks.task.list',
      { select: ['TITLE'] },
      { ...options, mode: 'cursor', pagesPerRequest: 2 },
    );
    const offset = await client.listAll('tasks.task.list', { select: ['ID', 'TITLE'] }, options);

    expect(new Set(cursor.map((task) => task.id)).size).toBe(120);
    expect(new Set(offset.map((task) => task.id)).size).toBe(120);
    // Cursor: [50, 50], then [20]; offset: the first page, then one batch of two.
    expect(client.getStats().requests).toBe(4);
  });

  it('a method blocked mid-walk by its time budget is waited out, then resumed', async () => {
    await control(emulator, 'PUT', '/limits', {
      operatingLimitSeconds: 1,
      operatingWindowSeconds: 2,
      processingSeconds: { 'crm.deal.list': 0.5 },
      resetUsage: true,
    });
    const ids = housePortal()
      .deals.filter((deal) => deal.CATEGORY_ID === '34')
      .map((deal) => Number(deal.ID));
    const client = webhookClient(emulator);

    const rows = await client.listAll(
      'crm.deal.list',
      { filter: { ...housesFilter, '<=ID': ids[199] }, select: ['ID'] },
      { mode: 'cursor' },
    );

    expect(rows.map((row) => Number(row.ID))).toEqual(ids.slice(0, 200));
    // Three pages fit the budget; the fourth waits for the reset in a second request.
    expect(client.getStats().requests).toBe(2);
  });
});
