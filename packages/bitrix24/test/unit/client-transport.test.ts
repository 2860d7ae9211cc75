import { describe, expect, it } from 'vitest';
import { Bitrix24Error, createBitrix24Client } from '../../src/index.js';
import { expectNoSecret } from '../support/expect-no-secret.js';
import { createFakeClock, fixedRandom } from '../support/fake-clock.js';
import { recordingLogger } from '../support/recording-logger.js';
import { type ScriptedAnswer, scriptedFetch } from '../support/scripted-fetch.js';

const code = 'zq81webhooksecret';
const webhookUrl = `https://vas-dom.bitrix24.ru/rest/1/${code}/`;
const ok = (result: unknown): ScriptedAnswer => ({ status: 200, body: { result, time: {} } });

function clientWith(answers: ScriptedAnswer[], retry = {}) {
  const fetch = scriptedFetch(answers);
  const clock = createFakeClock();
  const logger = recordingLogger();
  const client = createBitrix24Client({
    auth: { type: 'webhook', webhookUrl },
    fetch,
    clock,
    random: fixedRandom(0.5),
    logger,
    retry,
  });
  return { client, fetch, clock, logger };
}

async function failureOf(promise: Promise<unknown>): Promise<Bitrix24Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Bitrix24Error)) throw new Error(`expected a Bitrix24Error: ${error}`);
  return error;
}

