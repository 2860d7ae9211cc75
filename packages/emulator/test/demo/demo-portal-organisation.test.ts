import { describe, expect, it } from 'vitest';
import { SETUP_GUIDE_SCOPES } from '../../src/demo/index.js';
import type { SnapshotDepartment, SnapshotUser } from '../../src/snapshot/snapshot-format.js';
import { referencePortal } from './demo-fixture.js';
import { houseDeals } from './demo-portal-reader.js';

const snapshot = referencePortal();
const houses = houseDeals(snapshot);
const root = snapshot.departments.find((department) => department.PARENT === undefined);
const brigadeParent = snapshot.departments.find((department) => department.NAME === 'Отдел уборки');
const brigades = snapshot.departments.filter(
  (department) => department.PARENT === brigadeParent?.ID,
);
const brigadeIds = new Set(brigades.map((department) => Number(department.ID)));
const usersById = new Map(snapshot.users.map((user) => [user.ID, user]));

function brigadeOf(user: SnapshotUser | undefined): SnapshotDepartment | undefined {
  const departmentId = user?.UF_DEPARTMENT.find((id) => brigadeIds.has(id));
  return brigades.find((brigade) => Number(brigade.ID) === departmentId);
}

describe('demo portal organisation', () => {
  it('has 6 brigade departments under one parent under the company root', () => {
    expect(root).toBeDefined();
    expect(brigadeParent?.PARENT).toBe(root?.ID);
    expect(brigades).toHaveLength(6);
  });

  it('has 82 active employees in the brigades, each brigade headed by one of its members', () => {
    const inBrigades = snapshot.users.filter((user) => user.ACTIVE && brigadeOf(user));
    expect(inBrigades).toHaveLength(82);

    for (const brigade of brigades) {
      const head = usersById.get(brigade.UF_HEAD ?? '');
      expect(head?.UF_DEPARTMENT).toContain(Number(brigade.ID));
      expect(head?.WORK_POSITION).toBe('Бригадир');
    }
  });

  it('keeps a couple of deactivated users, as Bitrix24 does after people leave', () => {
    const inactive = snapshot.users.filter((user) => !user.ACTIVE);
    expect(inactive.length).toBeGreaterThanOrEqual(2);
    expect(inactive.length).toBeLessThanOrEqual(4);
  });

  it('has office staff outside the brigades and the portal admin as user 1', () => {
    const admin = usersById.get('1');
    expect(admin?.IS_ADMIN).toBe(true);
    expect(admin?.ACTIVE).toBe(true);
    const office = snapshot.users.filter((user) => !brigadeOf(user));
    expect(office.length).toBeGreaterThanOrEqual(6);
    expect(office.map((user) => user.WORK_POSITION)).toContain('Генеральный директор');
  });

  it('describes users the way user.get does', () => {
    for (const user of snapshot.users) {
      expect(typeof user.ACTIVE).toBe('boolean');
      expect(user.UF_DEPARTMENT.every((id) => Number.isInteger(id))).toBe(true);
      expect(user.ID).toMatch(/^\d+$/);
      expect(user.PERSONAL_MOBILE).toMatch(/^(\+7|8)/);
    }
  });

  it("makes a house's brigade the department of its responsible user", () => {
    const byBrigade = new Map<string, number>();
    let outside = 0;
    for (const house of houses) {
      const brigade = brigadeOf(usersById.get(house.ASSIGNED_BY_ID));
      if (!brigade) outside += 1;
      else byBrigade.set(brigade.ID, (byBrigade.get(brigade.ID) ?? 0) + 1);
    }
    expect(byBrigade.size).toBe(6);
    for (const count of byBrigade.values()) expect(count).toBeGreaterThan(30);
    expect(outside).toBeGreaterThanOrEqual(1);
    expect(outside).toBeLessThan(10);

    const leaders = new Set(brigades.map((brigade) => brigade.UF_HEAD));
    const ledByHead = houses.filter((house) => leaders.has(house.ASSIGNED_BY_ID));
    expect(ledByHead.length / houses.length).toBeGreaterThan(0.5);
  });

  it('has about 40 УК with phones and e-mails as multi-fields, each with houses', () => {
    const used = new Set(houses.map((house) => house.COMPANY_ID).filter((id) => id !== '0'));
    expect(used.size).toBeGreaterThanOrEqual(36);
    expect(used.size).toBeLessThanOrEqual(44);

    const companies = snapshot.companies.filter((company) => used.has(company.ID));
    expect(companies.some((company) => company.TITLE.startsWith('ТСЖ'))).toBe(true);
    for (const company of companies) {
      expect(company.PHONE?.[0]).toMatchObject({ TYPE_ID: 'PHONE', VALUE_TYPE: 'WORK' });
      expect(company.PHONE?.[0]?.ID).toMatch(/^\d+$/);
    }
    expect(
      companies.filter((company) => company.EMAIL?.[0]?.VALUE.includes('@')).length,
    ).toBeGreaterThan(25);
  });

  it('gives senior residents phones', () => {
    const contactIds = new Set(houses.map((house) => house.CONTACT_ID));
    const seniors = snapshot.contacts.filter((contact) => contactIds.has(contact.ID));
    const withPhone = seniors.filter((contact) => contact.PHONE?.[0]?.VALUE);
    expect(withPhone.length / seniors.length).toBeGreaterThan(0.9);
  });

  it('has the houses pipeline 34 and two other pipelines plus the default one', () => {
    const categories = new Map(snapshot.categories.map((category) => [category.id, category.name]));
    expect(categories.get(34)).toBe('Уборка подъездов');
    expect(categories.get(0)).toBeDefined();
    expect(categories.size).toBeGreaterThanOrEqual(4);

    const others = snapshot.deals.filter((deal) => deal.CATEGORY_ID !== '34');
    expect(others.length).toBeGreaterThanOrEqual(24);
    expect(new Set(others.map((deal) => deal.CATEGORY_ID)).size).toBe(3);
  });

  it("lists each pipeline's stages in crm.status.list with its ENTITY_ID", () => {
    const houseStages = snapshot.statuses.filter((status) => status.ENTITY_ID === 'DEAL_STAGE_34');
    expect(houseStages.map((status) => status.STATUS_ID)).toContain('C34:NEW');
    expect(houseStages.some((status) => /^C34:UC_[A-Z0-9]{6}$/.test(status.STATUS_ID))).toBe(true);
    for (const status of houseStages) expect(status.CATEGORY_ID).toBe('34');

    const stageIds = new Set(snapshot.statuses.map((status) => status.STATUS_ID));
    for (const deal of snapshot.deals) expect(stageIds).toContain(deal.STAGE_ID);
  });

  it("has an admin webhook with every scope and a local application with the guide's", () => {
    expect(snapshot.webhooks).toHaveLength(1);
    const [webhook] = snapshot.webhooks;
    expect(webhook?.userId).toBe('1');
    expect(webhook?.code).toMatch(/^[a-z0-9]{16}$/);
    for (const scope of ['crm', 'user', 'user_basic', 'department', 'task', 'calendar', 'im']) {
      expect(webhook?.scopes).toContain(scope);
    }

    const [application] = snapshot.applications;
    expect(application?.clientId).toMatch(/^local\.[0-9a-f]{14}\.\d{8}$/);
    expect(application?.clientSecret).toMatch(/^[A-Za-z0-9]{50}$/);
    expect(application?.scopes).toEqual(SETUP_GUIDE_SCOPES);
    expect(snapshot.portal.memberId).toMatch(/^[0-9a-f]{32}$/);
    expect(snapshot.portal.timeZone).toBe('Europe/Moscow');
  });
});
