import { describe, expect, it } from 'vitest';
import { CommandFailedError, CommandPump } from '../../src/sync/command-pump.js';
import type { CommandOutcome, RestCommand } from '../../src/sync/rest-command.js';
import { laterPages } from '../../src/sync/rest-command.js';

function echoSender(batches: number[], options: { failKey?: string } = {}) {
  return async (commands: Map<string, RestCommand>) => {
    batches.push(commands.size);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const outcomes = new Map<string, CommandOutcome>();
    for (const [key, command] of commands) {
      const failed = command.params.fail === true && options.failKey !== undefined;
      outcomes.set(key, {
        result: failed ? null : command.params,
        total: null,
        error: failed ? { code: 'ERROR_CORE', description: 'refused' } : null,
      });
    }
    return outcomes;
  };
}

describe('command pump', () => {
  it('packs commands pushed together into one batch', async () => {
    const batches: number[] = [];
    const pump = new CommandPump(echoSender(batches));

    const outcomes = await Promise.all(
      [1, 2, 3].map((n) => pump.run({ method: 'crm.deal.list', params: { start: n } })),
    );

    expect(batches).toEqual([3]);
    expect(outcomes.map((outcome) => outcome.result)).toEqual([
      { start: 1 },
      { start: 2 },
      { start: 3 },
    ]);
  });

  it('never sends more than 50 commands in one batch', async () => {
    const batches: number[] = [];
    const pump = new CommandPump(echoSender(batches), { concurrency: 2 });

    const commands = Array.from({ length: 120 }, (_, start) => ({
      method: 'm',
      params: { start },
    }));
    await Promise.all(commands.map((command) => pump.run(command)));

    expect(batches).toEqual([50, 50, 20]);
    expect(pump.requests).toBe(3);
  });

  it('adds commands pushed by an answer to the next batch, urgent ones first', async () => {
    const batches: number[] = [];
    const pump = new CommandPump(echoSender(batches));
    const order: string[] = [];

    await pump.run({ method: 'first', params: {} });
    const later = Array.from({ length: 60 }, (_, n) =>
      pump.run({ method: 'page', params: { n } }).then(() => order.push(`page${n}`)),
    );
    const urgent = pump
      .run({ method: 'contacts', params: {} }, true)
      .then(() => order.push('contacts'));
    await Promise.all([...later, urgent]);

    expect(batches).toEqual([1, 50, 11]);
    expect(order.indexOf('contacts')).toBeLessThan(order.indexOf('page49'));
  });

  it('rejects a command the portal refused, and attempt() turns it into an outcome', async () => {
    const pump = new CommandPump(echoSender([], { failKey: 'x' }));

    await expect(
      pump.run({ method: 'crm.deal.list', params: { fail: true } }),
    ).rejects.toBeInstanceOf(CommandFailedError);
    const outcome = await pump.attempt({ method: 'crm.deal.list', params: { fail: true } });
    expect(outcome.error?.code).toBe('ERROR_CORE');
  });

  it('rejects every command of a batch whose request failed', async () => {
    const pump = new CommandPump(async () => {
      throw new Error('network down');
    });

    await expect(pump.run({ method: 'a', params: {} })).rejects.toThrow('network down');
  });
});

describe('laterPages', () => {
  it('plans the remaining pages with start offsets', () => {
    const pages = laterPages(
      { method: 'crm.deal.list', params: { filter: { CATEGORY_ID: 34 } } },
      120,
    );

    expect(pages.map((page) => page.params.start)).toEqual([50, 100]);
    expect(pages[0]?.params.filter).toEqual({ CATEGORY_ID: 34 });
  });
});