describe('the client over a scripted transport', () => {
  it('POSTs JSON to {webhook}{method}.json and returns result, total, next and time', async () => {
    const { client, fetch } = clientWith([
      { status: 200, body: { result: [{ ID: '1' }], total: 120, next: 50, time: { start: 1 } } },
    ]);
    const answer = await client.call('crm.deal.list', { filter: { '>ID': 0 } });

    expect(answer).toEqual({ result: [{ ID: '1' }], total: 120, next: 50, time: { start: 1 } });
    expect(fetch.sent[0]?.url).toBe(`${webhookUrl}crm.deal.list.json`);
    expect(JSON.parse(fetch.sent[0]!.body)).toEqual({ filter: { '>ID': 0 } });
  });

  it('retries 503 QUERY_LIMIT_EXCEEDED with backoff of at least one bucket slot', async () => {
    const limited: ScriptedAnswer = {
      status: 503,
      body: { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' },
    };
    const { client, clock } = clientWith([limited, limited, ok('done')]);

    expect((await client.call('server.time')).result).toBe('done');
    expect(client.getStats()).toMatchObject({ requests: 3, retries: 2 });
    expect(clock.sleeps.filter((ms) => ms >= 500)).toHaveLength(2);
  });

  it('waits for operating_reset_at on 429 OPERATION_TIME_LIMIT, then succeeds', async () => {
    // The last success said the method's budget resets 20 s from now (Unix seconds).
    const resetAt = Math.floor(createFakeClock().now() / 1000) + 20;
    const { client, clock } = clientWith([
      { status: 200, body: { result: 1, time: { operating_reset_at: resetAt } } },
      { status: 429, body: { error: 'OPERATION_TIME_LIMIT', error_description: '' } },
      ok(2),
    ]);
    await client.call('crm.deal.list');

    expect((await client.call('crm.deal.list')).result).toBe(2);
    expect(clock.sleeps[0]).toBe(21_000);
  });

  it('gives up a time budget whose reset is past the retry budget, at once', async () => {
    const resetAt = Math.floor(createFakeClock().now() / 1000) + 3600;
    const { client, fetch } = clientWith([
      {
        status: 429,
        body: {
          error: 'OPERATION_TIME_LIMIT',
          error_description: '',
          time: { operating_reset_at: resetAt },
        },
      },
    ]);
    const error = await failureOf(client.call('crm.deal.list'));
    expect(error).toMatchObject({ kind: 'time_budget', retryable: true, attempts: 1 });
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(fetch.sent).toHaveLength(1);
  });

  it('retries network failures and 5xx pages, then reports the last failure', async () => {
    const { client, fetch, logger } = clientWith(
      [{ fail: 'network' }, { status: 502, text: '<html>Bad gateway</html>' }, { fail: 'network' }],
      { maxAttempts: 3 },
    );
    const error = await failureOf(client.call('crm.deal.list'));

    expect(error).toMatchObject({ kind: 'network', code: 'CLIENT_NETWORK_ERROR', attempts: 3 });
    expect(fetch.sent).toHaveLength(3);
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(2);
    expectNoSecret(error, logger.text(), code);
  });

  it('never retries credentials, scope or bad input', async () => {
    for (const [errorCode, status] of [
      ['INVALID_CREDENTIALS', 401],
      ['insufficient_scope', 401],
      ['ERROR_CORE', 400],
    ] as const) {
      const { client, fetch } = clientWith([
        { status, body: { error: errorCode, error_description: 'no' } },
        ok(1),
      ]);
      const error = await failureOf(client.call('crm.deal.list'));
      expect(error.code).toBe(errorCode);
      expect(fetch.sent).toHaveLength(1);
    }
  });

  it('reads a 404 page that is not Bitrix24 as portal_gone', async () => {
    const { client } = clientWith([{ status: 404, text: '<html>Not found</html>' }]);
    const error = await failureOf(client.call('server.time'));
    expect(error).toMatchObject({ kind: 'portal_gone', code: 'CLIENT_NOT_A_PORTAL', status: 404 });
  });

  it('times out a hung request with the per-request timeout', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const client = createBitrix24Client({
      auth: { type: 'webhook', webhookUrl },
      fetch: hanging,
      timeoutMs: 30,
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    const error = await failureOf(client.call('server.time'));
    expect(error).toMatchObject({ kind: 'timeout', code: 'CLIENT_TIMEOUT', attempts: 2 });
  });

  it("rethrows the caller's own abort instead of retrying it", async () => {
    const controller = new AbortController();
    const { client } = clientWith([{ fail: 'network' }]);
    controller.abort(new Error('stop'));
    await expect(client.call('server.time', {}, { signal: controller.signal })).rejects.toThrow(
      'stop',
    );
  });

  it('stops retrying once the caller aborts during a backoff', async () => {
    const controller = new AbortController();
    const limited: ScriptedAnswer = {
      status: 503,
      body: { error: 'QUERY_LIMIT_EXCEEDED', error_description: '' },
    };
    const fetch = scriptedFetch([limited, ok(1)]);
    const clock = createFakeClock();
    const client = createBitrix24Client({
      auth: { type: 'webhook', webhookUrl },
      fetch,
      clock: {
        now: clock.now,
        sleep: async (ms) => {
          await clock.sleep(ms);
          controller.abort(new Error('shutting down'));
        },
      },
    });

    await expect(client.call('server.time', {}, { signal: controller.signal })).rejects.toThrow(
      'shutting down',
    );
    expect(fetch.sent).toHaveLength(1);
  });

  it('keeps the webhook code out of errors the portal describes with it', async () => {
    const { client, logger } = clientWith([
      {
        status: 401,
        body: { error: 'INVALID_CREDENTIALS', error_description: `bad hook ${webhookUrl}` },
      },
    ]);
    const error = await failureOf(client.call('server.time'));
    expect(error.description).toContain('/rest/1/***');
    expectNoSecret(error, logger.text(), code);
  });

  it('counts requests per method and tells onRequest about every attempt', async () => {
    const events: unknown[] = [];
    const fetch = scriptedFetch([ok(1), { fail: 'network' }, ok(2)]);
    const client = createBitrix24Client({
      auth: { type: 'webhook', webhookUrl },
      fetch,
      clock: createFakeClock(),
      onRequest: (event) => events.push(event),
    });
    await client.call('server.time');
    await client.call('crm.deal.list');

    expect(client.getStats()).toMatchObject({
      requests: 3,
      retries: 1,
      byMethod: { 'server.time': 1, 'crm.deal.list': 2 },
    });
    expect(events).toMatchObject([
      { method: 'server.time', status: 200, attempt: 1, errorCode: null },
      { method: 'crm.deal.list', status: null, attempt: 1, errorCode: 'CLIENT_NETWORK_ERROR' },
      { method: 'crm.deal.list', status: 200, attempt: 2, errorCode: null },
    ]);
    client.resetStats();
    expect(client.getStats().requests).toBe(0);
  });

  it('paces a burst with the client-side bucket instead of collecting 503s', async () => {
    const answers = Array.from({ length: 8 }, () => ok(1));
    const fetch = scriptedFetch(answers);
    const clock = createFakeClock();
    const client = createBitrix24Client({
      auth: { type: 'webhook', webhookUrl },
      fetch,
      clock,
      plan: { drainPerSecond: 2, capacity: 5 },
      rateLimitHeadroom: 0,
    });
    const startedAt = clock.now();
    await Promise.all(Array.from({ length: 8 }, () => client.call('server.time')));

    // 5 at once, then 3 more at 2 per second: 1.5 s on the (instant) fake clock.
    expect(clock.now() - startedAt).toBe(1500);
    expect(client.getStats().throttledMs).toBe(1500);
  });
});
