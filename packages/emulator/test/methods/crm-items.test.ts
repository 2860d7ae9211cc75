import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APARTMENTS_FIELD } from '../fixtures/small-portal.js';
import { callRest, control, useEmulator } from '../support/emulator-harness.js';
import { type HookReceiver, startHookReceiver } from '../support/hook-receiver.js';

type Item = Record<string, unknown>;

// Docs: api-reference/crm/universal/crm-item-update.md, crm-item-get.md; moving a deal
// between pipelines: api-reference/crm/deals/crm-deal-update.md (STAGE_ID: "use
// crm.item.update with entityTypeId 2").
describe('CRM items: moving a deal to another pipeline', () => {
  const emulator = useEmulator();
  const call = (method: string, params: object = {}) =>
    callRest(emulator().webhookUrl, method, params);
  const update = async (id: number, fields: object) =>
    call('crm.item.update', { entityTypeId: 2, id, fields });
  const deal = async (id: number) => (await call('crm.deal.get', { id })).body.result as Item;

  let receiver: HookReceiver;
  beforeAll(async () => {
    receiver = await startHookReceiver();
  });
  afterAll(async () => receiver.close());

  it('moves a house to the general pipeline, its first stage (crm-item-update.md)', async () => {
    const reply = await update(2, { categoryId: 0 });

    expect(reply.status).toBe(200);
    const item = (reply.body.result as { item: Item }).item;
    expect(item).toMatchObject({ id: 2, categoryId: 0, stageId: 'NEW', entityTypeId: 2 });
    expect(await deal(2)).toMatchObject({ CATEGORY_ID: '0', STAGE_ID: 'NEW', CLOSED: 'N' });

    const houses = await call('crm.deal.list', { filter: { CATEGORY_ID: 34, ID: 2 } });
    expect(houses.body.result).toEqual([]);
  });

  it('takes a stage of the new pipeline and refuses one of another', async () => {
    const won = await update(3, { categoryId: 34, stageId: 'C34:LOSE' });
    expect((won.body.result as { item: Item }).item).toMatchObject({
      categoryId: 34,
      stageId: 'C34:LOSE',
      stageSemanticId: 'F',
      closed: 'Y',
    });

    const wrongStage = await update(4, { categoryId: 0, stageId: 'C34:NEW' });
    expect(wrongStage.status).toBe(400);
    expect(wrongStage.body.error).toBe('CRM_FIELD_ERROR_VALUE_NOT_VALID');
    const unknownPipeline = await update(4, { categoryId: 77 });
    expect(unknownPipeline.body.error).toBe('CRM_FIELD_ERROR_VALUE_NOT_VALID');
    expect(await deal(4)).toMatchObject({ CATEGORY_ID: '34', STAGE_ID: 'C34:NEW' });
  });

  it('fires ONCRMDEALUPDATE for the move, as for any deal change', async () => {
    await control(emulator(), 'POST', '/outgoing-webhooks', {
      event: 'ONCRMDEALUPDATE',
      handler: `${receiver.url}/deal-update`,
    });
    receiver.calls.length = 0;

    await update(5, { categoryId: 0 });
    await emulator().portal.events.idle();

    const form = receiver.calls.find((received) => received.path === '/deal-update')?.form as {
      event: string;
      data: { FIELDS: { ID: string } };
    };
    expect(form).toMatchObject({ event: 'ONCRMDEALUPDATE', data: { FIELDS: { ID: '5' } } });
  });

  it('answers items in camelCase with numbers and ufCrm_ names (crm-item-get.md)', async () => {
    const reply = await call('crm.item.get', { entityTypeId: 2, id: 7 });
    const item = (reply.body.result as { item: Item }).item;

    expect(item).toMatchObject({
      id: 7,
      title: 'Дом 7',
      categoryId: 34,
      stageId: 'C34:NEW',
      opportunity: 700,
      assignedById: 4,
      createdBy: 1,
      updatedBy: 1,
      currencyId: 'RUB',
      [`ufCrm_${APARTMENTS_FIELD.slice('UF_CRM_'.length)}`]: 27,
    });
    expect(item.updatedTime).toBe('2025-10-08T10:00:00+03:00');

    const original = await call('crm.item.get', {
      entityTypeId: 2,
      id: 7,
      useOriginalUfNames: 'Y',
    });
    expect((original.body.result as { item: Item }).item).toHaveProperty(APARTMENTS_FIELD, 27);
  });

  it('updates item fields by their camelCase names and ignores unknown ones', async () => {
    const apartments = `ufCrm_${APARTMENTS_FIELD.slice('UF_CRM_'.length)}`;
    await update(8, { title: 'Дом 8, корпус 2', [apartments]: 64, noSuchField: 1 });

    expect(await deal(8)).toMatchObject({ TITLE: 'Дом 8, корпус 2', [APARTMENTS_FIELD]: '64' });
  });

  it('answers NOT_FOUND for an unknown type or item', async () => {
    const type = await call('crm.item.get', { entityTypeId: 1038, id: 1 });
    expect(type).toMatchObject({
      status: 400,
      body: { error: 'NOT_FOUND', error_description: 'Smart process not found' },
    });
    const item = await update(999, { title: 'x' });
    expect(item).toMatchObject({
      status: 400,
      body: { error: 'NOT_FOUND', error_description: 'Element not found' },
    });
  });

  it('lets a person move a deal through the control API', async () => {
    const moved = await control(emulator(), 'PATCH', '/deals/10', {
      fields: { CATEGORY_ID: 0 },
    });
    expect(moved.status).toBe(200);
    expect(await deal(10)).toMatchObject({ CATEGORY_ID: '0', STAGE_ID: 'NEW' });

    const refused = await control(emulator(), 'PATCH', '/deals/11', {
      fields: { STAGE_ID: 'WON' },
    });
    expect(refused.status).toBe(400);
  });
});
