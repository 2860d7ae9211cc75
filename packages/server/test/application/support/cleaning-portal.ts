import type {
  PortalSnapshot,
  SnapshotDeal,
  SnapshotUser,
  SnapshotUserField,
} from '@audiobot/emulator';

/**
 * A small portal of the cleaning company for these tests, independent of the demo
 * generator: the real labels of the house fields, one month of schedule, two brigades
 * under «Вас дом» (heads 2 and 3, members 4 and 5), an admin (1), an office user (6),
 * a dismissed one (7); `houses` deals in pipeline 34 and every fourth deal elsewhere.
 */
export const MONTH = '2026-12';
export const FIELDS = {
  address: 'UF_CRM_1669561599956',
  apartments: 'UF_CRM_1669704529022',
  floors: 'UF_CRM_1669704631166',
  entrances: 'UF_CRM_1669705507390',
  tariff: 'UF_CRM_1669706387893',
  dates: 'UF_CRM_1764000000001',
  type: 'UF_CRM_1764000000002',
} as const;

function user(id: number, name: string, department: number, extra: Partial<SnapshotUser> = {}) {
  return {
    ID: String(id),
    ACTIVE: true,
    NAME: name,
    LAST_NAME: `Тестов${id}`,
    SECOND_NAME: '',
    EMAIL: `user${id}@vas-dom.test`,
    PERSONAL_MOBILE: `+7910000000${id}`,
    WORK_PHONE: '',
    WORK_POSITION: 'Уборщица',
    UF_DEPARTMENT: [department],
    IS_ADMIN: false,
    DATE_REGISTER: '2024-01-10T10:00:00+03:00',
    TIME_ZONE: 'Europe/Moscow',
    ...extra,
  } satisfies SnapshotUser;
}

function userField(
  id: number,
  code: string,
  type: SnapshotUserField['USER_TYPE_ID'],
  label: string,
  extra: Partial<SnapshotUserField> = {},
): SnapshotUserField {
  const labels = { ru: label, en: '' };
  return {
    ID: String(id),
    ENTITY_ID: 'CRM_DEAL',
    FIELD_NAME: code,
    USER_TYPE_ID: type,
    XML_ID: null,
    SORT: String(100 + id),
    MULTIPLE: 'N',
    MANDATORY: 'N',
    EDIT_FORM_LABEL: labels,
    LIST_COLUMN_LABEL: labels,
    LIST_FILTER_LABEL: labels,
    ...extra,
  };
}

const RESPONSIBLE = ['2', '4', '3', '5'];

function deal(id: number): SnapshotDeal {
  const house = id % 4 !== 0;
  const day = String((id % 27) + 1).padStart(2, '0');
  return {
    ID: String(id),
    TITLE: house ? `Дом ${id}` : `Частная уборка ${id}`,
    CATEGORY_ID: house ? '34' : '0',
    STAGE_ID: house ? 'C34:NEW' : 'NEW',
    STAGE_SEMANTIC_ID: 'P',
    COMPANY_ID: String((id % 3) + 1),
    CONTACT_ID: String((id % 3) + 1),
    ASSIGNED_BY_ID: RESPONSIBLE[id % 4] as string,
    CREATED_BY_ID: '1',
    MODIFY_BY_ID: '1',
    OPPORTUNITY: '0',
    CURRENCY_ID: 'RUB',
    OPENED: 'Y',
    CLOSED: 'N',
    COMMENTS: null,
    BEGINDATE: '2026-01-01T03:00:00+03:00',
    CLOSEDATE: '2026-12-31T03:00:00+03:00',
    DATE_CREATE: '2026-01-10T10:00:00+03:00',
    DATE_MODIFY: '2026-11-10T10:00:00+03:00',
    [FIELDS.address]:
      `Аллейная улица, ${id}, Калуга, Калужская область, Россия, 248009` +
      `|54.5${id % 10};36.3${id % 7}|${8000 + id}`,
    [FIELDS.apartments]: String(20 + id),
    [FIELDS.floors]: '5',
    [FIELDS.entrances]: String((id % 4) + 1),
    [FIELDS.tariff]: '3 // 125',
    [FIELDS.dates]: [`${MONTH}-${day}T03:00:00+03:00`],
    [FIELDS.type]: id % 2 === 0 ? '2468' : '2470',
  };
}

