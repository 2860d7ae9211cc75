import type { SnapshotDepartment, SnapshotUser } from '../snapshot/snapshot-format.js';
import { KALUGA_DISTRICTS } from './kaluga-streets.js';
import { randomMobilePhone } from './phone-numbers.js';
import { formatPortalDateTime, portalInstant } from './portal-time.js';
import { type PersonName, randomPersonName } from './russian-names.js';
import type { SeededRandom } from './seeded-random.js';
import { transliterate } from './transliteration.js';

/**
 * The company's staff: office departments and the cleaning department whose children
 * are the six brigades. The reference customer has 82 active employees in the brigades;
 * two people who left stay in the portal deactivated, as Bitrix24 keeps them.
 */
export const BRIGADE_SIZES = [15, 14, 14, 13, 13, 13] as const;
export const COMPANY_EMAIL_DOMAIN = 'vas-dom.ru';

export interface DemoBrigade {
  departmentId: string;
  name: string;
  /** Index into `KALUGA_DISTRICTS`: the part of the city the brigade serves. */
  district: number;
  leaderId: string;
  memberIds: string[];
}

export interface DemoStaff {
  users: SnapshotUser[];
  departments: SnapshotDepartment[];
  brigades: DemoBrigade[];
  adminId: string;
  /** Head of the cleaning department: not in any brigade. */
  cleaningHeadId: string;
  /** Office managers who own the clients and the other pipelines' deals. */
  managerIds: string[];
  /** A cleaner who left: still the responsible user of a few houses. */
  formerCleanerId: string;
}

const DEPARTMENT_IDS = {
  company: '1',
  administration: '3',
  clients: '5',
  accounting: '7',
  warehouse: '8',
  cleaning: '11',
} as const;

interface UserDraft {
  name: PersonName;
  position: string;
  departmentId: string;
  active?: boolean;
  admin?: boolean;
  email?: string;
}

export function buildStaff(random: SeededRandom, now: Date): DemoStaff {
  const users: SnapshotUser[] = [];
  let nextId = 1;
  const register = (draft: UserDraft): SnapshotUser => {
    const user = userRow(String(nextId), draft, random, now);
    nextId += random.chance(0.25) ? random.int(2, 4) : 1;
    users.push(user);
    return user;
  };

  const office = registerOffice(register, random);
  const brigades = registerBrigades(register, random);
  const formerCleaner = register({
    name: randomPersonName(random, 0.8),
    position: 'Уборщица',
    departmentId: (brigades[2] as DemoBrigade).departmentId,
    active: false,
  });

  return {
    users,
    departments: departmentRows(office, brigades),
    brigades,
    adminId: office.director.ID,
    cleaningHeadId: office.cleaningHead.ID,
    managerIds: office.managers.map((user) => user.ID),
    formerCleanerId: formerCleaner.ID,
  };
}

type Register = (draft: UserDraft) => SnapshotUser;

function registerOffice(register: Register, random: SeededRandom) {
  const person = (femaleShare: number) => randomPersonName(random, femaleShare);
  const director = register({
    name: person(0.2),
    position: 'Генеральный директор',
    departmentId: DEPARTMENT_IDS.company,
    admin: true,
  });
  const officeManager = register({
    name: person(0.9),
    position: 'Офис-менеджер',
    departmentId: DEPARTMENT_IDS.administration,
  });
  const cleaningHead = register({
    name: person(0.4),
    position: 'Начальник отдела уборки',
    departmentId: DEPARTMENT_IDS.cleaning,
  });
  const managers = [
    'Руководитель клиентского отдела',
    'Менеджер по работе с УК',
    'Менеджер по работе с УК',
    'Менеджер',
  ].map((position) =>
    register({ name: person(0.7), position, departmentId: DEPARTMENT_IDS.clients }),
  );
  register({
    name: person(0.6),
    position: 'Менеджер',
    departmentId: DEPARTMENT_IDS.clients,
    active: false,
  });
  const accountant = register({
    name: person(0.9),
    position: 'Главный бухгалтер',
    departmentId: DEPARTMENT_IDS.accounting,
  });
  register({ name: person(0.9), position: 'Бухгалтер', departmentId: DEPARTMENT_IDS.accounting });
  const storekeeper = register({
    name: person(0.3),
    position: 'Кладовщик',
    departmentId: DEPARTMENT_IDS.warehouse,
  });

  return { director, officeManager, cleaningHead, managers, accountant, storekeeper };
}

