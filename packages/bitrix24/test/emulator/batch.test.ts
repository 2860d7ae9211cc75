import type { RunningEmulator } from '@audiobot/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BatchCommands, Bitrix24Error } from '../../src/index.js';
import {
  control,
  portalRequestCount,
  startHousePortal,
  webhookClient,
} from '../support/emulator-harness.js';

/** Docs: settings/how-to-call-rest-api/batch.md. */
describe('batch against the emulator', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startHousePortal();
  });
  afterAll(() => emulator.stop());
  beforeEach(() => control(emulator, 'DELETE', '/requests'));

  it('returns results, totals and nexts by key, failed commands as classified errors', async () => {
    const client = webhookClient(emulator);
    const answer = await client.batch({
      deals: { method: 'crm.deal.list', params: { filter: { CATEGORY_ID: 34 }, select: ['ID'] } },
      deal: { method: 'crm.deal.get', params: { id: 1 } },
      missing: { method: 'crm.deal.get', params: { id: 999_999 } },
      unknown: { method: 'no.such.method' },
    });

    expect(answer.results.deals).toHaveLength(50);
    expect(answer.totals.deals).toBe(490);
    expect(answer.nexts.deals).toBe(50);
    expect(answer.results.deal).toMatchObject({ ID: '1' });
    expect(answer.errors.missing).toBeInstanceOf(Bitrix24Error);
    expect(answer.errors.missing).toMatchObject({ kind: 'not_found', method: 'crm.deal.get' });
    expect(answer.errors.unknown).toMatchObject({ kind: 'method_not_found', status: null });
    expect(client.getStats().requests).toBe(1);
  });

  it('reads the [] the portal sends for empty parts', async () => {
    const client = webhookClient(emulator);
    const answer = await client.batch({ a: { method: 'no.such.method' } });
    expect(answer.results).toEqual({});
    expect(answer.totals).toEqual({});
    expect(Object.keys(answer.errors)).toEqual(['a']);
  });

  it('passes $result references as plain strings (user.current → department.get)', async () => {
    const client = webhookClient(emulator);
    const answer = await client.batch({
      me: { method: 'user.current' },
      department: { method: 'department.get', params: { ID: '$result[me][UF_DEPARTMENT][0]' } },
    });
    expect(answer.results.department).toEqual([expect.objectContaining({ ID: '1' })]);
  });

  it('halts at the first failing command when asked', async () => {
    const client = webhookClient(emulator);
    const answer = await client.batch(
      {
        first: { method: 'no.such.method' },
        second: { method: 'server.time' },
      },
      { halt: true },
    );
    expect(Object.keys(answer.errors)).toEqual(['first']);
    expect(answer.results.second).toBeUndefined();
  });

  it('refuses more than 50 commands without sending anything', async () => {
    const client = webhookClient(emulator);
    const error = await client.batch(timeCommands(51)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'bad_input', code: 'CLIENT_BATCH_TOO_LONG' });
    expect(await portalRequestCount(emulator)).toBe(0);
  });

  it('batchAll sends 120 commands as 3 requests of at most 50', async () => {
    const client = webhookClient(emulator);
    const answer = await client.batchAll(timeCommands(120));
    expect(Object.keys(answer.results)).toHaveLength(120);
    expect(client.getStats().requests).toBe(3);

    const log = await control<{ batches: number; batchCommands: number }>(
      emulator,
      'GET',
      '/requests',
    );
    expect(log).toMatchObject({ batches: 3, batchCommands: 120 });
  });

  it('sends parameters with characters that would break a command intact', async () => {
    const client = webhookClient(emulator);
    const title = 'Дом & 5 = #1 ?';
    const answer = await client.batch({
      add: { method: 'crm.deal.add', params: { fields: { TITLE: title, CATEGORY_ID: 0 } } },
      read: { method: 'crm.deal.get', params: { id: '$result[add]' } },
    });
    expect(answer.errors).toEqual({});
    expect(answer.results.read).toMatchObject({ TITLE: title });
  });
});

function timeCommands(count: number): BatchCommands {
  const commands: BatchCommands = {};
  for (let i = 0; i < count; i += 1) commands[`t${i}`] = { method: 'server.time' };
  return commands;
}
