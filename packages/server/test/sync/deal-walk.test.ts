import { setTimeout as sleep } from 'node:timers/promises';
import { createBitrix24Client } from '@audiobot/bitrix24';
import { type RunningEmulator, startEmulator } from '@audiobot/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { batchSenderOf } from '../../src/portal/batch-sender.js';
import { CommandPump } from '../../src/sync/command-pump.js';
import { walkDeals } from '../../src/sync/deal-walk.js';

const HOUSES_PIPELINE = 34;

describe('the house deal walk on a portal larger than its buffer', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ houses: 6000 });
  }, 60_000);

  afterAll(() => emulator?.stop());

  it('keeps its batches full while a slow writer sets the pace', async () => {
    const client = createBitrix24Client({
      auth: { type: 'webhook', webhookUrl: emulator.webhookUrl },
    });
    const pump = new CommandPump(batchSenderOf(client), { concurrency: 3 });
    const seen = new Set<string>();
    // One page at a time, as the store writes them, slower than the portal answers.
    let writing = Promise.resolve();

    const total = await walkDeals({
      pump,
      filter: { CATEGORY_ID: HOUSES_PIPELINE },
      requested: { companies: new Set(), contacts: new Set() },
      writeUnit: (unit) => {
        writing = writing.then(async () => {
          for (const deal of unit.deals) seen.add(String(deal.ID));
          await sleep(25);
        });
        return writing;
      },
    });

    const log = await (await fetch(`${emulator.controlUrl}/requests`)).json();
    expect(total).toBe(6000);
    expect(seen.size).toBe(6000);
    // Full batches but for a few: the first page alone, the last pages and their
    // contacts, a few companies. A page asked for as soon as its slot frees goes out
    // nearly alone while the writer holds the rest (19 requests here, against 9 or 10).
    expect(pump.requests).toBeLessThanOrEqual(Math.ceil(log.batchCommands / 50) + 5);
  });
});