function registerBrigades(register: Register, random: SeededRandom): DemoBrigade[] {
  return BRIGADE_SIZES.map((size, index) => {
    const departmentId = String(13 + index * 2);
    const members: SnapshotUser[] = [];
    for (let position = 0; position < size; position++) {
      const name = randomPersonName(random, position === 0 ? 0.4 : 0.72);
      members.push(
        register({ name, position: cleanerPosition(position, name, random), departmentId }),
      );
    }

    const district = KALUGA_DISTRICTS[index] as string;
    return {
      departmentId,
      name: brigadeName(index, district),
      district: index,
      leaderId: (members[0] as SnapshotUser).ID,
      memberIds: members.map((member) => member.ID),
    };
  });
}

/** Names as the office typed them, not as a style guide would. */
function brigadeName(index: number, district: string): string {
  const names = [
    `Бригада 1 (${district})`,
    `Бригада 2 (${district})`,
    `Бригада №3 ${district}`,
    `Бригада 4 (${district})`,
    `Бригада 5 - ${district}`,
    `6 бригада (${district})`,
  ];
  return names[index] as string;
}

function cleanerPosition(index: number, name: PersonName, random: SeededRandom): string {
  if (index === 0) return 'Бригадир';
  if (random.chance(0.08)) return '';
  if (random.chance(0.15)) return 'Уборщик МОП';
  return name.gender === 'female' ? 'Уборщица' : 'Уборщик';
}

function userRow(id: string, draft: UserDraft, random: SeededRandom, now: Date): SnapshotUser {
  const registered = Math.min(
    portalInstant(2022, 11, 21, 10) + random.int(0, 900) * 86_400_000 + random.int(0, 28_800_000),
    now.getTime() - 86_400_000,
  );
  return {
    ID: id,
    ACTIVE: draft.active ?? true,
    NAME: draft.name.firstName,
    LAST_NAME: draft.name.lastName,
    SECOND_NAME: draft.name.secondName,
    EMAIL: draft.email ?? emailFor(draft, random),
    PERSONAL_MOBILE: randomMobilePhone(random),
    WORK_PHONE: '',
    WORK_POSITION: draft.position,
    UF_DEPARTMENT: [Number(draft.departmentId)],
    IS_ADMIN: draft.admin ?? false,
    DATE_REGISTER: formatPortalDateTime(registered),
    TIME_ZONE: random.chance(0.2) ? 'Europe/Moscow' : '',
  };
}

/** Office people have company mail; cleaners registered with their own. */
function emailFor(draft: UserDraft, random: SeededRandom): string {
  const last = transliterate(draft.name.lastName);
  const first = transliterate(draft.name.firstName);
  const isCleaner = Number(draft.departmentId) > Number(DEPARTMENT_IDS.cleaning);
  if (!isCleaner) return `${first.charAt(0)}.${last}@${COMPANY_EMAIL_DOMAIN}`;

  const mailbox = random.pick(['mail.ru', 'yandex.ru', 'bk.ru', 'gmail.com', 'inbox.ru']);
  return `${last}.${first.slice(0, 3)}${random.int(60, 99)}${random.digits(2)}@${mailbox}`;
}

function departmentRows(
  office: ReturnType<typeof registerOffice>,
  brigades: DemoBrigade[],
): SnapshotDepartment[] {
  const ids = DEPARTMENT_IDS;
  return [
    { ID: ids.company, NAME: 'ООО «Вас Дом»', SORT: 500, UF_HEAD: office.director.ID },
    {
      ID: ids.administration,
      NAME: 'Администрация',
      SORT: 100,
      PARENT: ids.company,
      UF_HEAD: office.officeManager.ID,
    },
    {
      ID: ids.clients,
      NAME: 'Клиентский отдел',
      SORT: 200,
      PARENT: ids.company,
      UF_HEAD: (office.managers[0] as SnapshotUser).ID,
    },
    {
      ID: ids.accounting,
      NAME: 'Бухгалтерия',
      SORT: 300,
      PARENT: ids.company,
      UF_HEAD: office.accountant.ID,
    },
    { ID: ids.warehouse, NAME: 'Склад', SORT: 400, PARENT: ids.company },
    {
      ID: ids.cleaning,
      NAME: 'Отдел уборки',
      SORT: 500,
      PARENT: ids.company,
      UF_HEAD: office.cleaningHead.ID,
    },
    ...brigades.map((brigade, index) => ({
      ID: brigade.departmentId,
      NAME: brigade.name,
      SORT: (index + 1) * 100,
      PARENT: ids.cleaning,
      UF_HEAD: brigade.leaderId,
    })),
  ];
}
