import type { EnumerationItem, SnapshotUserField } from '../snapshot/snapshot-format.js';
import {
  CLEANING_TYPE_TEXTS,
  CLEANING_TYPES,
  type DemoCleaningType,
  GENERAL_CLEANING_TEXTS,
} from './cleaning-types.js';
import { portalInstant } from './portal-time.js';
import { scheduleMonthLabel } from './schedule-labels.js';
import type { ScheduleMonth } from './schedule-months.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * The deal user fields of the demo portal. A Bitrix24 field code is `UF_CRM_` plus the
 * millisecond time the admin created it, so generated codes are creation times too, and
 * field and enumeration ids grow in creation order, as they do on a real portal.
 */
type FieldType = SnapshotUserField['USER_TYPE_ID'];

/** A deal user field code: `UF_CRM_` and digits. */
export type DealFieldCode = `UF_CRM_${string}`;

/** The codes PRODUCT.md names from the customer's portal. */
export const REAL_HOUSE_FIELD_CODES = {
  address: 'UF_CRM_1669561599956',
  apartments: 'UF_CRM_1669704529022',
  floors: 'UF_CRM_1669704631166',
  entrances: 'UF_CRM_1669705507390',
  tariff: 'UF_CRM_1669706387893',
} as const;

export interface MonthSlotFields {
  dateField: DealFieldCode;
  typeField: DealFieldCode;
  /** The enumeration item id of each cleaning type in this field's own list. */
  typeItemIds: Readonly<Record<DemoCleaningType, string>>;
}

export interface MonthFields {
  month: ScheduleMonth;
  slots: readonly [MonthSlotFields, MonthSlotFields];
}

export interface HouseFieldCatalogue {
  userFields: SnapshotUserField[];
  address: DealFieldCode;
  apartments: DealFieldCode;
  floors: DealFieldCode;
  entrances: DealFieldCode;
  tariff: DealFieldCode;
  area: DealFieldCode;
  serviceStart: DealFieldCode;
  contract: DealFieldCode;
  generalCleaning: DealFieldCode;
  generalCleaningItemIds: string[];
  generalCleaningDate: DealFieldCode;
  months: MonthFields[];
  /** A second field with the label of an existing date field, created by mistake, empty. */
  duplicateField: DealFieldCode;
  /** Fields of the other pipelines (every deal has every user field). */
  privateFlatAddress: DealFieldCode;
  privateFlatArea: DealFieldCode;
  staffingWorkers: DealFieldCode;
  dealSource: DealFieldCode;
  dealSourceItemIds: string[];
}

interface FieldSpec {
  code: DealFieldCode;
  label: string;
  type: FieldType;
  multiple: boolean;
  createdAt: number;
  items?: readonly string[];
  row?: SnapshotUserField;
}

export function buildHouseFields(
  months: ScheduleMonth[],
  random: SeededRandom,
): HouseFieldCatalogue {
  const specs: FieldSpec[] = [];
  const usedCodes = new Set<string>();
  const add = (spec: Omit<FieldSpec, 'code'> & { code?: DealFieldCode }): FieldSpec => {
    const full = { ...spec, code: spec.code ?? uniqueCode(spec.createdAt, usedCodes) };
    usedCodes.add(full.code);
    specs.push(full);
    return full;
  };

  const { generalCleaningSpec, ...houseFields } = addHouseFields(add, random);
  const { dealSourceSpec, ...otherFields } = addOtherPipelineFields(add, random);
  const monthSpecs = months.map((month) => addMonthFields(add, month, random));
  const duplicate = addDuplicateField(add, monthSpecs, random);

  const firstScheduleAt = Math.min(
    ...monthSpecs.flatMap(({ slots }) => slots.map((slot) => slot.date.createdAt)),
  );
  const userFields = numberFields(specs, firstScheduleAt, random);
  return {
    userFields,
    ...houseFields,
    generalCleaningItemIds: itemIds(generalCleaningSpec),
    months: monthSpecs.map(({ month, slots }) => ({
      month,
      slots: [monthSlot(slots[0]), monthSlot(slots[1])] as const,
    })),
    duplicateField: duplicate.code,
    ...otherFields,
    dealSourceItemIds: itemIds(dealSourceSpec),
  };
}

