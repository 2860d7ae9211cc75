import { describe, expect, it } from 'vitest';
import { callRest, control, getRest, useEmulator } from '../support/emulator-harness.js';

// Docs: limits.md, "Request Rate Limits" (leaky bucket; 503 QUERY_LIMIT_EXCEEDED).
describe('request rate limit', () => {
  const emulator = useEmulator();

  async function burst(count: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let index = 0; index < count; index++) {
      statuses.push((await getRest(`${emulator().webhookUrl}server.time`)).status);
    }
    return statuses;
  }

  it('lets 50 requests through on a standard plan and refuses the 51st with 503', async () => {
    await control(emulator(), 'POST', '/clock', { freeze: true });
    const statuses = await burst(51);

    expect(statuses.slice(0, 50).every((status) => status === 200)).toBe(true);
    expect(statuses[50]).toBe(503);
    const refused = await getRest(`${emulator().webhookUrl}server.time`);
    expect(refused.body).toEqual({
      error: 'QUERY_LIMIT_EXCEEDED',
      error_description: 'Too many requests',
    });
  });

  it('drains 2 requests per second of the emulator clock', async () => {
    await control(emulator(), 'POST', '/clock', { freeze: true });
    await burst(50);
    await control(emulator(), 'POST', '/clock', { advanceSeconds: 1 });

    expect(await burst(3)).toEqual([200, 200, 503]);
  });

  it('counts a batch of 50 commands once', async () => {
    await control(emulator(), 'POST', '/clock', { freeze: true });
    await burst(49);
    const cmd = Object.fromEntries(
      Array.from({ length: 50 }, (_, index) => [`t${index}`, 'server.time']),
    );

    expect((await callRest(emulator().webhookUrl, 'batch', { cmd })).status).toBe(200);
    expect(await burst(1)).toEqual([503]);
  });

  it('uses the enterprise bucket (5 per second over 250) and custom limits', async () => {
    await control(emulator(), 'POST', '/clock', { freeze: true });
    const limits = await control(emulator(), 'PUT', '/limits', { plan: 'enterprise' });
    expect(limits.body.bucket).toMatchObject({ drainPerSecond: 5, capacity: 250 });
    expect((await burst(251)).filter((status) => status === 503)).toHaveLength(1);

    await control(emulator(), 'PUT', '/limits', {
      capacity: 3,
      drainPerSecond: 1,
      resetUsage: true,
    });
    expect(await burst(4)).toEqual([200, 200, 200, 503]);
  });
});
