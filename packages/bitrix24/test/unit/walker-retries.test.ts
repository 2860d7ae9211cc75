import { describe, expect, it } from 'vitest';
import { createBitrix24Client } from '../../src/index.js';
import { createFakeClock, fixedRandom } from '../support/fake-clock.js';
import { type ScriptedAnswer, scriptedFetch } from '../support/scripted-fetch.js';

const webhookUrl = 'https://vas-dom.bitrix24.ru/rest/1/walkerwebhook77/';

function rows(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ ID: String(from + i) }));
}

function batchAnswer(parts: {
  result?: Record<string, unknown>;
  error?: Record<string, { error: string; error_description: string }>;
  total?: Record<string, number>;
}): ScriptedAnswer {
  return {
    status: 200,
    body: {
      result: {
        result: parts.result ?? [],
        result_error: parts.error ?? [],
        result_total: parts.total ?? [],
        result_next: [],
        result_time: [],
      },
      time: {},
    },
  };
}

function client(answers: ScriptedAnswer[]) {
  const fetch = scriptedFetch(answers);
  const clock = createFakeClock();
  const bitrix = createBitrix24Client({
    auth: { type: 'webhook', webhookUrl },
    fetch,
    clock,
    random: fixedRandom(0.5),
  });
  return { bitrix, fetch, clock };
}

const commandsOf = (body: string) => Object.keys((JSON.parse(body) as { cmd: object }).cmd);

describe('list walkers retry a failed page inside a batch', () => {
  it('offset: only the failed page is sent again', async () => {
    const { bitrix, fetch } = client([
      { status: 200, body: { result: rows(1, 50), total: 150, next: 50, time: {} } },
      batchAnswer({
        result: { page_50: rows(51, 50) },
        error: { page_100: { error: 'INTERNAL_SERVER_ERROR', error_description: '' } },
      }),
      batchAnswer({ result: { page_100: rows(101, 50) } }),
    ]);
    const all = await bitrix.listAll('crm.deal.list');

    expect(all.map((row) => Number(row.ID))).toEqual(rows(1, 150).map((row) => Number(row.ID)));
    expect(commandsOf(fetch.sent[2]!.body)).toEqual(['page_100']);
  });

  it('cursor: the walk resumes after the last row delivered', async () => {
    const { bitrix, fetch, clock } = client([
      batchAnswer({
        result: { page_0: rows(1, 50) },
        error: { page_1: { error: 'OPERATION_TIME_LIMIT', error_description: '' } },
      }),
      batchAnswer({ result: { page_0: rows(51, 20) } }),
    ]);
    const pages = [];
    for await (const page of bitrix.listPages('crm.deal.list', {}, { mode: 'cursor' })) {
      pages.push(page);
    }

    expect(pages.map((page) => page.items.length)).toEqual([50, 20]);
    const second = JSON.parse(fetch.sent[1]!.body) as { cmd: Record<string, string> };
    expect(decodeURIComponent(second.cmd.page_0!)).toContain('filter[>ID]=50');
    // A time budget without a known reset waits at least a second.
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(1000);
  });

  it('cursor: a page error not retryable is thrown after what came is delivered', async () => {
    const { bitrix } = client([
      batchAnswer({
        result: { page_0: rows(1, 50) },
        error: { page_1: { error: 'insufficient_scope', error_description: '' } },
      }),
    ]);
    const delivered: number[] = [];
    const walk = async () => {
      for await (const page of bitrix.listPages('crm.deal.list', {}, { mode: 'cursor' })) {
        delivered.push(page.items.length);
      }
    };
    await expect(walk()).rejects.toMatchObject({ kind: 'scope', missingScope: 'crm' });
    expect(delivered).toEqual([50]);
  });

  it('cursor with withTotal: the count command comes first and feeds progress', async () => {
    const progress: unknown[] = [];
    const { bitrix, fetch } = client([
      batchAnswer({ result: { count: rows(1, 50), page_0: rows(1, 30) }, total: { count: 30 } }),
    ]);
    await bitrix.listAll(
      'crm.deal.list',
      {},
      {
        mode: 'cursor',
        withTotal: true,
        onProgress: (p) => progress.push(p),
      },
    );

    expect(commandsOf(fetch.sent[0]!.body).slice(0, 2)).toEqual(['count', 'page_0']);
    expect(commandsOf(fetch.sent[0]!.body)).toHaveLength(50);
    expect(progress).toEqual([{ done: 30, total: 30 }]);
  });

  it('cursor: sizes the chain by the rows expected, plus one page to find the end', async () => {
    const { bitrix, fetch } = client([
      batchAnswer({ result: { page_0: rows(1, 50), page_1: rows(51, 50), page_2: rows(101, 20) } }),
    ]);
    await bitrix.listAll('crm.deal.list', {}, { mode: 'cursor', expectedRows: 120 });

    // floor(120 / 50) + 2 = 4 pages: 3 for the rows, 1 for rows added meanwhile.
    expect(commandsOf(fetch.sent[0]!.body)).toEqual(['page_0', 'page_1', 'page_2', 'page_3']);
  });

  it('cursor: after the count, later chains are sized by the rows left', async () => {
    const full = (from: number) =>
      Object.fromEntries(
        Array.from({ length: 3 }, (_, page) => [`page_${page}`, rows(from + page * 50, 50)]),
      );
    const { bitrix, fetch } = client([
      batchAnswer({ result: { count: rows(1, 50), ...full(1) }, total: { count: 160 } }),
      batchAnswer({ result: { page_0: rows(151, 10) } }),
    ]);
    const all = await bitrix.listAll(
      'crm.deal.list',
      {},
      {
        mode: 'cursor',
        withTotal: true,
        pagesPerRequest: 4,
      },
    );

    expect(all).toHaveLength(160);
    expect(commandsOf(fetch.sent[1]!.body)).toEqual(['page_0', 'page_1']);
  });
});
