import { describe, expect, it } from 'vitest';
import {
  discoverFields,
  findHousesPipeline,
  parseMappingOverride,
  type UserFieldRow,
} from '../../src/domain/index.js';
import { dateField, realPortalFields, typeField, userField } from '../support/portal-rows.js';

describe('discoverFields', () => {
  it('places every house field of the real portal by its label', () => {
    const mapping = discoverFields(realPortalFields());

    expect(
      Object.fromEntries(Object.entries(mapping.roles).map(([role, f]) => [role, f.field])),
    ).toEqual({
      address: 'UF_CRM_1669561599956',
      apartments: 'UF_CRM_1669704529022',
      floors: 'UF_CRM_1669704631166',
      entrances: 'UF_CRM_1669705507390',
      tariff: 'UF_CRM_1669706387893',
      area: 'UF_CRM_1670000000001',
      serviceStart: 'UF_CRM_1670000000002',
      contract: 'UF_CRM_1670000000003',
      generalCleaning: 'UF_CRM_1670000000004',
      generalCleaningDate: 'UF_CRM_1670000000005',
    });
    expect(mapping.missing).toEqual([]);
    expect(mapping.unplaced).toEqual([]);
  });

  it('finds both slots of every month despite the label noise', () => {
    const mapping = discoverFields(realPortalFields());

    expect(
      mapping.schedule.map((slot) => [slot.month, slot.slot, slot.date?.field, slot.type?.field]),
    ).toEqual([
      ['2025-09', 1, 'UF_CRM_1700000000101', 'UF_CRM_1700000000102'],
      ['2025-09', 2, 'UF_CRM_1700000000103', 'UF_CRM_1700000000104'],
      ['2025-10', 1, 'UF_CRM_1700000000201', 'UF_CRM_1700000000202'],
      ['2025-10', 2, 'UF_CRM_1700000000203', 'UF_CRM_1700000000204'],
    ]);
  });

  it('reads labels sent as strings with the LANG filter, and list labels only', () => {
    const rows: UserFieldRow[] = [
      { FIELD_NAME: 'UF_CRM_1', EDIT_FORM_LABEL: 'ДАТА УБОРКИ 2 | МАЙ 2025' },
      { FIELD_NAME: 'UF_CRM_2', EDIT_FORM_LABEL: '', LIST_COLUMN_LABEL: 'Тип уборки 2|май 2025' },
      { FIELD_NAME: 'UF_CRM_3', EDIT_FORM_LABEL: { en: 'Number of entrances', ru: '' } },
    ];

    const mapping = discoverFields(rows);

    expect(mapping.schedule).toEqual([
      {
        month: '2025-05',
        slot: 2,
        date: { field: 'UF_CRM_1', label: 'ДАТА УБОРКИ 2 | МАЙ 2025', source: 'label' },
        type: { field: 'UF_CRM_2', label: 'Тип уборки 2|май 2025', source: 'label' },
      },
    ]);
    expect(mapping.unplaced).toEqual([
      { field: 'UF_CRM_3', label: 'Number of entrances', reason: 'unrecognised' },
    ]);
  });

  it('reads «№» before the slot, «вид» for «тип», and a month tail on a role', () => {
    const rows = [
      dateField('UF_CRM_1', 'Дата уборки №1 | Май 2025'),
      typeField('UF_CRM_2', 'Вид уборки 1 | Май 2025'),
      userField('UF_CRM_3', 'Дата генеральной | Май 2025', { USER_TYPE_ID: 'date' }),
      userField('UF_CRM_4', 'Генеральная уборка (виды работ)', { USER_TYPE_ID: 'enumeration' }),
    ];

    const mapping = discoverFields(rows);

    expect(mapping.schedule).toMatchObject([
      { month: '2025-05', slot: 1, date: { field: 'UF_CRM_1' }, type: { field: 'UF_CRM_2' } },
    ]);
    expect(mapping.roles.generalCleaningDate?.field).toBe('UF_CRM_3');
    expect(mapping.roles.generalCleaning?.field).toBe('UF_CRM_4');
  });

  it('reports a duplicate label and keeps the field the deals fill, else the older one', () => {
    const older = dateField('UF_CRM_A', 'Дата уборки 1 | Сентябрь 2025');
    const newer = dateField('UF_CRM_B', 'Дата уборки 1 | Сентябрь 2025');
    const rows = [newer, older, typeField('UF_CRM_C', 'Тип уборки 1 | Сентябрь 2025')];

    const byAge = discoverFields(rows);
    const byValues = discoverFields(rows, { valueCounts: { UF_CRM_B: 400, UF_CRM_A: 3 } });

    expect(byAge.schedule[0]?.date?.field).toBe('UF_CRM_A');
    expect(byAge.unplaced).toEqual([
      {
        field: 'UF_CRM_B',
        label: 'Дата уборки 1 | Сентябрь 2025',
        reason: 'duplicate',
        chosen: 'UF_CRM_A',
      },
    ]);
    expect(byValues.schedule[0]?.date?.field).toBe('UF_CRM_B');
  });

  it('reports a schedule field without a month and unrelated fields', () => {
    const rows = [
      dateField('UF_CRM_X', 'Дата уборки 1'),
      userField('UF_CRM_Y', 'Комментарий бригадира'),
    ];

    expect(discoverFields(rows).unplaced).toEqual([
      { field: 'UF_CRM_X', label: 'Дата уборки 1', reason: 'no_month' },
      { field: 'UF_CRM_Y', label: 'Комментарий бригадира', reason: 'unrecognised' },
    ]);
  });

  it('leaves the fields of other pipelines alone', () => {
    const rows = [
      ...realPortalFields(),
      userField('UF_CRM_1684321881807', 'Адрес квартиры | Частная уборка'),
      userField('UF_CRM_1684323904340', 'Площадь квартиры | Частная уборка'),
    ];

    const mapping = discoverFields(rows);

    expect(mapping.roles.address?.field).toBe('UF_CRM_1669561599956');
    expect(mapping.unplaced.map((entry) => [entry.field, entry.reason])).toEqual([
      ['UF_CRM_1684321881807', 'other_pipeline'],
      ['UF_CRM_1684323904340', 'other_pipeline'],
    ]);
    expect(discoverFields(rows, { pipelineName: 'Частная уборка' }).roles.address?.field).toBe(
      'UF_CRM_1684321881807',
    );
  });

  it('lists the roles it found no field for', () => {
    expect(discoverFields([]).missing).toContain('address');
  });

  it('lets a mapping override win over the labels', () => {
    const rows = [
      ...realPortalFields(),
      userField('UF_CRM_9000', 'Адрес (новый)'),
      dateField('UF_CRM_9001', 'Старое поле дат'),
    ];
    const parsed = parseMappingOverride({
      address: 'UF_CRM_9000',
      schedule: { '2025-09': { '1': { date: 'UF_CRM_9001' } } },
      floors: 'UF_CRM_404',
    });
    if (!('override' in parsed)) throw new Error(parsed.problems.join());

    const mapping = discoverFields(rows, { override: parsed.override });

    expect(mapping.roles.address).toEqual({
      field: 'UF_CRM_9000',
      label: 'Адрес (новый)',
      source: 'override',
    });
    expect(mapping.schedule[0]?.date?.field).toBe('UF_CRM_9001');
    expect(mapping.roles.floors?.field).toBe('UF_CRM_1669704631166');
    expect(mapping.unplaced).toEqual([
      expect.objectContaining({ field: 'UF_CRM_1669561599956', reason: 'overridden' }),
      expect.objectContaining({ field: 'UF_CRM_1700000000101', reason: 'overridden' }),
      { field: 'UF_CRM_404', label: '', reason: 'override_unknown_field' },
    ]);
  });
});

