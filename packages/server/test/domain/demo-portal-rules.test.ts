import { type RunningEmulator, startEmulator } from '@audiobot/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DealRow,
  type DepartmentRow,
  discoverFields,
  enumerationsOf,
  type FieldMapping,
  findHousesPipeline,
  type MappedHouse,
  monthOf,
  type PipelineRow,
  resolveBrigades,
  toDepartment,
  todayIn,
  toEmployee,
  toHouse,
  type UserFieldRow,
  type UserRow,
} from '../../src/domain/index.js';

/**
 * The domain rules against the emulator's demo portal, read over its REST API the way
 * the sync reads it: the rows carry the generator's label noise, duplicate field,
 * other pipelines and missing data, so this proves the rules on the portal's real shape.
 */

const TIME_ZONE = 'Europe/Moscow';

let emulator: RunningEmulator;

async function call<T>(method: string, params: object = {}): Promise<{ result: T; next?: number }> {
  const response = await fetch(`${emulator.webhookUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { result: T; next?: number };
}

async function listAll<T>(method: string, params: object = {}): Promise<T[]> {
  const rows: T[] = [];
  let start: number | undefined = 0;
  while (start !== undefined) {
    const page: { result: T[]; next?: number } = await call<T[]>(method, { ...params, start });
    rows.push(...page.result);
    start = page.next;
  }
  return rows;
}

describe('domain rules on the demo portal', () => {
  let mapping: FieldMapping;
  let houses: MappedHouse[];
  let pipeline: { id: number; name: string } | null;
  let users: UserRow[];
  let departments: DepartmentRow[];
  const now = new Date();

  beforeAll(async () => {
    emulator = await startEmulator({ now });
    const userFields = (
      await call<UserFieldRow[]>('crm.deal.userfield.list', {
        filter: { LANG: 'ru' },
      })
    ).result;
    const categories = await call<PipelineRow[]>('crm.category.list', { entityTypeId: 2 });
    departments = await listAll<DepartmentRow>('department.get');
    users = await listAll<UserRow>('user.get');

    pipeline = findHousesPipeline(
      (categories.result as unknown as { categories: PipelineRow[] }).categories,
    );
    mapping = discoverFields(userFields);
    const structure = resolveBrigades(departments.map(toDepartment));
    const brigadeByUser = new Map(
      users.map((user) => [Number(user.ID), structure.brigadeOf(user.UF_DEPARTMENT as number[])]),
    );
    const deals = await listAll<DealRow>('crm.deal.list', {
      filter: { CATEGORY_ID: pipeline?.id },
      select: ['*', 'UF_*'],
    });
    houses = deals.map((deal) =>
      toHouse(deal, mapping, {
        memberId: emulator.memberId,
        timeZone: TIME_ZONE,
        enumerations: enumerationsOf(userFields),
        brigadeOfUser: (id) => brigadeByUser.get(id) ?? null,
        now,
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it('finds the houses pipeline and every house field by label', () => {
    expect(pipeline).toEqual({ id: 34, name: 'Уборка подъездов' });
    expect(mapping.missing).toEqual([]);
    expect(mapping.roles.address?.field).toBe('UF_CRM_1669561599956');
    expect(mapping.roles.apartments?.field).toBe('UF_CRM_1669704529022');
    expect(mapping.roles.floors?.field).toBe('UF_CRM_1669704631166');
    expect(mapping.roles.entrances?.field).toBe('UF_CRM_1669705507390');
    expect(mapping.roles.tariff?.field).toBe('UF_CRM_1669706387893');
  });

  it('finds both slots of every month of this year and the next two months', () => {
    const year = todayIn(TIME_ZONE, now).slice(0, 4);
    const months = new Set(mapping.schedule.map((slot) => slot.month));

    expect(mapping.schedule.every((slot) => slot.date && slot.type)).toBe(true);
    expect(mapping.schedule).toHaveLength(months.size * 2);
    expect([...months].filter((month) => month.startsWith(year))).toHaveLength(12);
    expect(months.size).toBe(14);
  });

  it('reports the duplicate field and the other pipelines’ fields, nothing else', () => {
    const reasons = mapping.unplaced.map((entry) => entry.reason);

    expect(reasons.filter((reason) => reason === 'duplicate')).toHaveLength(1);
    expect(new Set(reasons)).toEqual(new Set(['duplicate', 'other_pipeline', 'unrecognised']));
  });

  it('maps 490 houses with the reference customer’s totals', () => {
    const sum = (pick: (house: MappedHouse['house']) => number | null | undefined) =>
      houses.reduce((total, { house }) => total + (pick(house) ?? 0), 0);

    expect(houses).toHaveLength(490);
    expect(sum((house) => house.apartments)).toBeGreaterThan(25_000);
    expect(sum((house) => house.apartments)).toBeLessThan(35_000);
    expect(sum((house) => house.entrances)).toBeGreaterThan(1_300);
    expect(sum((house) => house.entrances)).toBeLessThan(1_900);
  });

  it('plans this month’s cleanings of known types for nearly every house', () => {
    const month = monthOf(todayIn(TIME_ZONE, now));
    const cleanings = houses.flatMap((house) => house.cleanings);
    const scheduled = houses.filter((house) =>
      house.cleanings.some((cleaning) => cleaning.month === month && cleaning.slot > 0),
    );

    expect(new Set(cleanings.map((cleaning) => cleaning.cleaningType))).toEqual(
      new Set(['full_wet', 'sweeping', 'first_floor', 'general']),
    );
    expect(scheduled.length).toBeGreaterThan(450);
    expect(cleanings.every((cleaning) => cleaning.date.startsWith(cleaning.month))).toBe(true);
  });

  it('names a periodicity for every scheduled house and flags about 5 % as missing data', () => {
    const labels = new Set(houses.map(({ house }) => house.periodicityCurrent));
    const problems = houses.map(({ house }) => JSON.parse(house.problems as string) as string[]);
    const serious = problems.filter((list) =>
      list.some((problem) => problem !== 'no_senior_resident'),
    );

    expect(labels).toContain('4 раза');
    expect(labels).toContain('2 раза + 2 подметания');
    expect(labels).toContain('2 раза + 2 первых этажа');
    expect(serious.length).toBeGreaterThan(5);
    expect(serious.length).toBeLessThan(60);
  });

  it('puts the 82 active cleaners into 6 brigades, each led by its head', () => {
    const structure = resolveBrigades(departments.map(toDepartment));
    const stamp = { memberId: emulator.memberId, syncedAt: now.toISOString() };
    const employees = users.map((user) => toEmployee(user, structure, stamp));
    const leaders = employees.filter((employee) => employee.isLeader === 1);

    const cleaners = employees.filter((employee) => employee.active && employee.brigadeId);

    expect(cleaners).toHaveLength(82);
    expect(structure.brigades).toHaveLength(6);
    expect(new Set(leaders.map((leader) => leader.brigadeId)).size).toBe(6);
    expect(houses.filter(({ house }) => house.brigadeId !== null).length).toBeGreaterThan(480);
  });
});