type AddField = (spec: Omit<FieldSpec, 'code'> & { code?: DealFieldCode }) => FieldSpec;

function addHouseFields(add: AddField, random: SeededRandom) {
  const created = (code: DealFieldCode) => Number(code.slice('UF_CRM_'.length));
  const single = (label: string, type: FieldType, code?: DealFieldCode, createdAt?: number) =>
    add({
      label,
      type,
      multiple: false,
      code,
      createdAt: createdAt ?? created(code as DealFieldCode),
    });
  const later = (base: DealFieldCode) => created(base) + random.int(20_000, 600_000);

  const codes = REAL_HOUSE_FIELD_CODES;
  const generalCleaningSpec = add({
    label: 'Генеральная уборка',
    type: 'enumeration',
    multiple: true,
    createdAt: portalInstant(2023, 3, 14, 11) + random.int(0, 3_600_000),
    items: GENERAL_CLEANING_TEXTS,
  });

  return {
    address: single('Адрес многоквартирного дома | Уборка подъездов', 'address', codes.address)
      .code,
    apartments: single('Количество квартир | Уборка подъездов', 'integer', codes.apartments).code,
    floors: single('Количество этажей | Уборка подъездов', 'string', codes.floors).code,
    entrances: single('Количество подъездов | Уборка подъездов', 'string', codes.entrances).code,
    tariff: single('Тариф / периодичность | Уборка подъездов', 'string', codes.tariff).code,
    area: single('Общая площадь жилых помещений м2', 'string', undefined, later(codes.tariff)).code,
    serviceStart: single('Дата начала обслуживания', 'date', undefined, later(codes.tariff)).code,
    contract: single(
      '№ Договора (для актов выполненных работ тело)',
      'string',
      undefined,
      portalInstant(2023, 1, 23, 15) + random.int(0, 3_600_000),
    ).code,
    generalCleaning: generalCleaningSpec.code,
    generalCleaningSpec,
    generalCleaningDate: single(
      'Дата генеральной',
      'date',
      undefined,
      generalCleaningSpec.createdAt + random.int(60_000, 900_000),
    ).code,
  };
}

function addOtherPipelineFields(add: AddField, random: SeededRandom) {
  const at = (year: number, month: number, day: number) =>
    portalInstant(year, month, day, 10) + random.int(0, 8 * 3_600_000);
  const field = (label: string, type: FieldType, createdAt: number, items?: readonly string[]) =>
    add({ label, type, multiple: false, createdAt, items });

  const dealSourceSpec = field('Источник обращения', 'enumeration', at(2023, 6, 2), [
    'Сайт',
    'Авито',
    'Рекомендация',
    'Звонок',
  ]);
  return {
    privateFlatAddress: field('Адрес квартиры | Частная уборка', 'string', at(2023, 5, 17)).code,
    privateFlatArea: field('Площадь квартиры | Частная уборка', 'double', at(2023, 5, 17)).code,
    staffingWorkers: field('Количество сотрудников | Аутстаффинг', 'integer', at(2024, 2, 6)).code,
    dealSource: dealSourceSpec.code,
    dealSourceSpec,
  };
}

interface MonthSpecs {
  month: ScheduleMonth;
  slots: [SlotSpecs, SlotSpecs];
}

interface SlotSpecs {
  date: FieldSpec;
  type: FieldSpec;
}

/** The admin adds a month's four fields in the last days of the month before. */
function addMonthFields(add: AddField, month: ScheduleMonth, random: SeededRandom): MonthSpecs {
  let createdAt = portalInstant(month.year, month.month, 1, 9) - random.int(2, 9) * 86_400_000;
  const next = () => {
    createdAt += random.int(25_000, 240_000);
    return createdAt;
  };

  const slot = (number: 1 | 2): SlotSpecs => ({
    date: add({
      label: scheduleMonthLabel('date', number, month),
      type: 'datetime',
      multiple: true,
      createdAt: next(),
    }),
    type: add({
      label: scheduleMonthLabel('type', number, month),
      type: 'enumeration',
      multiple: false,
      createdAt: next(),
      items: typeItemTexts(month),
    }),
  });
  return { month, slots: [slot(1), slot(2)] };
}

