import { describe, expect, it } from 'vitest';
import { callRest, useEmulator } from '../support/emulator-harness.js';

type BatchResult = {
  result: Record<string, unknown> | unknown[];
  result_error: Record<string, { error: string; error_description: string }> | unknown[];
  result_total: Record<string, number> | unknown[];
  result_next: Record<string, number> | unknown[];
  result_time: Record<string, Record<string, unknown>> | unknown[];
};

// Docs: settings/how-to-call-rest-api/batch.md; _includes/system-errors.md.
describe('batch', () => {
  const emulator = useEmulator();
  const batch = async (params: object) =>
    (await callRest(emulator().webhookUrl, 'batch', params)).body.result as BatchResult;

  it('answers result, result_total, result_next, result_time (batch.md)', async () => {
    const answer = await batch({
      halt: 0,
      cmd: {
        deals: 'crm.deal.list?select[]=ID&filter[CATEGORY_ID]=34',
        me: 'user.current',
        deal: 'crm.deal.get?id=5',
      },
    });

    const result = answer.result as Record<string, unknown>;
    expect(result.deals).toHaveLength(50);
    expect((result.me as { ID: string }).ID).toBe('1');
    expect((result.deal as { ID: string }).ID).toBe('5');
    expect(answer.result_total).toEqual({ deals: 80 });
    expect(answer.result_next).toEqual({ deals: 50 });
    expect(answer.result_error).toEqual([]);
    expect(Object.keys(answer.result_time)).toEqual(['deals', 'me', 'deal']);
  });

  it('passes answers on with $result, $next and $total (batch.md, Linked Calls)', async () => {
    const answer = await batch({
      cmd: {
        first: 'crm.deal.list?select[]=ID&select[]=COMPANY_ID&filter[>ID]=10',
        company: 'crm.company.get?id=$result[first][0][COMPANY_ID]',
        page2: 'crm.deal.list?select[]=ID&start=$next[first]',
        total: 'crm.deal.list?select[]=ID&filter[<=ID]=$total[first]&start=-1',
      },
    });

    const result = answer.result as Record<string, unknown>;
    expect((result.company as { ID: string }).ID).toBe('3');
    expect((result.page2 as Array<{ ID: string }>)[0]?.ID).toBe('51');
    expect(result.total).toHaveLength(50);
  });

  it('reports failed commands in result_error and goes on without halt', async () => {
    const answer = await batch({
      cmd: { bad: 'crm.deal.get?id=9999', good: 'server.time', nope: 'no.such.method' },
    });

    expect(answer.result_error).toEqual({
      bad: { error: '', error_description: 'Not found' },
      nope: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
    });
    expect(Object.keys(answer.result)).toEqual(['good']);
  });

  it('stops at the first error with halt', async () => {
    const answer = await batch({
      halt: 1,
      cmd: { a: 'server.time', b: 'crm.deal.get?id=9999', c: 'server.time' },
    });
    expect(Object.keys(answer.result)).toEqual(['a']);
    expect(Object.keys(answer.result_error)).toEqual(['b']);
  });

  it('answers a list of commands with lists, and empty parts as []', async () => {
    const answer = await batch({ cmd: ['server.time', 'scope'] });
    expect(Array.isArray(answer.result)).toBe(true);
    expect(answer.result).toHaveLength(2);
    expect(answer.result_total).toEqual([]);
    expect(answer.result_next).toEqual([]);
  });

  it('fails commands past 50 with ERROR_BATCH_LENGTH_EXCEEDED (batch.md)', async () => {
    const cmd = Object.fromEntries(
      Array.from({ length: 52 }, (_, index) => [`c${index}`, 'server.time']),
    );
    const answer = await batch({ cmd });

    expect(Object.keys(answer.result)).toHaveLength(50);
    expect(Object.keys(answer.result_error)).toEqual(['c50', 'c51']);
    expect((answer.result_error as Record<string, { error: string }>).c50?.error).toBe(
      'ERROR_BATCH_LENGTH_EXCEEDED',
    );
  });

  it('refuses a batch inside a batch with ERROR_BATCH_METHOD_NOT_ALLOWED', async () => {
    const answer = await batch({ cmd: { inner: 'batch?cmd[a]=server.time' } });
    expect(answer.result_error).toEqual({
      inner: {
        error: 'ERROR_BATCH_METHOD_NOT_ALLOWED',
        error_description: 'Method is not allowed for batch usage',
      },
    });
  });

  it('checks scopes command by command', async () => {
    const reply = await callRest(`${emulator().url}/rest/2/crmonlywebhook01/`, 'batch', {
      cmd: { deal: 'crm.deal.get?id=1', users: 'user.get' },
    });
    const answer = reply.body.result as BatchResult;
    expect(Object.keys(answer.result)).toEqual(['deal']);
    expect((answer.result_error as Record<string, { error: string }>).users?.error).toBe(
      'insufficient_scope',
    );
  });

  it('accepts a batch as a GET query, commands encoded twice (data-encoding.md)', async () => {
    const cmd = encodeURIComponent('crm.deal.list?filter[>ID]=118&select[]=ID');
    const response = await fetch(`${emulator().webhookUrl}batch?halt=0&cmd[tail]=${cmd}`);
    const body = (await response.json()) as { result: BatchResult };
    expect((body.result.result as Record<string, unknown>).tail).toEqual([
      { ID: '119' },
      { ID: '120' },
    ]);
  });
});
