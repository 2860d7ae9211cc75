import { describe, expect, it } from 'vitest';
import { KALUGA_BOUNDS } from '../../src/demo/index.js';
import type { SnapshotDeal } from '../../src/snapshot/snapshot-format.js';
import { DEMO_MONTH, referencePortal } from './demo-fixture.js';
import {
  codeByLabel,
  houseDeals,
  isFilled,
  parseAddress,
  slotFields,
} from './demo-portal-reader.js';

const snapshot = referencePortal();
const houses = houseDeals(snapshot);
const code = (label: string) => codeByLabel(snapshot, label);

const ADDRESS = code('Адрес многоквартирного дома | Уборка подъездов');
const APARTMENTS = code('Количество квартир | Уборка подъездов');
const FLOORS = code('Количество этажей | Уборка подъездов');
const ENTRANCES = code('Количество подъездов | Уборка подъездов');
const TARIFF = code('Тариф / периодичность | Уборка подъездов');
const CONTRACT = code('№ Договора (для актов выполненных работ тело)');
const AREA = code('Общая площадь жилых помещений м2');

const sum = (field: `UF_CRM_${string}`) =>
  houses.reduce((total, house) => total + Number(house[field]), 0);

function hasScheduleThisMonth(house: SnapshotDeal): boolean {
  const { date } = slotFields(snapshot, DEMO_MONTH, 1);
  return isFilled(house[date.FIELD_NAME as `UF_CRM_${string}`]);
}

describe('demo portal houses', () => {
  it('has 490 houses in the «Уборка подъездов» pipeline, stages prefixed C34:', () => {
    expect(houses).toHaveLength(490);
    for (const house of houses) expect(house.STAGE_ID).toMatch(/^C34:/);
    expect(new Set(houses.map((house) => house.ID)).size).toBe(490);
  });

  it('holds about 30 000 apartments and 1 600 entrances (±10 %)', () => {
    expect(sum(APARTMENTS)).toBeGreaterThan(27_000);
    expect(sum(APARTMENTS)).toBeLessThan(33_000);
    expect(sum(ENTRANCES)).toBeGreaterThan(1_440);
    expect(sum(ENTRANCES)).toBeLessThan(1_760);
  });

  it('sends counts as strings, with a realistic spread of floors', () => {
    const floors = new Set(houses.map((house) => house[FLOORS]));
    for (const storeys of ['5', '9', '10', '12', '14', '16', '17'])
      expect(floors).toContain(storeys);
    for (const house of houses) {
      expect(house[APARTMENTS]).toMatch(/^\d+$/);
      expect(house[ENTRANCES]).toMatch(/^\d+$/);
    }
    const fiveStorey = houses.filter((house) => house[FLOORS] === '5').length;
    expect(fiveStorey / houses.length).toBeGreaterThan(0.3);
  });

  it('writes tariffs as «N // price», contracts as «№ 34/25 от 01.09.2025 г.», with slips', () => {
    const tariffs = houses.map((house) => String(house[TARIFF]));
    const contracts = houses.map((house) => String(house[CONTRACT]));

    expect(tariffs.filter((text) => /^\d+ \/\/ \d+$/.test(text)).length).toBeGreaterThan(400);
    expect(tariffs.some((text) => !/^\d+ \/\/ \d+$/.test(text))).toBe(true);
    const canonical = /^№ \d+\/\d{2} от \d{2}\.\d{2}\.\d{4} г\.$/;
    expect(contracts.filter((text) => canonical.test(text)).length).toBeGreaterThan(400);
    expect(contracts.some((text) => text !== '' && !canonical.test(text))).toBe(true);
  });

  it('gives areas as decimal strings, some with a comma', () => {
    const areas = houses.map((house) => String(house[AREA]));
    expect(areas.every((area) => /^\d+[.,]\d$/.test(area))).toBe(true);
    expect(areas.some((area) => area.includes(','))).toBe(true);
  });

  it('puts addresses in Bitrix24 format with coordinates inside Kaluga', () => {
    const parsed = houses.map((house) => parseAddress(house[ADDRESS])).filter((value) => value);
    expect(parsed.length).toBeGreaterThan(470);

    const located = parsed.filter((address) => address?.lat !== null);
    for (const address of located) {
      expect(address?.text).toContain('Калуга');
      expect(address?.lat).toBeGreaterThan(KALUGA_BOUNDS.minLat);
      expect(address?.lat).toBeLessThan(KALUGA_BOUNDS.maxLat);
      expect(address?.lon).toBeGreaterThan(KALUGA_BOUNDS.minLon);
      expect(address?.lon).toBeLessThan(KALUGA_BOUNDS.maxLon);
      expect(address?.locationId).toMatch(/^\d+$/);
    }
    const texts = parsed.map((address) => address?.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('spells most addresses as the geocoder does: street, number, city … postcode', () => {
    const geocoded = houses.filter((house) =>
      /^[^,]+, [^,]+, Калуга, Калужская область, Россия, 248\d{3}\|/.test(String(house[ADDRESS])),
    );
    expect(geocoded.length / houses.length).toBeGreaterThan(0.8);
  });

  it("leaves about 5 % of houses missing an address, this month's schedule or the УК", () => {
    const noAddress = houses.filter((house) => house[ADDRESS] === '');
    const noSchedule = houses.filter((house) => !hasScheduleThisMonth(house));
    const noCompany = houses.filter((house) => house.COMPANY_ID === '0');
    const noCoordinates = houses.filter((house) => String(house[ADDRESS]).includes('|;|'));

    for (const group of [noAddress, noSchedule, noCompany]) {
      expect(group.length).toBeGreaterThanOrEqual(5);
      expect(group.length).toBeLessThanOrEqual(12);
    }
    expect(noCoordinates.length).toBeGreaterThanOrEqual(1);

    const problems = new Set([...noAddress, ...noSchedule, ...noCompany, ...noCoordinates]);
    expect(problems.size / houses.length).toBeGreaterThan(0.035);
    expect(problems.size / houses.length).toBeLessThan(0.065);
  });

  it('spreads problem houses over the whole id range, not in one block', () => {
    const ids = houses.filter((house) => house.COMPANY_ID === '0' || house[ADDRESS] === '');
    const positions = ids.map((house) => houses.indexOf(house) / houses.length);
    expect(Math.min(...positions)).toBeLessThan(0.3);
    expect(Math.max(...positions)).toBeGreaterThan(0.7);
  });

  it('links most houses to a senior resident (contact) and all but a few to an УК', () => {
    const withContact = houses.filter((house) => house.CONTACT_ID !== null);
    expect(withContact.length / houses.length).toBeGreaterThan(0.75);
    expect(withContact.length / houses.length).toBeLessThan(0.95);

    const contactIds = new Set(snapshot.contacts.map((contact) => contact.ID));
    for (const house of withContact) expect(contactIds).toContain(house.CONTACT_ID);

    const companyIds = new Set(snapshot.companies.map((company) => company.ID));
    for (const house of houses.filter((item) => item.COMPANY_ID !== '0')) {
      expect(companyIds).toContain(house.COMPANY_ID);
    }
  });

  it('fills standard fields the way crm.deal.list returns them', () => {
    for (const house of houses) {
      expect(house.ID).toMatch(/^\d+$/);
      expect(house.OPPORTUNITY).toMatch(/^\d+\.\d{2}$/);
      expect(house.DATE_CREATE).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
      expect(house.CLOSED).toBe(house.STAGE_SEMANTIC_ID === 'P' ? 'N' : 'Y');
    }
    const ids = houses.map((house) => Number(house.ID));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
