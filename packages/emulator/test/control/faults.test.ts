import { describe, expect, it } from 'vitest';
import { control, getRest, useEmulator } from '../support/emulator-harness.js';

// Injected faults (README.md, "Control API": PUT /_emulator/faults).
describe('fault injection', () => {
  const emulator = useEmulator();
  const call = (method = 'server.time') => fetch(`${emulator().webhookUrl}${method}`);

  it('answers errors at a rate with the body a portal sends for that status', async () => {
    await control(emulator(), 'PUT', '/faults', { errors: [{ status: 503, rate: 1 }] });
    const reply = await getRest(`${emulator().webhookUrl}server.time`);
    expect(reply.status).toBe(503);
    expect(reply.body.error).toBe('QUERY_LIMIT_EXCEEDED');

    await control(emulator(), 'PUT', '/faults', { errors: [{ status: 500, rate: 0.5 }], seed: 7 });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async () => (await call()).status),
    );
    const failures = statuses.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
  });

  it('limits error faults to the named methods', async () => {
    await control(emulator(), 'PUT', '/faults', {
      errors: [{ status: 500, rate: 1, methods: ['crm.deal.list'] }],
    });
    expect((await call('crm.deal.list')).status).toBe(500);
    expect((await call('server.time')).status).toBe(200);
  });

  it('answers 502 with a gateway page, not JSON', async () => {
    await control(emulator(), 'PUT', '/faults', { errors: [{ status: 502, rate: 1 }] });
    const response = await call();
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
  });

  it('drops connections', async () => {
    await control(emulator(), 'PUT', '/faults', { dropRate: 1 });
    await expect(call()).rejects.toThrow();
  });

  it('holds a request and then closes it without an answer', async () => {
    await control(emulator(), 'PUT', '/faults', { timeoutRate: 1, timeoutMs: 150 });
    const started = performance.now();
    await expect(call()).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('adds latency from a distribution', async () => {
    await control(emulator(), 'PUT', '/faults', {
      latency: { kind: 'uniform', minMs: 120, maxMs: 160 },
    });
    const started = performance.now();
    expect((await call()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);

    await control(emulator(), 'DELETE', '/faults');
    expect((await control(emulator(), 'GET', '/faults')).body).toEqual({});
  });
});
