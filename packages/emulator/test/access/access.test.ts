import { describe, expect, it } from 'vitest';
import { callRest, control, getRest, useEmulator } from '../support/emulator-harness.js';

// Docs: _includes/system-errors.md, local-integrations/local-webhooks.md,
// api-reference/scopes/permissions.md. Statuses follow the server (BITRIX24.md table).
describe('access', () => {
  const emulator = useEmulator();
  const base = () => emulator().url;

  it('answers a wrong webhook code 401 INVALID_CREDENTIALS (docs say 403)', async () => {
    const reply = await getRest(`${base()}/rest/1/wrongcode123456/profile`);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      error: 'INVALID_CREDENTIALS',
      error_description: 'Invalid request credentials',
    });
  });

  it('answers a right code with another user id INVALID_CREDENTIALS', async () => {
    const reply = await getRest(`${base()}/rest/3/crmonlywebhook01/profile`);
    expect(reply.status).toBe(401);
    expect(reply.body.error).toBe('INVALID_CREDENTIALS');
  });

  it('answers a call outside the scopes 401 insufficient_scope (system-errors.md)', async () => {
    const crmOnly = `${base()}/rest/2/crmonlywebhook01/`;
    expect((await getRest(`${crmOnly}crm.deal.list?select[]=ID`)).status).toBe(200);

    const reply = await getRest(`${crmOnly}user.get`);
    expect(reply.status).toBe(401);
    expect(reply.body.error).toBe('insufficient_scope');
  });

  it('runs profile, user.current, scope, server.time without scope (profile.md)', async () => {
    await control(emulator(), 'POST', '/webhooks', {
      userId: 3,
      scopes: [],
      code: 'noscopeswebhook1',
    });
    const hook = `${base()}/rest/3/noscopeswebhook1/`;

    const profile = await getRest(`${hook}profile`);
    expect(profile.body.result).toEqual({
      ID: '3',
      ADMIN: false,
      NAME: 'Анна',
      LAST_NAME: 'Иванов3',
      PERSONAL_GENDER: '',
      TIME_ZONE: 'Europe/Moscow',
    });
    expect(((await getRest(`${hook}user.current`)).body.result as { ID: string }).ID).toBe('3');
    expect((await getRest(`${hook}scope`)).body.result).toEqual([]);
    expect((await getRest(`${hook}server.time`)).status).toBe(200);
  });

  it('answers a deactivated user 401 authorization_error', async () => {
    await control(emulator(), 'POST', '/users/2/deactivate');
    const reply = await getRest(`${base()}/rest/2/crmonlywebhook01/profile`);

    expect(reply.status).toBe(401);
    expect(reply.body.error).toBe('authorization_error');
  });

  it('answers a deleted portal 403 PORTAL_DELETED (docs say 500)', async () => {
    await control(emulator(), 'POST', '/portal/delete');
    const reply = await getRest(`${emulator().webhookUrl}profile`);

    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({
      error: 'PORTAL_DELETED',
      error_description: 'Portal was deleted',
    });
  });

  it('answers an OAuth call without a token 401 NO_AUTH_FOUND', async () => {
    const reply = await getRest(`${base()}/rest/profile`);
    expect(reply.status).toBe(401);
    expect(reply.body.error).toBe('NO_AUTH_FOUND');
  });

  it('answers an unknown access token 401 invalid_token', async () => {
    const reply = await getRest(`${base()}/rest/profile?auth=nosuchtoken`);
    expect(reply.status).toBe(401);
    expect(reply.body.error).toBe('invalid_token');
  });

  it('runs calls with the rights of the webhook user: created-by and task visibility', async () => {
    const crmOnly = `${base()}/rest/2/crmonlywebhook01/`;
    const added = await callRest(crmOnly, 'crm.deal.add', { fields: { TITLE: 'Дом от Петра' } });
    const deal = await callRest(emulator().webhookUrl, 'crm.deal.get', { id: added.body.result });
    expect(deal.body.result).toMatchObject({ CREATED_BY_ID: '2', ASSIGNED_BY_ID: '2' });

    const admin = emulator().webhookUrl;
    const task = await callRest(admin, 'tasks.task.add', {
      fields: { TITLE: 'Только для Олега', RESPONSIBLE_ID: 4 },
    });
    const taskId = (task.body.result as { task: { id: string } }).task.id;

    await control(emulator(), 'POST', '/webhooks', {
      userId: 3,
      scopes: ['task'],
      code: 'annatasks0000001',
    });
    const anna = await callRest(`${base()}/rest/3/annatasks0000001/`, 'tasks.task.get', { taskId });
    expect(anna.status).toBe(400);
    expect(anna.body.error).toBe('ERROR_CORE');

    const annaList = await callRest(`${base()}/rest/3/annatasks0000001/`, 'tasks.task.list', {});
    expect(annaList.body.result).toEqual({ tasks: [] });
    expect(annaList.body.total).toBe(0);
  });
});
