import { describe, expect, it } from 'vitest';
import { callRest, getRest, useEmulator } from '../support/emulator-harness.js';

// Docs: settings/how-to-call-rest-api/general-principles.md, authorization.md,
// data-encoding.md; api-reference/data-types.md#time.
describe('REST transport', () => {
  const emulator = useEmulator();

  it('answers a webhook GET with a PHP-style nested query (general-principles.md)', async () => {
    const { webhookUrl } = emulator();
    const reply = await getRest(
      `${webhookUrl}crm.deal.list?filter[>ID]=100&select[]=ID&select[]=TITLE`,
    );

    expect(reply.status).toBe(200);
    expect(reply.body.result).toHaveLength(20);
    expect((reply.body.result as Array<Record<string, string>>)[0]).toEqual({
      ID: '101',
      TITLE: 'Дом 101',
    });
  });

  it('accepts a JSON body, a form body, and lets the body win over the query', async () => {
    const { webhookUrl } = emulator();
    const json = await callRest(webhookUrl, 'crm.deal.get?id=1', { id: 2 });
    expect((json.body.result as Record<string, string>).ID).toBe('2');

    const form = await fetch(`${webhookUrl}crm.deal.get?id=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'id=4',
    });
    expect(((await form.json()) as { result: { ID: string } }).result.ID).toBe('4');
  });

  it('takes method names in any case, with .json, and tolerates a double slash', async () => {
    const { webhookUrl } = emulator();
    for (const method of ['CRM.Deal.Get.json?id=1', '/crm.deal.get?id=1']) {
      const reply = await getRest(`${webhookUrl}${method}`);
      expect(reply.status, method).toBe(200);
      expect((reply.body.result as Record<string, string>).ID).toBe('1');
    }
  });

  it('wraps results in the envelope with the time block (data-types.md#time)', async () => {
    const { webhookUrl } = emulator();
    const reply = await getRest(`${webhookUrl}server.time`);

    expect(Object.keys(reply.body)).toEqual(['result', 'time']);
    expect(reply.body.result).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    expect(Object.keys(reply.body.time ?? {})).toEqual([
      'start',
      'finish',
      'duration',
      'processing',
      'date_start',
      'date_finish',
      'operating_reset_at',
      'operating',
    ]);
    expect(reply.body.time?.date_start).toMatch(/\+03:00$/);
  });

  it('answers an unknown method 404 ERROR_METHOD_NOT_FOUND without time', async () => {
    const reply = await getRest(`${emulator().webhookUrl}crm.lead.list`);

    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      error: 'ERROR_METHOD_NOT_FOUND',
      error_description: 'Method not found!',
    });
  });

  it('answers a missing deal like the old CRM methods: 400, empty code, Not found', async () => {
    const reply = await getRest(`${emulator().webhookUrl}crm.deal.get?id=99999`);

    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: '', error_description: 'Not found' });
  });
});
