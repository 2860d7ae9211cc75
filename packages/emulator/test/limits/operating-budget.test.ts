import { describe, expect, it } from 'vitest';
import { callRest, control, useEmulator } from '../support/emulator-harness.js';

// Docs: limits.md, "Resource Intensity Limits" (time.operating, operating_reset_at,
// 429 OPERATION_TIME_LIMIT; the outer batch call is not counted, its commands are).
describe('method time budget', () => {
  const emulator = useEmulator();
  const list = () => callRest(emulator().webhookUrl, 'crm.deal.list', { select: ['ID'] });

  async function budget(processingSeconds: Record<string, number>) {
    await control(emulator(), 'POST', '/clock', { freeze: true, set: '2025-09-15T09:00:00Z' });
    await control(emulator(), 'PUT', '/limits', { processingSeconds, operatingLimitSeconds: 480 });
  }

  it('reports time.operating and blocks past the limit until operating_reset_at', async () => {
    await budget({ 'crm.deal.list': 100 });
    const operating: unknown[] = [];
    for (let call = 0; call < 5; call++) operating.push((await list()).body.time?.operating);
    expect(operating).toEqual([100, 200, 300, 400, 500]);

    const blocked = await list();
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('OPERATION_TIME_LIMIT');

    const other = await callRest(emulator().webhookUrl, 'crm.deal.get', { id: 1 });
    expect(other.status).toBe(200);
    expect(other.body.time?.operating_reset_at).toBe(Date.parse('2025-09-15T09:10:00Z') / 1000);

    await control(emulator(), 'POST', '/clock', { advanceSeconds: 600 });
    expect((await list()).status).toBe(200);
  });

  it('keeps one-minute baskets: the oldest basket expires first', async () => {
    await budget({ 'crm.deal.list': 200 });
    await list();
    await control(emulator(), 'POST', '/clock', { advanceSeconds: 120 });
    await list();
    await list();
    expect((await list()).status).toBe(429);

    await control(emulator(), 'POST', '/clock', { advanceSeconds: 480 });
    const after = await list();
    expect(after.status).toBe(200);
    expect(after.body.time?.operating).toBe(600);
  });

  it('charges the commands of a batch, not the batch itself', async () => {
    await budget({ 'crm.deal.list': 100 });
    const cmd = Object.fromEntries(
      Array.from({ length: 6 }, (_, index) => [`l${index}`, 'crm.deal.list?select[]=ID']),
    );
    const reply = await callRest(emulator().webhookUrl, 'batch', { cmd });
    const result = reply.body.result as {
      result: Record<string, unknown>;
      result_error: Record<string, { error: string }>;
    };

    expect(Object.keys(result.result)).toHaveLength(5);
    expect(result.result_error.l5?.error).toBe('OPERATION_TIME_LIMIT');
    expect(reply.body.time?.operating).toBe(0);
  });
});
