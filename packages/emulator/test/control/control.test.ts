import { describe, expect, it } from 'vitest';
import { smallPortal } from '../fixtures/small-portal.js';
import { callRest, control, getRest, useEmulator } from '../support/emulator-harness.js';

// The control API is the emulator's own surface (README.md, "Control API").
describe('control API', () => {
  const emulator = useEmulator();

  it('describes the portal at GET /_emulator/', async () => {
    const info = await control(emulator(), 'GET', '/');
    expect(info.body).toMatchObject({
      domain: 'vas-dom.bitrix24.ru',
      deals: 120,
      users: 5,
      deleted: false,
    });
  });

  it('creates a webhook with chosen scopes and deletes it', async () => {
    const created = await control(emulator(), 'POST', '/webhooks', {
      userId: 2,
      scopes: ['crm', 'task'],
    });
    expect(created.status).toBe(201);
    const url = created.body.url as string;
    expect(url).toMatch(/\/rest\/2\/[0-9a-f]{16}\/$/);
    expect((await getRest(`${url}scope`)).body.result).toEqual(['crm', 'task']);

    expect((await control(emulator(), 'DELETE', `/webhooks/${created.body.code}`)).status).toBe(
      200,
    );
    expect((await getRest(`${url}scope`)).body.error).toBe('INVALID_CREDENTIALS');
  });

  it('counts requests per method and per batch, and resets the counts', async () => {
    const hook = emulator().webhookUrl;
    await getRest(`${hook}server.time`);
    await getRest(`${hook}crm.deal.get?id=1`);
    await getRest(`${hook}crm.deal.get?id=2`);
    await callRest(hook, 'batch', {
      cmd: { a: 'crm.deal.list?select[]=ID', b: 'user.get', c: 'crm.deal.list' },
    });

    const log = await control(emulator(), 'GET', '/requests');
    expect(log.body).toMatchObject({
      total: 4,
      byMethod: { 'server.time': 1, 'crm.deal.get': 2, batch: 1 },
      batches: 1,
      batchCommands: 3,
      batchCommandsByMethod: { 'crm.deal.list': 2, 'user.get': 1 },
      errors: 0,
    });
    expect((log.body.recent as unknown[]).length).toBe(4);

    await control(emulator(), 'DELETE', '/requests');
    expect((await control(emulator(), 'GET', '/requests')).body.total).toBe(0);
  });

  it('moves and freezes the clock', async () => {
    const set = await control(emulator(), 'POST', '/clock', {
      set: '2026-01-10T07:00:00Z',
      freeze: true,
    });
    expect(set.body).toEqual({ now: '2026-01-10T07:00:00.000Z', frozen: true });

    await control(emulator(), 'POST', '/clock', { advanceSeconds: 90 });
    expect((await getRest(`${emulator().webhookUrl}server.time`)).body.result).toBe(
      '2026-01-10T10:01:30+03:00',
    );
  });

  it('loads a snapshot, keeps the admin webhook; reset goes back to the start', async () => {
    const loaded = await control(emulator(), 'POST', '/snapshot', smallPortal({ deals: 7 }));
    expect(loaded.body).toEqual({ deals: 7, users: 5 });
    expect((await callRest(emulator().webhookUrl, 'crm.deal.list', {})).body.total).toBe(7);

    await control(emulator(), 'POST', '/reset');
    expect((await callRest(emulator().webhookUrl, 'crm.deal.list', {})).body.total).toBe(120);
  });

  it('undoes writes on reset', async () => {
    await callRest(emulator().webhookUrl, 'crm.deal.update', {
      id: 1,
      fields: { TITLE: 'Изменён' },
    });
    await callRest(emulator().webhookUrl, 'crm.deal.delete', { id: 2 });
    await control(emulator(), 'POST', '/reset');

    const deal = await callRest(emulator().webhookUrl, 'crm.deal.get', { id: 1 });
    expect((deal.body.result as { TITLE: string }).TITLE).toBe('Дом 1');
    expect((await callRest(emulator().webhookUrl, 'crm.deal.get', { id: 2 })).status).toBe(200);
  });

  it('refuses a snapshot of another version', async () => {
    const reply = await control(emulator(), 'POST', '/snapshot', { version: 2 });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('bad_request');
  });

  it('changes a deal as a person would and answers 404 for an unknown one', async () => {
    const changed = await control(emulator(), 'PATCH', '/deals/9', {
      userId: 3,
      fields: { TITLE: 'Переименован' },
    });
    expect(changed.body).toMatchObject({
      id: 9,
      deal: { TITLE: 'Переименован', MODIFY_BY_ID: '3' },
    });
    expect(
      (await control(emulator(), 'PATCH', '/deals/999', { fields: { TITLE: 'x' } })).status,
    ).toBe(404);
    expect((await control(emulator(), 'DELETE', '/deals/9')).status).toBe(200);
  });

  it('restores a deleted portal and reactivates a user', async () => {
    await control(emulator(), 'POST', '/portal/delete');
    await control(emulator(), 'POST', '/portal/restore');
    await control(emulator(), 'POST', '/users/2/deactivate');
    await control(emulator(), 'POST', '/users/2/activate');
    expect((await getRest(`${emulator().url}/rest/2/crmonlywebhook01/profile`)).status).toBe(200);
  });

  it('moves a user to another department and makes them an administrator', async () => {
    const changed = await control(emulator(), 'PATCH', '/users/3', {
      UF_DEPARTMENT: [1],
      IS_ADMIN: true,
    });
    const users = await callRest(emulator().webhookUrl, 'user.get', { ID: 3 });
    const refused = await control(emulator(), 'PATCH', '/users/3', { IS_ADMIN: 'yes' });

    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ ID: '3', UF_DEPARTMENT: [1], IS_ADMIN: true });
    expect(users.body.result).toMatchObject([{ ID: '3', UF_DEPARTMENT: [1] }]);
    expect(refused.status).toBe(400);
  });

  it('answers unknown control routes 404 with {error, message}', async () => {
    const reply = await control(emulator(), 'GET', '/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: 'not_found' });
  });
});
