import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callRest, control, useEmulator } from '../support/emulator-harness.js';
import { type HookReceiver, startHookReceiver } from '../support/hook-receiver.js';
import { type InstalledApplication, installApplication } from '../support/oauth-setup.js';

type EventForm = {
  event: string;
  event_handler_id: string;
  data: Record<string, Record<string, string>>;
  ts: string;
  auth: Record<string, string>;
};

// Docs: api-reference/events/event-bind.md, event-get.md, event-unbind.md,
// api-reference/events/index.md (delivery), local-integrations/local-webhooks.md (outgoing).
describe('events', () => {
  const emulator = useEmulator();
  let receiver: HookReceiver;
  let app: InstalledApplication;

  beforeAll(async () => {
    receiver = await startHookReceiver();
  });
  afterAll(async () => receiver.close());
  beforeEach(async () => {
    app = await installApplication(emulator(), receiver);
    receiver.calls.length = 0;
    receiver.status = 200;
  });

  const oauth = () => `${emulator().url}/rest/`;
  const bind = (event: string, path = '/events') =>
    callRest(oauth(), 'event.bind', {
      auth: app.accessToken,
      event,
      handler: `${receiver.url}${path}`,
    });
  const received = async () => {
    await emulator().portal.events.idle();
    return receiver.calls
      .filter((call) => call.path !== '/install')
      .map((call) => call.form as EventForm);
  };

  it('posts ONCRMDEALUPDATE form-encoded: data[FIELDS][ID], auth[application_token]', async () => {
    expect((await bind('onCrmDealUpdate')).body.result).toBe(true);
    await callRest(emulator().webhookUrl, 'crm.deal.update', {
      id: 5,
      fields: { TITLE: 'Новый адрес' },
    });

    const [event] = await received();
    expect(event?.event).toBe('ONCRMDEALUPDATE');
    expect(event?.data.FIELDS).toEqual({ ID: '5' });
    expect(Number(event?.ts)).toBeGreaterThan(0);
    expect(event?.auth.application_token).toBe(app.applicationToken);
    expect(event?.auth).toMatchObject({
      domain: 'vas-dom.bitrix24.ru',
      member_id: emulator().memberId,
    });
    expect(event?.auth.access_token).toBeTruthy();
    expect(receiver.calls.at(-1)?.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('fires ONCRMDEALADD and ONCRMDEALDELETE, and company and contact events', async () => {
    for (const name of ['ONCRMDEALADD', 'ONCRMDEALDELETE', 'ONCRMCOMPANYADD', 'ONCRMCONTACTUPDATE'])
      await bind(name);
    const added = await callRest(emulator().webhookUrl, 'crm.deal.add', {
      fields: { TITLE: 'Дом' },
    });
    await callRest(emulator().webhookUrl, 'crm.deal.delete', { id: added.body.result });
    await callRest(emulator().webhookUrl, 'crm.company.add', { fields: { TITLE: 'УК Новая' } });
    await callRest(emulator().webhookUrl, 'crm.contact.update', {
      id: 1,
      fields: { POST: 'Старший' },
    });

    const events = await received();
    expect(events.map((event) => event.event).sort()).toEqual(
      ['ONCRMCOMPANYADD', 'ONCRMCONTACTUPDATE', 'ONCRMDEALADD', 'ONCRMDEALDELETE'].sort(),
    );
    expect(events.find((event) => event.event === 'ONCRMDEALADD')?.data.FIELDS?.ID).toBe(
      String(added.body.result),
    );
  });

  it('fires deal events for changes made "as a person" through the control API', async () => {
    await bind('ONCRMDEALUPDATE');
    await bind('ONCRMDEALADD');
    await control(emulator(), 'PATCH', '/deals/7', { fields: { STAGE_ID: 'C34:UC_PG9Y90' } });
    const created = await control(emulator(), 'POST', '/deals', {
      fields: { TITLE: 'Дом', CATEGORY_ID: 34 },
    });

    const events = await received();
    expect(events.map((event) => [event.event, event.data.FIELDS?.ID])).toEqual([
      ['ONCRMDEALUPDATE', '7'],
      ['ONCRMDEALADD', String(created.body.id)],
    ]);
    const deal = await callRest(emulator().webhookUrl, 'crm.deal.get', { id: 7 });
    expect(deal.body.result).toMatchObject({ STAGE_ID: 'C34:UC_PG9Y90', MODIFY_BY_ID: '1' });
  });

  it('fires task events with FIELDS_AFTER[ID]', async () => {
    await bind('ONTASKADD');
    const task = await callRest(emulator().webhookUrl, 'tasks.task.add', {
      fields: { TITLE: 'План', RESPONSIBLE_ID: 2 },
    });

    const [event] = await received();
    expect(event?.event).toBe('ONTASKADD');
    expect(event?.data.FIELDS_AFTER?.ID).toBe(
      (task.body.result as { task: { id: string } }).task.id,
    );
  });

  it('delivers to an outgoing webhook with its own application_token and no tokens', async () => {
    const hook = await control(emulator(), 'POST', '/outgoing-webhooks', {
      event: 'ONCRMDEALUPDATE',
      handler: `${receiver.url}/outgoing`,
    });
    await callRest(emulator().webhookUrl, 'crm.deal.update', { id: 3, fields: { COMMENTS: 'x' } });

    const [event] = await received();
    expect(event?.auth.application_token).toBe(hook.body.applicationToken);
    expect(event?.auth).not.toHaveProperty('access_token');
  });

  it('never retries a failed delivery', async () => {
    receiver.status = 500;
    await bind('ONCRMDEALUPDATE');
    await callRest(emulator().webhookUrl, 'crm.deal.update', { id: 3, fields: { COMMENTS: 'x' } });

    expect(await received()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await received()).toHaveLength(1);
    expect(emulator().portal.events.deliveries().at(-1)).toMatchObject({
      event: 'ONCRMDEALUPDATE',
      status: 500,
    });
  });

  it('lists and unbinds handlers (event-get.md, event-unbind.md)', async () => {
    await bind('ONCRMDEALUPDATE');
    const listed = await callRest(oauth(), 'event.get', { auth: app.accessToken });
    expect(listed.body.result).toEqual([
      { event: 'ONCRMDEALUPDATE', handler: `${receiver.url}/events`, auth_type: '1', offline: 0 },
    ]);

    const unbound = await callRest(oauth(), 'event.unbind', {
      auth: app.accessToken,
      event: 'ONCRMDEALUPDATE',
      handler: `${receiver.url}/events`,
    });
    expect(unbound.body.result).toEqual({ count: 1 });
    await callRest(emulator().webhookUrl, 'crm.deal.update', { id: 3, fields: { COMMENTS: 'y' } });
    expect(await received()).toHaveLength(0);
  });

  it('refuses event.bind from a webhook: application context (event-bind.md)', async () => {
    const reply = await callRest(emulator().webhookUrl, 'event.bind', {
      event: 'ONCRMDEALUPDATE',
      handler: `${receiver.url}/events`,
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({
      error: 'ACCESS_DENIED',
      error_description: 'Application context required',
    });
  });

  it('sends ONAPPUNINSTALL with only the application token', async () => {
    await bind('ONAPPUNINSTALL', '/uninstall');
    await control(emulator(), 'POST', '/application/uninstall');

    const [event] = await received();
    expect(event?.event).toBe('ONAPPUNINSTALL');
    expect(event?.auth.application_token).toBe(app.applicationToken);
    expect(event?.auth).not.toHaveProperty('access_token');
    expect(event?.auth).not.toHaveProperty('refresh_token');
  });
});