describe('parseMappingOverride', () => {
  it('names every bad key', () => {
    const parsed = parseMappingOverride({
      address: 'ADDRESS',
      schedule: { '2025-13': {} },
      colour: 'UF_CRM_1',
    });

    expect('problems' in parsed && parsed.problems).toEqual([
      'schedule.2025-13: months are YYYY-MM',
      'address: must be a field code like UF_CRM_1669561599956',
      ": Unrecognized key(s) in object: 'colour'",
    ]);
  });
});

describe('findHousesPipeline', () => {
  const pipelines = [
    { id: 0, name: 'Общая' },
    { id: '12', name: 'Частная уборка' },
    { id: 34, name: 'уборка  ПОДЪЕЗДОВ ' },
  ];

  it('finds the houses pipeline by name, ignoring case and spaces', () => {
    expect(findHousesPipeline(pipelines)).toEqual({ id: 34, name: 'уборка  ПОДЪЕЗДОВ ' });
  });

  it('takes an id or another name from the mapping file, and says null when absent', () => {
    expect(findHousesPipeline(pipelines, 12)?.name).toBe('Частная уборка');
    expect(findHousesPipeline(pipelines, 'Частная уборка')?.id).toBe(12);
    expect(findHousesPipeline([{ id: 1, name: 'Продажи' }])).toBeNull();
  });
});
