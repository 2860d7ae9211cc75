import { describe, expect, it } from 'vitest';
import { TYPE_FIELD } from '../fixtures/small-portal.js';
import { callRest, useEmulator } from '../support/emulator-harness.js';

type Row = Record<string, unknown>;

// Docs: api-reference/crm/deals/user-defined-fields/crm-deal-userfield-list.md,
// api-reference/crm/universal/category/crm-category-list.md,
// api-reference/crm/status/crm-status-list.md.
describe('CRM catalogues', () => {
  const emulator = useEmulator();
  const call = (method: string, params: object = {}) =>
    callRest(emulator().webhookUrl, method, params);

  it('gives user field labels only for a LANG filter (crm-deal-userfield-list.md)', async () => {
    const plain = await call('crm.deal.userfield.list');
    const rows = plain.body.result as Row[];
    expect(plain.body.total).toBe(4);
    expect(rows[0]).not.toHaveProperty('EDIT_FORM_LABEL');

    const russian = await call('crm.deal.userfield.list', { filter: { LANG: 'ru' } });
    const typeField = (russian.body.result as Row[]).find((row) => row.FIELD_NAME === TYPE_FIELD);
    expect(typeField).toMatchObject({
      USER_TYPE_ID: 'enumeration',
      MULTIPLE: 'N',
      EDIT_FORM_LABEL: 'Тип уборки 1 | Сентябрь 2025',
      LIST_COLUMN_LABEL: 'Тип уборки 1 | Сентябрь 2025',
    });
    expect((typeField?.LIST as Row[] | undefined)?.[0]).toEqual({
      ID: '2468',
      VALUE: 'Влажная уборка лестничных площадок всех этажей',
      SORT: '10',
      DEF: 'N',
      XML_ID: 'a1',
    });
  });

  it('filters user fields by type', async () => {
    const reply = await call('crm.deal.userfield.list', { filter: { USER_TYPE_ID: 'datetime' } });
    expect((reply.body.result as Row[]).map((row) => row.MULTIPLE)).toEqual(['Y']);
  });

  it('answers crm.category.list with {categories} (crm-category-list.md)', async () => {
    const reply = await call('crm.category.list', { entityTypeId: 2 });
    const { categories } = reply.body.result as { categories: Row[] };
    expect(categories.map((category) => [category.id, category.name])).toEqual([
      [0, 'Общая'],
      [34, 'Уборка подъездов'],
    ]);
    expect(reply.body.total).toBe(2);
  });

  it('answers crm.status.list for one pipeline, sorted by SORT (crm-status-list.md)', async () => {
    const reply = await call('crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE_34' } });
    expect((reply.body.result as Row[]).map((row) => row.STATUS_ID)).toEqual([
      'C34:NEW',
      'C34:UC_PG9Y90',
      'C34:LOSE',
    ]);
  });
});
