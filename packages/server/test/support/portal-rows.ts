import type { DealRow, UserFieldRow } from '../../src/domain/index.js';

/**
 * Small factories for rows shaped like the real portal's (PRODUCT.md): labels with the
 * real texts and noise, the real codes for the house fields, enumeration ids like "2468".
 */

export const TYPE_TEXTS = {
  fullWet:
    'Влажная уборка лестничных площадок всех этажей и лифта (при наличии); ' +
    'Профилактическая дезинфекция МОП;',
  sweeping:
    'Подметание лестничных площадок и маршей всех этажей, влажная уборка 1 этажа и лифта ' +
    '(при наличии); Профилактическая дезинфекция МОП;',
  firstFloor: 'Влажная уборка 1 этажа и лифта (при наличии); Профилактическая дезинфекция МОП;',
};

export const TYPE_LIST = [
  { ID: '2468', VALUE: TYPE_TEXTS.fullWet, SORT: '10', DEF: 'N', XML_ID: 'a' },
  { ID: '2470', VALUE: TYPE_TEXTS.sweeping, SORT: '20', DEF: 'N', XML_ID: 'b' },
  { ID: '2472', VALUE: TYPE_TEXTS.firstFloor, SORT: '30', DEF: 'N', XML_ID: 'c' },
];

let nextId = 100;

/** A user field with its label in the `{ru, en}` form (no LANG filter). */
export function userField(
  code: string,
  label: string,
  extra: Partial<UserFieldRow> = {},
): UserFieldRow {
  nextId += 1;
  return {
    ID: String(nextId),
    FIELD_NAME: code,
    USER_TYPE_ID: 'string',
    MULTIPLE: 'N',
    EDIT_FORM_LABEL: { ru: label, en: '' },
    LIST_COLUMN_LABEL: { ru: label, en: '' },
    LIST_FILTER_LABEL: { ru: label, en: '' },
    ...extra,
  };
}

export function dateField(code: string, label: string): UserFieldRow {
  return userField(code, label, { USER_TYPE_ID: 'datetime', MULTIPLE: 'Y' });
}

export function typeField(code: string, label: string): UserFieldRow {
  return userField(code, label, { USER_TYPE_ID: 'enumeration', LIST: TYPE_LIST });
}

/** The house fields of the real portal, and September and October 2025 schedules. */
export function realPortalFields(): UserFieldRow[] {
  return [
    userField('UF_CRM_1669561599956', 'Адрес многоквартирного дома | Уборка подъездов', {
      USER_TYPE_ID: 'address',
    }),
    userField('UF_CRM_1669704529022', 'Количество квартир | Уборка подъездов'),
    userField('UF_CRM_1669704631166', 'Количество этажей | Уборка подъездов'),
    userField('UF_CRM_1669705507390', 'Количество подъездов | Уборка подъездов'),
    userField('UF_CRM_1669706387893', 'Тариф / периодичность | Уборка подъездов'),
    userField('UF_CRM_1670000000001', 'Общая площадь жилых помещений м2'),
    userField('UF_CRM_1670000000002', 'Дата начала обслуживания', { USER_TYPE_ID: 'date' }),
    userField('UF_CRM_1670000000003', '№ Договора (для актов выполненных работ тело)'),
    userField('UF_CRM_1670000000004', 'Генеральная уборка', {
      USER_TYPE_ID: 'enumeration',
      MULTIPLE: 'Y',
      LIST: [
        { ID: '3001', VALUE: 'Мытьё стен', SORT: '10', DEF: 'N', XML_ID: 'w' },
        { ID: '3002', VALUE: 'Мытьё окон', SORT: '20', DEF: 'N', XML_ID: 'o' },
      ],
    }),
    userField('UF_CRM_1670000000005', 'Дата генеральной', { USER_TYPE_ID: 'date' }),
    dateField('UF_CRM_1700000000101', 'Дата уборки 1 | Сентябрь 2025'),
    typeField('UF_CRM_1700000000102', 'Тип уборки 1 | Сентябрь 2025'),
    dateField('UF_CRM_1700000000103', 'Дата уборки 2 | Сентябрь 2025'),
    typeField('UF_CRM_1700000000104', 'Тип уборки 2 | Сентябрь 2025'),
    dateField('UF_CRM_1700000000201', 'Дата уборки1| Октябрь 2025'),
    typeField('UF_CRM_1700000000202', 'Тип уборки 1 |Октябрь 2025'),
    dateField('UF_CRM_1700000000203', 'дата  уборки 2 | октябрь 2025'),
    typeField('UF_CRM_1700000000204', 'Тип уборки 2 | Октябрь 2025'),
  ];
}

/** A house deal of pipeline 34 with a full September schedule: 2 full wet + 2 sweepings. */
export function houseDeal(overrides: Partial<DealRow> = {}): DealRow {
  return {
    ID: '5001',
    TITLE: 'Аллейная 6',
    CATEGORY_ID: '34',
    STAGE_ID: 'C34:NEW',
    COMPANY_ID: '77',
    CONTACT_ID: '88',
    ASSIGNED_BY_ID: '12',
    DATE_MODIFY: '2025-09-01T12:00:00+03:00',
    UF_CRM_1669561599956:
      'Аллейная улица, 6, Калуга, Калужская область, Россия, 248009|54.52609;36.31364|8212',
    UF_CRM_1669704529022: '60',
    UF_CRM_1669704631166: '5',
    UF_CRM_1669705507390: '4',
    UF_CRM_1669706387893: '3 // 125',
    UF_CRM_1670000000001: '3512,7',
    UF_CRM_1670000000002: '2025-09-01',
    UF_CRM_1670000000003: '№ 34/25 от 01.09.2025 г.',
    UF_CRM_1670000000004: ['3001', '3002'],
    UF_CRM_1670000000005: '2025-10-20',
    UF_CRM_1700000000101: ['2025-09-02T03:00:00+03:00', '2025-09-16T03:00:00+03:00'],
    UF_CRM_1700000000102: '2468',
    UF_CRM_1700000000103: ['2025-09-09T03:00:00+03:00', '2025-09-23T03:00:00+03:00'],
    UF_CRM_1700000000104: '2470',
    UF_CRM_1700000000201: [],
    UF_CRM_1700000000202: false,
    UF_CRM_1700000000203: false,
    UF_CRM_1700000000204: false,
    ...overrides,
  };
}
