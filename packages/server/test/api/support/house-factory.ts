import type { Kysely } from 'kysely';

import { normalizeSearchText } from '../../../src/domain/search-text.js';
import type { Database, NewCleaning, NewHouse } from '../../../src/store/index.js';
import { MEMBER_ID } from './api-fixture.js';

const SYNCED_AT = '2026-12-01T00:00:00.000Z';

let nextId = 1000;

/** A house row with sensible defaults; override what the test is about. */
export function aHouse(overrides: Partial<NewHouse> = {}): NewHouse {
  const id = overrides.id ?? nextId++;
  const address =
    overrides.address === undefined ? `Ленина улица, ${id}, Калуга` : overrides.address;
  const title = overrides.title ?? `Дом ${id}`;
  return {
    memberId: MEMBER_ID,
    id,
    title,
    categoryId: 34,
    stageId: 'C34:NEW',
    address,
    lat: 54.5,
    lon: 36.3,
    apartments: 60,
    entrances: 4,
    floors: 5,
    area: 3000,
    tariff: '4 // 125',
    tariffCount: 4,
    tariffPrice: 125,
    contract: null,
    serviceStart: null,
    managementCompanyId: null,
    seniorResidentId: null,
    responsibleId: null,
    brigadeId: null,
    generalCleaningDate: null,
    generalCleaningText: null,
    periodicityCurrent: '4 раза',
    problems: '[]',
    rawFields: '{}',
    searchText: normalizeSearchText(`${address ?? ''} ${title}`),
    dealModifiedAt: SYNCED_AT,
    syncedAt: SYNCED_AT,
    deletedAt: null,
    ...overrides,
  };
}

export function aCleaning(houseId: number, date: string, overrides: Partial<NewCleaning> = {}) {
  return {
    memberId: MEMBER_ID,
    houseId,
    date,
    cleaningType: 'full_wet',
    typeId: 2468,
    typeText: 'Влажная уборка лестничных площадок всех этажей',
    slot: 1,
    month: date.slice(0, 7),
    sourceField: 'UF_CRM_1',
    ...overrides,
  } satisfies NewCleaning;
}

export async function insertHouses(db: Kysely<Database>, houses: NewHouse[]): Promise<void> {
  if (houses.length > 0) await db.insertInto('houses').values(houses).execute();
}

export async function insertCleanings(db: Kysely<Database>, cleanings: NewCleaning[]) {
  if (cleanings.length > 0) await db.insertInto('cleanings').values(cleanings).execute();
}

export async function insertBrigade(
  db: Kysely<Database>,
  id: number,
  name: string,
  headId: number | null = null,
) {
  await db
    .insertInto('brigades')
    .values({
      memberId: MEMBER_ID,
      id,
      name,
      parentId: 1,
      headId,
      sort: id,
      isBrigade: 1,
      syncedAt: SYNCED_AT,
    })
    .execute();
}

export async function insertEmployee(
  db: Kysely<Database>,
  id: number,
  name: string,
  overrides: Partial<Database['employees']> = {},
) {
  await db
    .insertInto('employees')
    .values({
      memberId: MEMBER_ID,
      id,
      name,
      firstName: null,
      lastName: null,
      secondName: null,
      position: 'Уборщик',
      email: `user${id}@example.test`,
      phone: null,
      active: 1,
      departmentIds: '[]',
      brigadeId: null,
      isLeader: 0,
      isAdmin: 0,
      searchText: normalizeSearchText(name),
      syncedAt: SYNCED_AT,
      deletedAt: null,
      ...overrides,
    })
    .execute();
}

export async function insertCompany(db: Kysely<Database>, id: number, name: string) {
  await db
    .insertInto('managementCompanies')
    .values({
      memberId: MEMBER_ID,
      id,
      name,
      phones: '["+7 4842 000000"]',
      emails: '[]',
      address: null,
      modifiedAt: null,
      syncedAt: SYNCED_AT,
      deletedAt: null,
    })
    .execute();
}
