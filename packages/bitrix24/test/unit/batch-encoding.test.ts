import { describe, expect, it } from 'vitest';
import { encodeBatchCommands, readBatchResult } from '../../src/batch/batch-encoding.js';
import { Redactor } from '../../src/index.js';

const context = { redactor: new Redactor(), nowMs: 1_700_000_000_000 };

describe('encodeBatchCommands (docs: batch.md)', () => {
  it('writes method?query, and the bare method without parameters', () => {
    expect(
      encodeBatchCommands({
        deals: { method: 'crm.deal.list', params: { filter: { '>ID': 5 }, select: ['ID'] } },
        time: { method: 'server.time' },
      }),
    ).toEqual({ deals: 'crm.deal.list?filter[%3EID]=5&select[0]=ID', time: 'server.time' });
  });

  it('refuses keys a reference could not name and methods that would change the command', () => {
    expect(() => encodeBatchCommands({ 'a b': { method: 'server.time' } })).toThrow(/key/);
    expect(() => encodeBatchCommands({ a: { method: 'server.time?x=1' } })).toThrow(/method/);
    expect(() => encodeBatchCommands({})).toThrow(/no commands/);
  });
});

describe('readBatchResult', () => {
  const commands = {
    a: { method: 'crm.deal.list' },
    b: { method: 'crm.deal.list' },
    c: { method: 'user.get' },
  };

  it('reads the [] PHP sends for empty parts', () => {
    const answer = readBatchResult(
      { result: [], result_error: [], result_total: [], result_next: [], result_time: [] },
      commands,
      context,
    );
    expect(answer).toEqual({ results: {}, errors: {}, totals: {}, nexts: {}, times: {} });
  });

  it('reads a part PHP turned into a list because its keys were 0, 1, 2', () => {
    const answer = readBatchResult(
      { result: ['zero', 'one'], result_total: [10, 20] },
      { 0: { method: 'server.time' }, 1: { method: 'server.time' } },
      context,
    );
    expect(answer.results).toEqual({ 0: 'zero', 1: 'one' });
    expect(answer.totals).toEqual({ 0: 10, 1: 20 });
  });

  it('classifies each failed command with its own method, and dates a time budget', () => {
    const resetAt = context.nowMs / 1000 + 30;
    const answer = readBatchResult(
      {
        result: { a: [] },
        result_error: {
          b: { error: 'OPERATION_TIME_LIMIT', error_description: 'blocked' },
          c: { error: 'insufficient_scope', error_description: '' },
        },
        result_time: { a: { operating_reset_at: resetAt } },
      },
      commands,
      context,
    );

    expect(answer.errors.b).toMatchObject({
      kind: 'time_budget',
      method: 'crm.deal.list',
      status: null,
      retryAfterMs: 30_000,
    });
    expect(answer.errors.c).toMatchObject({
      kind: 'scope',
      method: 'user.get',
      missingScope: 'user',
    });
  });
});
