import type { RunningEmulator } from '@audiobot/emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Bitrix24Error } from '../../src/index.js';
import {
  control,
  housesFilter,
  startHousePortal,
  webhookClient,
} from '../support/emulator-harness.js';

interface RequestSummary {
  total: number;
  errors: number;
  recent: { status: number; error: string | null }[];
}

/** Docs: limits.md (leaky bucket, operating time), error-codes.md (what to retry). */
describe('limits and faults against the emulator', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startHousePortal();
  });
  afterAll(() => emulator.stop());
  beforeEach(() => control(emulator, 'DELETE', '/requests'));
  afterEach(async () => {
    await control(emulator, 'DELETE', '/faults');
    await control(emulator, 'PUT', '/limits', {
      plan: 'standard',
      operatingLimitSeconds: 480,
      operatingWindowSeconds: 600,
      processingSeconds: { 'crm.deal.list': 0 },
      resetUsage: true,
    });
  });

  const summary = () => control<RequestSummary>(emulator, 'GET', '/requests');

  it('stays under a portal limit it knows: no 503 at all', async () => {
    const limit = { drainPerSecond: 5, capacity: 20 };
    await control(emulator, 'PUT', '/limits', { ...limit, resetUsage: true });
    // A second of headroom: the emulator shares this busy process, so a burst can land late.
    const client = webhookClient(emulator, { plan: limit, rateLimitHeadroom: 5 });

    // 15 at once, then 10 more at 5 per second.
    await Promise.all(Array.from({ length: 25 }, () => client.call('server.time')));

    const log = await summary();
    expect(log.total).toBe(25);
    expect(log.errors).toBe(0);
    expect(client.getStats().throttledMs).toBeGreaterThan(0);
  });

  it('retries the 503 QUERY_LIMIT_EXCEEDED of a stricter portal until all succeed', async () => {
    await control(emulator, 'PUT', '/limits', {
      capacity: 5,
      drainPerSecond: 20,
      resetUsage: true,
    });
    const client = webhookClient(emulator, { plan: { drainPerSecond: 20, capacity: 50 } });

    const answers = await Promise.all(Array.from({ length: 20 }, () => client.call('server.time')));

    expect(answers).toHaveLength(20);
    const log = await summary();
    expect(log.recent.some((entry) => entry.error === 'QUERY_LIMIT_EXCEEDED')).toBe(true);
    expect(client.getStats().retries).toBe(log.errors);
  });

  it('waits out a method blocked by OPERATION_TIME_LIMIT and then succeeds', async () => {
    await control(emulator, 'PUT', '/limits', {
      operatingLimitSeconds: 1,
      operatingWindowSeconds: 2,
      processingSeconds: { 'crm.deal.list': 2 },
      resetUsage: true,
    });
    const client = webhookClient(emulator);
    await client.call('crm.deal.list', { filter: housesFilter, select: ['ID'] });

    const startedAt = Date.now();
    const second = await client.call('crm.deal.list', { filter: housesFilter, select: ['ID'] });

    expect(second.total).toBe(490);
    expect((await summary()).recent.map((entry) => entry.error)).toContain('OPERATION_TIME_LIMIT');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(500);
  });

  it('walks every house through injected 500s and dropped connections', async () => {
    await control(emulator, 'PUT', '/faults', {
      errors: [{ status: 500, rate: 0.3 }],
      dropRate: 0.15,
      seed: 7,
    });
    const client = webhookClient(emulator, { retry: { maxAttempts: 10, baseDelayMs: 5 } });

    const cursor = await client.listAll(
      'crm.deal.list',
      { filter: housesFilter, select: ['ID'] },
      { mode: 'cursor', pagesPerRequest: 5 },
    );
    const offset = await client.listAll('crm.deal.list', { filter: housesFilter, select: ['ID'] });

    expect(new Set(cursor.map((row) => row.ID)).size).toBe(490);
    expect(new Set(offset.map((row) => row.ID)).size).toBe(490);
    expect(client.getStats().retries).toBeGreaterThan(0);
  });

  it('retries 502 gateway pages that are not JSON', async () => {
    await control(emulator, 'PUT', '/faults', { errors: [{ status: 502, rate: 0.5 }], seed: 3 });
    const client = webhookClient(emulator, { retry: { maxAttempts: 10, baseDelayMs: 5 } });
    await Promise.all(Array.from({ length: 10 }, () => client.call('server.time')));
    expect(client.getStats().retries).toBeGreaterThan(0);
  });

  it('reports kind server with the attempts when 5xx never stops', async () => {
    await control(emulator, 'PUT', '/faults', { errors: [{ status: 500, rate: 1 }] });
    const client = webhookClient(emulator, { retry: { maxAttempts: 3, baseDelayMs: 5 } });
    const error = await client.call('server.time').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Bitrix24Error);
    expect(error).toMatchObject({ kind: 'server', status: 500, attempts: 3, retryable: true });
    expect((await summary()).total).toBe(3);
  });

  it('times out a hung request and reports kind timeout', async () => {
    await control(emulator, 'PUT', '/faults', { timeoutRate: 1, timeoutMs: 2000 });
    const client = webhookClient(emulator, {
      timeoutMs: 100,
      retry: { maxAttempts: 2, baseDelayMs: 5 },
    });
    const error = await client.call('server.time').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', code: 'CLIENT_TIMEOUT', attempts: 2 });
  });
});