export function cleaningPortal(options: { deals?: number } = {}): PortalSnapshot {
  return {
    version: 1,
    portal: {
      domain: 'vas-dom.bitrix24.ru',
      memberId: 'a223c6b3710f85df22e9377d6c4f7553',
      plan: 'standard',
      timeZone: 'Europe/Moscow',
      now: `${MONTH}-03T09:00:00.000Z`,
    },
    users: [
      user(1, 'Админ', 1, { IS_ADMIN: true, WORK_POSITION: 'Директор' }),
      user(2, 'Пётр', 2, { WORK_POSITION: 'Бригадир' }),
      user(3, 'Анна', 3, { WORK_POSITION: 'Бригадир' }),
      user(4, 'Олег', 2),
      user(5, 'Ирина', 3),
      user(6, 'Ольга', 1, { WORK_POSITION: 'Офис-менеджер' }),
      user(7, 'Уволенный', 2, { ACTIVE: false }),
    ],
    departments: [
      { ID: '1', NAME: 'Вас дом', SORT: 500, UF_HEAD: '1' },
      { ID: '2', NAME: 'Бригада 1', SORT: 500, PARENT: '1', UF_HEAD: '2' },
      { ID: '3', NAME: 'Бригада 2', SORT: 510, PARENT: '1', UF_HEAD: '3' },
    ],
    categories: [
      { id: 0, name: 'Общая', sort: 100, entityTypeId: 2, isDefault: 'Y' },
      { id: 34, name: 'Уборка подъездов', sort: 200, entityTypeId: 2, isDefault: 'N' },
    ],
    statuses: [
      status('1', 'DEAL_STAGE', 'NEW', 'Новая', '0'),
      status('3', 'DEAL_STAGE_34', 'C34:NEW', 'Договор', '34'),
    ],
    dealUserFields: [
      userField(1, FIELDS.address, 'address', 'Адрес многоквартирного дома | Уборка подъездов'),
      userField(2, FIELDS.apartments, 'double', 'Количество квартир | Уборка подъездов'),
      userField(3, FIELDS.floors, 'double', 'Количество этажей | Уборка подъездов'),
      userField(4, FIELDS.entrances, 'double', 'Количество подъездов | Уборка подъездов'),
      userField(5, FIELDS.tariff, 'string', 'Тариф / периодичность | Уборка подъездов'),
      userField(6, FIELDS.dates, 'datetime', 'Дата уборки 1 | Декабрь 2026', { MULTIPLE: 'Y' }),
      userField(7, FIELDS.type, 'enumeration', 'Тип уборки 1 | Декабрь 2026', {
        LIST: [
          enumerationItem('2468', 'Влажная уборка лестничных площадок всех этажей и лифта'),
          enumerationItem('2470', 'Подметание лестничных площадок и маршей всех этажей'),
        ],
      }),
    ],
    deals: Array.from({ length: options.deals ?? 24 }, (_, index) => deal(index + 1)),
    companies: [1, 2, 3].map((id) => ({
      ID: String(id),
      TITLE: `УК Калуга ${id}`,
      COMPANY_TYPE: 'CUSTOMER',
      ASSIGNED_BY_ID: '1',
      ADDRESS: null,
      PHONE: [
        { ID: String(id * 10), VALUE_TYPE: 'WORK', VALUE: `+7484200000${id}`, TYPE_ID: 'PHONE' },
      ],
      DATE_CREATE: '2024-01-10T10:00:00+03:00',
      DATE_MODIFY: '2024-01-10T10:00:00+03:00',
    })),
    contacts: [1, 2, 3].map((id) => ({
      ID: String(id),
      NAME: `Мария${id}`,
      LAST_NAME: 'Петрова',
      SECOND_NAME: '',
      POST: 'Старшая по дому',
      COMPANY_ID: null,
      ASSIGNED_BY_ID: '1',
      PHONE: [
        {
          ID: String(id * 10 + 1),
          VALUE_TYPE: 'MOBILE',
          VALUE: `+7910555000${id}`,
          TYPE_ID: 'PHONE',
        },
      ],
      DATE_CREATE: '2024-01-10T10:00:00+03:00',
      DATE_MODIFY: '2024-01-10T10:00:00+03:00',
    })),
    webhooks: [],
    applications: [
      {
        clientId: 'local.6537665f598492.98090704',
        clientSecret: 'CleaningPortalAppSecret0123456789abcdefghijklmnopq',
        scopes: ['crm', 'user', 'department', 'task', 'calendar', 'im', 'placement'],
        appUrl: '',
        installUrl: '',
      },
    ],
  };
}

function status(id: string, entity: string, statusId: string, name: string, category: string) {
  return {
    ID: id,
    ENTITY_ID: entity,
    STATUS_ID: statusId,
    NAME: name,
    SORT: '10',
    SYSTEM: 'Y' as const,
    CATEGORY_ID: category,
    SEMANTICS: null,
  };
}

function enumerationItem(id: string, value: string) {
  return { ID: id, VALUE: value, SORT: '10', DEF: 'N' as const, XML_ID: `x${id}` };
}
