import { describe, expect, it } from 'vitest';
import {
  discoverFields,
  enumerationsOf,
  type HouseContext,
  houseProblems,
  resolveBrigades,
  toDepartment,
  toEmployee,
  toHouse,
  toManagementCompany,
  toSeniorResident,
} from '../../src/domain/index.js';
import { houseDeal, realPortalFields } from '../support/portal-rows.js';

const fields = realPortalFields();
const mapping = discoverFields(fields);
const context: HouseContext = {
  memberId: 'portal-a',
  timeZone: 'Europe/Moscow',
  enumerations: enumerationsOf(fields),
  brigadeOfUser: (userId) => (userId === 12 ? 10 : null),
  now: new Date('2025-09-10T09:00:00Z'),
};

describe('toHouse', () => {
  it('maps a real-shaped deal to its store row', () => {
    const { house } = toHouse(houseDeal(), mapping, context);

    expect(house).toMatchObject({
      memberId: 'portal-a',
      id: 5001,
      title: 'Аллейная 6',
      categoryId: 34,
      stageId: 'C34:NEW',
      address: 'Аллейная улица, 6, Калуга, Калужская область, Россия, 248009',
      lat: 54.52609,
      lon: 36.31364,
      apartments: 60,
      floors: 5,
      entrances: 4,
      area: 3512.7,
      tariff: '3 // 125',
      tariffCount: 3,
      tariffPrice: 125,
      contract: '№ 34/25 от 01.09.2025 г.',
      serviceStart: '2025-09-01',
      managementCompanyId: 77,
      seniorResidentId: 88,
      responsibleId: 12,
      brigadeId: 10,
      generalCleaningDate: '2025-10-20',
      generalCleaningText: 'Мытьё стен; Мытьё окон',
      periodicityCurrent: '2 раза + 2 подметания',
      problems: '[]',
      searchText: 'аллейная улица 6 калуга калужская область россия 248009 аллейная 6',
      dealModifiedAt: '2025-09-01T09:00:00.000Z',
      syncedAt: '2025-09-10T09:00:00.000Z',
      deletedAt: null,
    });
    expect(JSON.parse(house.rawFields as string)).toMatchObject({
      UF_CRM_1669706387893: '3 // 125',
    });
  });

  it('gives the cleanings with the house and portal ids', () => {
    const { cleanings } = toHouse(houseDeal(), mapping, context);

    expect(cleanings).toHaveLength(5);
    expect(cleanings[0]).toMatchObject({ memberId: 'portal-a', houseId: 5001, date: '2025-09-02' });
  });

  it('names what a neglected deal lacks', () => {
    const deal = houseDeal({
      COMPANY_ID: '0',
      CONTACT_ID: null,
      ASSIGNED_BY_ID: '99',
      UF_CRM_1669561599956: '',
      UF_CRM_1669705507390: '',
      UF_CRM_1700000000101: [],
      UF_CRM_1700000000103: [],
    });

    const { house } = toHouse(deal, mapping, context);

    expect(JSON.parse(house.problems as string)).toEqual([
      'no_address',
      'no_coordinates',
      'no_schedule_this_month',
      'no_management_company',
      'no_senior_resident',
      'no_brigade',
      'no_counts',
    ]);
    expect(house.periodicityCurrent).toBe('не указана');
  });

  it('sees a schedule only in the current month of the company zone', () => {
    const lateSeptember = { ...context, now: new Date('2025-09-30T21:30:00Z') };

    const { house } = toHouse(houseDeal(), mapping, lateSeptember);

    expect(JSON.parse(house.problems as string)).toEqual(['no_schedule_this_month']);
  });
});

describe('houseProblems', () => {
  it('does not count the general cleaning as a schedule', () => {
    const facts = {
      address: 'a',
      lat: 1,
      lon: 1,
      apartments: 1,
      entrances: 1,
      floors: 1,
      managementCompanyId: 1,
      seniorResidentId: 1,
      brigadeId: 1,
    };

    expect(
      houseProblems(facts, [{ month: '2025-09', cleaningType: 'general' }], '2025-09'),
    ).toEqual(['no_schedule_this_month']);
  });
});

describe('directory rows', () => {
  const stamp = { memberId: 'portal-a', syncedAt: '2025-09-10T09:00:00.000Z' };

  it('maps a company and a contact with their phones and emails', () => {
    const phone = (VALUE: string) => ({ VALUE, VALUE_TYPE: 'WORK', TYPE_ID: 'PHONE', ID: '1' });

    expect(
      toManagementCompany(
        { ID: '77', TITLE: ' УК «Жилсервис» ', PHONE: [phone('+7 4842 11-22-33')] },
        stamp,
      ),
    ).toMatchObject({
      id: 77,
      name: 'УК «Жилсервис»',
      phones: '["+7 4842 11-22-33"]',
      emails: '[]',
    });
    expect(
      toSeniorResident({ ID: '88', NAME: 'Анна', LAST_NAME: 'Петрова', SECOND_NAME: '' }, stamp),
    ).toMatchObject({ id: 88, name: 'Петрова Анна' });
  });

  it('maps a user to an employee of their brigade and marks its head', () => {
    const structure = resolveBrigades(
      [
        { ID: '3', NAME: 'Клининг' },
        { ID: '10', NAME: 'Бригада 1', PARENT: '3', UF_HEAD: '21' },
        { ID: '11', NAME: 'Бригада 2', PARENT: '3', UF_HEAD: '22' },
      ].map(toDepartment),
    );
    const user = {
      ID: '21',
      ACTIVE: true,
      NAME: 'Иван',
      LAST_NAME: 'Смирнов',
      WORK_POSITION: 'Бригадир',
      PERSONAL_MOBILE: '+7 900 000-00-21',
      UF_DEPARTMENT: [10],
    };

    expect(toEmployee(user, structure, stamp)).toMatchObject({
      id: 21,
      name: 'Смирнов Иван',
      brigadeId: 10,
      isLeader: 1,
      active: 1,
      departmentIds: '[10]',
      phone: '+7 900 000-00-21',
    });
    expect(toEmployee({ ...user, ID: '30', ACTIVE: false }, structure, stamp)).toMatchObject({
      isLeader: 0,
      active: 0,
    });
  });
});
