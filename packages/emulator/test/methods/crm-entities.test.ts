import { describe, expect, it } from 'vitest';
import { APARTMENTS_FIELD, DATES_FIELD } from '../fixtures/small-portal.js';
import { callRest, useEmulator } from '../support/emulator-harness.js';

type Row = Record<string, unknown>;

// Docs: api-reference/crm/deals/crm-deal-add.md, crm-deal-update.md, crm-deal-get.md,
// crm-deal-delete.md, crm-deal-fields.md; crm/companies/*; crm/contacts/*;
// crm/timeline/comments/crm-timeline-comment-add.md, crm-timeline-comment-list.md.
describe('CRM rows', () => {
  const emulator = useEmulator();
  const call = (method: string, params: object = {}) =>
    callRest(emulator().webhookUrl, method, params);

  it('adds a deal: answers the new id, stores numbers as strings (crm-deal-add.md)', async () => {
    const added = await call('crm.deal.add', {
      fields: {
        TITLE: 'Новый дом',
        CATEGORY_ID: 34,
        [APARTMENTS_FIELD]: 48,
        [DATES_FIELD]: ['2025-09-20T03:00:00+03:00'],
      },
    });
    expect(added.body.result).toBe(121);

    const deal = (await call('crm.deal.get', { id: 121 })).body.result as Row;
    expect(deal).toMatchObject({
      ID: '121',
      TITLE: 'Новый дом',
      CATEGORY_ID: '34',
      STAGE_ID: 'C34:NEW',
      STAGE_SEMANTIC_ID: 'P',
      [APARTMENTS_FIELD]: '48',
      [DATES_FIELD]: ['2025-09-20T03:00:00+03:00'],
      CREATED_BY_ID: '1',
    });
    expect(deal.DATE_CREATE).toMatch(/^2025-09-15T\d{2}:\d{2}:\d{2}\+03:00$/);
  });

  it('updates a deal, keeps its pipeline, follows its stage (crm-deal-update.md)', async () => {
    const updated = await call('crm.deal.update', {
      id: 2,
      fields: { STAGE_ID: 'C34:LOSE', CATEGORY_ID: 0 },
    });
    expect(updated.body.result).toBe(true);

    const deal = (await call('crm.deal.get', { id: 2 })).body.result as Row;
    expect(deal).toMatchObject({
      STAGE_ID: 'C34:LOSE',
      CATEGORY_ID: '34',
      STAGE_SEMANTIC_ID: 'F',
      CLOSED: 'Y',
    });
    expect((await call('crm.deal.update', { id: 999, fields: { TITLE: 'x' } })).body).toEqual({
      error: '',
      error_description: 'Not found',
    });
  });

  it('deletes a deal (crm-deal-delete.md)', async () => {
    expect((await call('crm.deal.delete', { id: 3 })).body.result).toBe(true);
    expect((await call('crm.deal.get', { id: 3 })).status).toBe(400);
    expect((await call('crm.deal.list', { select: ['ID'] })).body.total).toBe(119);
  });

  it('answers crm.deal.get with an ID error when the id is missing', async () => {
    const reply = await call('crm.deal.get', {});
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: '', error_description: 'ID is not defined or invalid.' });
  });

  it('describes standard and user fields in crm.deal.fields (crm-deal-fields.md)', async () => {
    const fields = (await call('crm.deal.fields')).body.result as Record<string, Row>;
    expect(fields.ID).toMatchObject({ type: 'integer', isReadOnly: true, isDynamic: false });
    expect(fields[DATES_FIELD]).toMatchObject({
      type: 'datetime',
      isMultiple: true,
      isDynamic: true,
      formLabel: 'Дата уборки 1 | Сентябрь 2025',
    });
  });

  it('answers companies and contacts; PHONE in lists only when selected', async () => {
    const listed = (await call('crm.company.list', { filter: { ID: 1 } })).body.result as Row[];
    expect(listed[0]).toMatchObject({ ID: '1', TITLE: 'УК Калуга 1' });
    expect(listed[0]).not.toHaveProperty('PHONE');

    const withPhone = (
      await call('crm.company.list', { filter: { ID: 1 }, select: ['ID', 'PHONE'] })
    ).body.result as Row[];
    expect(withPhone[0]?.PHONE).toEqual([
      { ID: '10', VALUE_TYPE: 'WORK', VALUE: '+74842000001', TYPE_ID: 'PHONE' },
    ]);

    const contact = (await call('crm.contact.get', { id: 2 })).body.result as Row;
    expect(contact).toMatchObject({ ID: '2', NAME: 'Мария2', POST: 'Старшая по дому' });
    expect(contact.PHONE).toHaveLength(1);
    expect((await call('crm.contact.list', { filter: { '@ID': [1, 3] } })).body.total).toBe(2);
  });

  it('adds and lists timeline comments (crm-timeline-comment-add.md, -list.md)', async () => {
    const added = await call('crm.timeline.comment.add', {
      fields: { ENTITY_ID: 5, ENTITY_TYPE: 'deal', COMMENT: 'Уборка выполнена' },
    });
    expect(added.body.result).toBe(1);

    const listed = await call('crm.timeline.comment.list', {
      filter: { ENTITY_ID: 5, ENTITY_TYPE: 'deal' },
    });
    expect(listed.body.result).toEqual([
      expect.objectContaining({
        ID: '1',
        ENTITY_ID: '5',
        ENTITY_TYPE: 'deal',
        COMMENT: 'Уборка выполнена',
        AUTHOR_ID: '1',
      }),
    ]);
    expect(
      (
        await call('crm.timeline.comment.add', {
          fields: { ENTITY_ID: 999, ENTITY_TYPE: 'deal', COMMENT: 'x' },
        })
      ).status,
    ).toBe(400);
  });
});
