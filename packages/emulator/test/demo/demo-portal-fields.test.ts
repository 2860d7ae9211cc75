import { describe, expect, it } from 'vitest';
import {
  buildDemoPortal,
  CLEANING_TYPE_TEXTS,
  REAL_HOUSE_FIELD_CODES,
} from '../../src/demo/index.js';
import { DEMO_MONTH, referencePortal } from './demo-fixture.js';
import {
  fieldByLabel,
  houseDeals,
  isFilled,
  labelOf,
  scheduleFields,
  slotFields,
} from './demo-portal-reader.js';

const snapshot = referencePortal();
const houses = houseDeals(snapshot);

function monthsOf(now: Date): string[] {
  const portal = buildDemoPortal({ houses: 3, now });
  return [...new Set(scheduleFields(portal).map((entry) => entry.month))].sort();
}

describe('demo portal user fields', () => {
  it('keeps the real codes and labels PRODUCT.md names', () => {
    const expected: [string, string][] = [
      [REAL_HOUSE_FIELD_CODES.address, 'Адрес многоквартирного дома | Уборка подъездов'],
      [REAL_HOUSE_FIELD_CODES.apartments, 'Количество квартир | Уборка подъездов'],
      [REAL_HOUSE_FIELD_CODES.floors, 'Количество этажей | Уборка подъездов'],
      [REAL_HOUSE_FIELD_CODES.entrances, 'Количество подъездов | Уборка подъездов'],
      [REAL_HOUSE_FIELD_CODES.tariff, 'Тариф / периодичность | Уборка подъездов'],
    ];
    expect(REAL_HOUSE_FIELD_CODES.address).toBe('UF_CRM_1669561599956');
    for (const [code, label] of expected)
      expect(fieldByLabel(snapshot, label).FIELD_NAME).toBe(code);
  });

  it('gives every other field a 13-digit code and every field a unique one', () => {
    const codes = snapshot.dealUserFields.map((field) => field.FIELD_NAME);
    for (const code of codes) expect(code).toMatch(/^UF_CRM_\d{13}$/);
    expect(new Set(codes).size).toBe(codes.length);
    const ids = snapshot.dealUserFields.map((field) => field.ID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the remaining house fields with their real labels and types', () => {
    const types: [string, string, 'Y' | 'N'][] = [
      ['Общая площадь жилых помещений м2', 'string', 'N'],
      ['Дата начала обслуживания', 'date', 'N'],
      ['№ Договора (для актов выполненных работ тело)', 'string', 'N'],
      ['Генеральная уборка', 'enumeration', 'Y'],
      ['Дата генеральной', 'date', 'N'],
    ];
    for (const [label, type, multiple] of types) {
      const field = fieldByLabel(snapshot, label);
      expect(field.USER_TYPE_ID).toBe(type);
      expect(field.MULTIPLE).toBe(multiple);
    }
  });

  it('has schedule fields for every month of the current year and the next two months', () => {
    expect(monthsOf(new Date('2025-09-16T09:00:00Z'))).toEqual(
      Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, '0')}`),
    );
    const december = monthsOf(new Date('2026-12-03T09:00:00Z'));
    expect(december[0]).toBe('2026-01');
    expect(december.at(-1)).toBe('2027-02');
    expect(december).toHaveLength(14);
    expect(monthsOf(new Date('2025-11-20T09:00:00Z')).at(-1)).toBe('2026-01');
  });

  it('gives each month two slots of a multiple datetime and a single enumeration', () => {
    for (const month of ['2025-01', DEMO_MONTH, '2025-11']) {
      for (const slot of [1, 2] as const) {
        const { date, type } = slotFields(snapshot, month, slot);
        expect(date.USER_TYPE_ID).toBe('datetime');
        expect(date.MULTIPLE).toBe('Y');
        expect(type.USER_TYPE_ID).toBe('enumeration');
        expect(type.MULTIPLE).toBe('N');
        expect(type.LIST?.map((item) => item.VALUE).sort()).toEqual(
          Object.values(CLEANING_TYPE_TEXTS).sort(),
        );
      }
    }
  });

  it('leaves months after the next two empty: the fields exist, nobody planned them yet', () => {
    const december = scheduleFields(snapshot).filter((entry) => entry.month === '2025-12');
    expect(december).toHaveLength(4);
    for (const { field } of december) {
      const code = field.FIELD_NAME as `UF_CRM_${string}`;
      expect(houses.filter((house) => isFilled(house[code]))).toHaveLength(0);
    }
    const { date } = slotFields(snapshot, '2025-11', 1);
    const planned = houses.filter((house) =>
      isFilled(house[date.FIELD_NAME as `UF_CRM_${string}`]),
    );
    expect(planned.length / houses.length).toBeGreaterThan(0.3);
    expect(planned.length / houses.length).toBeLessThan(0.7);
  });

  it('gives every month its own enumeration item ids for the same texts', () => {
    const typeFields = scheduleFields(snapshot).filter((entry) => entry.kind === 'type');
    const ids = typeFields.flatMap((entry) => entry.field.LIST?.map((item) => item.ID) ?? []);
    expect(ids.length).toBe(typeFields.length * 3);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^\d{4}$/);
  });

  it('reproduces the label noise of the real portal', () => {
    const labels = snapshot.dealUserFields.map(labelOf);
    expect(labels).toContain('Дата уборки1| Май 2025');
    expect(labels).toContain('Тип уборки 1 |Июнь 2025');
    const canonical = /^(Дата|Тип) уборки [12] \| [А-Я][а-я]+ \d{4}$/;
    const noisy = scheduleFields(snapshot).filter((entry) => !canonical.test(labelOf(entry.field)));
    expect(noisy.length).toBeGreaterThanOrEqual(5);
  });

  it('has one label used twice: a duplicate date field that stays empty', () => {
    const counts = new Map<string, number>();
    for (const label of snapshot.dealUserFields.map(labelOf)) {
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const duplicated = [...counts].filter(([, count]) => count > 1);
    expect(duplicated).toHaveLength(1);
    expect(duplicated[0]?.[1]).toBe(2);

    const [original, copy] = snapshot.dealUserFields.filter(
      (field) => labelOf(field) === duplicated[0]?.[0],
    );
    const filled = (code: string) =>
      houses.filter((house) => isFilled(house[code as `UF_CRM_${string}`])).length;
    expect(filled(original?.FIELD_NAME ?? '')).toBeGreaterThan(400);
    expect(filled(copy?.FIELD_NAME ?? '')).toBe(0);
  });

  it('stores schedules as datetime arrays with the portal offset, types as item ids', () => {
    const { date, type } = slotFields(snapshot, DEMO_MONTH, 1);
    const itemIds = new Set(type.LIST?.map((item) => item.ID));
    let cleanings = 0;

    for (const house of houses) {
      const dates = house[date.FIELD_NAME as `UF_CRM_${string}`];
      if (!isFilled(dates)) continue;
      expect(Array.isArray(dates)).toBe(true);
      for (const value of dates as string[]) {
        expect(value).toMatch(/^2025-09-\d{2}T0[03]:00:00\+03:00$/);
        cleanings += 1;
      }
      expect(itemIds).toContain(house[type.FIELD_NAME as `UF_CRM_${string}`]);
    }
    expect(cleanings).toBeGreaterThan(700);
  });

  it('plans about 4 cleanings per house a month (~2 000 for 490 houses)', () => {
    let cleanings = 0;
    for (const slot of [1, 2] as const) {
      const { date } = slotFields(snapshot, DEMO_MONTH, slot);
      for (const house of houses) {
        const dates = house[date.FIELD_NAME as `UF_CRM_${string}`];
        if (Array.isArray(dates)) cleanings += dates.length;
      }
    }
    expect(cleanings).toBeGreaterThan(1_700);
    expect(cleanings).toBeLessThan(2_300);
  });

  it('mixes the periodicities: 4 full, 2 + 2 sweepings, 2 + 2 first floors and others', () => {
    const slot1 = slotFields(snapshot, DEMO_MONTH, 1);
    const slot2 = slotFields(snapshot, DEMO_MONTH, 2);
    const text = (field: typeof slot1.type, id: unknown) =>
      field.LIST?.find((item) => item.ID === id)?.VALUE;
    const patterns = new Map<string, number>();

    for (const house of houses) {
      const main = house[slot1.date.FIELD_NAME as `UF_CRM_${string}`];
      if (!Array.isArray(main)) continue;
      const between = house[slot2.date.FIELD_NAME as `UF_CRM_${string}`];
      const key = [
        main.length,
        text(slot1.type, house[slot1.type.FIELD_NAME as `UF_CRM_${string}`]),
        Array.isArray(between) ? between.length : 0,
        text(slot2.type, house[slot2.type.FIELD_NAME as `UF_CRM_${string}`]),
      ].join('/');
      patterns.set(key, (patterns.get(key) ?? 0) + 1);
    }
    const full = CLEANING_TYPE_TEXTS.full_wet;
    expect(patterns.get(`4/${full}/0/`)).toBeGreaterThan(100);
    expect(patterns.get(`2/${full}/2/${CLEANING_TYPE_TEXTS.sweeping}`)).toBeGreaterThan(80);
    expect(patterns.get(`2/${full}/2/${CLEANING_TYPE_TEXTS.first_floor}`)).toBeGreaterThan(50);
    expect(patterns.size).toBeGreaterThanOrEqual(6);
  });

  it('lets a tolerant reader place every schedule field: four a month plus the duplicate', () => {
    const months = new Set(scheduleFields(snapshot).map((entry) => entry.month));
    expect(scheduleFields(snapshot)).toHaveLength(months.size * 4 + 1);

    const unplaced = snapshot.dealUserFields.filter(
      (field) =>
        /уборки/i.test(labelOf(field)) &&
        !scheduleFields(snapshot).some((entry) => entry.field === field),
    );
    expect(unplaced).toEqual([]);
  });

  it("uses, in every month, only the type items of that month's own field", () => {
    for (const { field } of scheduleFields(snapshot).filter((entry) => entry.kind === 'type')) {
      const own = new Set(field.LIST?.map((item) => item.ID));
      const code = field.FIELD_NAME as `UF_CRM_${string}`;
      for (const house of houses) {
        const value = house[code];
        if (value !== '') expect(own).toContain(value);
      }
    }
  });

  it('stores most dates at 03:00 local (picked in the UI) and a few at midnight', () => {
    const { date } = slotFields(snapshot, DEMO_MONTH, 1);
    const hours = new Map<string, number>();
    for (const house of houses) {
      const dates = house[date.FIELD_NAME as `UF_CRM_${string}`];
      if (!Array.isArray(dates)) continue;
      for (const value of dates as string[]) {
        const hour = value.slice(11, 13);
        hours.set(hour, (hours.get(hour) ?? 0) + 1);
      }
    }
    expect([...hours.keys()].sort()).toEqual(['00', '03']);
    expect(hours.get('03') ?? 0).toBeGreaterThan((hours.get('00') ?? 0) * 10);
  });

  it('keeps empty values as Bitrix24 does: false for multiple, empty string for single', () => {
    const privateDeal = snapshot.deals.find((deal) => deal.CATEGORY_ID === '12');
    const { date, type } = slotFields(snapshot, DEMO_MONTH, 1);
    expect(privateDeal?.[date.FIELD_NAME as `UF_CRM_${string}`]).toBe(false);
    expect(privateDeal?.[type.FIELD_NAME as `UF_CRM_${string}`]).toBe('');
  });
});