/** In September the admin typed the items in another order; the texts stay the same. */
function typeItemTexts(month: ScheduleMonth): string[] {
  const order: DemoCleaningType[] =
    month.month === 9 ? ['sweeping', 'full_wet', 'first_floor'] : [...CLEANING_TYPES];
  return order.map((type) => CLEANING_TYPE_TEXTS[type]);
}

/** April's slot-1 date field exists twice under one label; the copy was never filled. */
function addDuplicateField(add: AddField, months: MonthSpecs[], random: SeededRandom): FieldSpec {
  const april = months.find(({ month }) => month.month === 4) ?? (months[0] as MonthSpecs);
  const original = april.slots[0].date;
  return add({
    label: original.label,
    type: 'datetime',
    multiple: true,
    createdAt: original.createdAt + random.int(600_000, 2_400_000),
  });
}

/**
 * Gives field and enumeration item ids in creation order, with the gaps other entities'
 * fields leave in the shared sequences. Earlier years had their month fields too (since
 * removed from the demo), so the current year's ids start higher: around 2 000–2 500 for
 * cleaning-type items, as on the real portal.
 */
function numberFields(
  specs: FieldSpec[],
  firstScheduleAt: number,
  random: SeededRandom,
): SnapshotUserField[] {
  let fieldId = 140 + random.int(0, 30);
  let itemId = 1180 + random.int(0, 60);
  let historyAdded = false;

  const ordered = [...specs].sort((a, b) => a.createdAt - b.createdAt);
  return ordered.map((spec) => {
    if (!historyAdded && spec.createdAt >= firstScheduleAt) {
      const months = monthsOfHistory(firstScheduleAt);
      fieldId += months * 4 + random.int(0, months);
      itemId += months * 6 + random.int(months * 20, months * 30);
      historyAdded = true;
    }
    fieldId += random.chance(0.3) ? random.int(2, 5) : 1;
    const list = spec.items?.map((text, index): EnumerationItem => {
      itemId += 1;
      return {
        ID: String(itemId),
        VALUE: text,
        SORT: String((index + 1) * 10),
        DEF: 'N',
        XML_ID: random.hex(32),
      };
    });
    if (list) itemId += random.int(0, 14);

    spec.row = userFieldRow(spec, String(fieldId), list);
    return spec.row;
  });
}

/** Months of schedule fields the admin kept from January 2023 until `until`. */
function monthsOfHistory(until: number): number {
  const date = new Date(until);
  return Math.max(0, (date.getUTCFullYear() - 2023) * 12 + date.getUTCMonth());
}

function userFieldRow(spec: FieldSpec, id: string, list?: EnumerationItem[]): SnapshotUserField {
  const labels = { ru: spec.label, en: spec.label };
  return {
    ID: id,
    ENTITY_ID: 'CRM_DEAL',
    FIELD_NAME: spec.code,
    USER_TYPE_ID: spec.type,
    XML_ID: null,
    SORT: '100',
    MULTIPLE: spec.multiple ? 'Y' : 'N',
    MANDATORY: 'N',
    EDIT_FORM_LABEL: labels,
    LIST_COLUMN_LABEL: { ...labels },
    LIST_FILTER_LABEL: { ...labels },
    ...(list ? { LIST: list } : {}),
  };
}

function itemIds(spec: FieldSpec): string[] {
  return (spec.row?.LIST ?? []).map((item) => item.ID);
}

function monthSlot(slot: SlotSpecs): MonthSlotFields {
  const byText = new Map((slot.type.row?.LIST ?? []).map((item) => [item.VALUE, item.ID]));
  const idOf = (type: DemoCleaningType) => byText.get(CLEANING_TYPE_TEXTS[type]) as string;
  return {
    dateField: slot.date.code,
    typeField: slot.type.code,
    typeItemIds: {
      full_wet: idOf('full_wet'),
      sweeping: idOf('sweeping'),
      first_floor: idOf('first_floor'),
    },
  };
}

function uniqueCode(createdAt: number, used: Set<string>): DealFieldCode {
  let stamp = Math.round(createdAt);
  while (used.has(`UF_CRM_${stamp}`)) stamp += 1;
  return `UF_CRM_${stamp}`;
}
