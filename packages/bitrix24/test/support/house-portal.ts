import type {
  PortalSnapshot,
  SnapshotContact,
  SnapshotDeal,
  SnapshotUser,
} from '@audiobot/emulator';

/**
 * A portal shaped like the customer's for the client's tests, independent of the demo
 * generator: `houses` deals in pipeline 34 with every fourth id taken by a deal of another
 * pipeline (so the houses' ids have gaps, as on the real portal), `users` users in six
 * brigades, `companies` management companies, a senior resident on most houses.
 */
export interface HousePortalOptions {
  houses?: number;
  users?: number;
  companies?: number;
}

const stamp = '2026-01-15T10:00:00+03:00';

export function housePortal(options: HousePortalOptions = {}): PortalSnapshot {
  const houses = options.houses ?? 490;
  const companies = options.companies ?? 40;
  const users = options.users ?? 82;

  return {
    version: 1,
    portal: {
      domain: 'vas-dom.bitrix24.ru',
      memberId: 'b223c6b3710f85df22e9377d6c4f7554',
      plan: 'standard',
      timeZone: 'Europe/Moscow',
      now: '2026-03-10T06:00:00.000Z',
    },
    users: Array.from({ length: users }, (_, index) => user(index + 1)),
    departments: [
      { ID: '1', NAME: 'Вас дом', SORT: 100, UF_HEAD: '1' },
      ...Array.from({ length: 6 }, (_, index) => ({
        ID: String(index + 2),
        NAME: `Бригада ${index + 1}`,
        SORT: 200 + index,
        PARENT: '1',
        UF_HEAD: String(index + 2),
      })),
    ],
    categories: [
      { id: 0, name: 'Общая', sort: 100, entityTypeId: 2, isDefault: 'Y' },
      { id: 34, name: 'Уборка подъездов', sort: 200, entityTypeId: 2, isDefault: 'N' },
    ],
    statuses: [],
    dealUserFields: [],
    deals: deals(houses, companies, users),
    companies: Array.from({ length: companies }, (_, index) => company(index + 1)),
    contacts: Array.from({ length: houses }, (_, index) => contact(index + 1)),
    webhooks: [],
    applications: [],
  };
}

function user(id: number): SnapshotUser {
  return {
    ID: String(id),
    ACTIVE: true,
    NAME: `Сотрудник${id}`,
    LAST_NAME: 'Иванов',
    SECOND_NAME: '',
    EMAIL: `user${id}@example.test`,
    PERSONAL_MOBILE: '',
    WORK_PHONE: '',
    WORK_POSITION: id === 1 ? 'Директор' : 'Уборщик',
    UF_DEPARTMENT: [id === 1 ? 1 : 2 + (id % 6)],
    IS_ADMIN: id === 1,
    DATE_REGISTER: stamp,
    TIME_ZONE: 'Europe/Moscow',
  };
}

/** Ids 1, 2, 3 are houses, 4 is private cleaning, and so on. */
function deals(houses: number, companies: number, users: number): SnapshotDeal[] {
  const rows: SnapshotDeal[] = [];
  for (let id = 1; rows.filter((row) => row.CATEGORY_ID === '34').length < houses; id += 1) {
    rows.push(deal(id, id % 4 !== 0, companies, users));
  }
  return rows;
}

function deal(id: number, house: boolean, companies: number, users: number): SnapshotDeal {
  return {
    ID: String(id),
    TITLE: house ? `Дом ${id}` : `Частная уборка ${id}`,
    CATEGORY_ID: house ? '34' : '0',
    STAGE_ID: house ? 'C34:NEW' : 'NEW',
    STAGE_SEMANTIC_ID: 'P',
    COMPANY_ID: String((id % companies) + 1),
    CONTACT_ID: id % 10 === 0 ? null : String(id),
    ASSIGNED_BY_ID: String((id % users) + 1),
    CREATED_BY_ID: '1',
    MODIFY_BY_ID: '1',
    OPPORTUNITY: '0.00',
    CURRENCY_ID: 'RUB',
    OPENED: 'Y',
    CLOSED: 'N',
    COMMENTS: null,
    BEGINDATE: stamp,
    CLOSEDATE: stamp,
    DATE_CREATE: stamp,
    DATE_MODIFY: stamp,
  };
}

function company(id: number) {
  return {
    ID: String(id),
    TITLE: `УК Калуга ${id}`,
    COMPANY_TYPE: 'CUSTOMER',
    ASSIGNED_BY_ID: '1',
    ADDRESS: null,
    DATE_CREATE: stamp,
    DATE_MODIFY: stamp,
  };
}

function contact(id: number): SnapshotContact {
  return {
    ID: String(id),
    NAME: `Старший${id}`,
    LAST_NAME: 'Петров',
    SECOND_NAME: '',
    POST: 'Старший по дому',
    COMPANY_ID: null,
    ASSIGNED_BY_ID: '1',
    DATE_CREATE: stamp,
    DATE_MODIFY: stamp,
  };
}
