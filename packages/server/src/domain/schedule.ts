import type { CleaningType } from './cleaning-type.js';
import { normalizeCleaningType } from './cleaning-type.js';
import { type Enumerations, enumerationText } from './enumerations.js';
import type { FieldMapping, ScheduleSlot } from './field-discovery.js';
import { localDateOf, monthOf } from './local-date.js';

/** A cleaning as the schedule plans it; the store row adds memberId and houseId. */
export interface PlannedCleaning {
  date: string;
  month: string;
  cleaningType: CleaningType;
  typeId: number | null;
  typeText: string | null;
  /** 1, 2 … for the month slots; 0 for the general cleaning. */
  slot: number;
  sourceField: string;
}

export const GENERAL_CLEANING_SLOT = 0;

type DealFields = Readonly<Record<string, unknown>>;

/**
 * Turns a deal's schedule fields into cleanings: every date of every slot, typed by the
 * slot's type field, plus the general cleaning from its own date field. A date is the
 * day in the company's zone; its month is the month of that day, even when the admin
 * put it into another month's field. Repeats are dropped; the result is sorted.
 */
export function cleaningsOf(
  deal: DealFields,
  mapping: FieldMapping,
  enumerations: Enumerations,
  timeZone: string,
): PlannedCleaning[] {
  const planned: PlannedCleaning[] = [];
  for (const slot of mapping.schedule) {
    for (const cleaning of slotCleanings(deal, slot, enumerations, timeZone)) {
      planned.push(cleaning);
    }
  }
  const general = generalCleaning(deal, mapping, enumerations, timeZone);
  if (general) planned.push(general);
  return uniqueSorted(planned);
}

function slotCleanings(
  deal: DealFields,
  slot: ScheduleSlot,
  enumerations: Enumerations,
  timeZone: string,
): PlannedCleaning[] {
  if (!slot.date) return [];
  const dateField = slot.date.field;

  const type = slot.type
    ? enumerationText(enumerations, slot.type.field, deal[slot.type.field])
    : { id: null, text: null };
  const cleaningType = normalizeCleaningType(type.text);

  const planned: PlannedCleaning[] = [];
  for (const value of valuesOf(deal[dateField])) {
    const date = localDateOf(value, timeZone);
    if (date === null) continue;
    planned.push({
      date,
      month: monthOf(date),
      cleaningType,
      typeId: type.id,
      typeText: type.text,
      slot: slot.slot,
      sourceField: dateField,
    });
  }
  return planned;
}

function generalCleaning(
  deal: DealFields,
  mapping: FieldMapping,
  enumerations: Enumerations,
  timeZone: string,
): PlannedCleaning | null {
  const dateField = mapping.roles.generalCleaningDate?.field;
  if (!dateField) return null;
  const date = valuesOf(deal[dateField])
    .map((value) => localDateOf(value, timeZone))
    .find((value) => value !== null);
  if (!date) return null;

  return {
    date,
    month: monthOf(date),
    cleaningType: 'general',
    typeId: null,
    typeText: generalCleaningText(deal, mapping, enumerations),
    slot: GENERAL_CLEANING_SLOT,
    sourceField: dateField,
  };
}

/** «Генеральная уборка» is a multiple enumeration: its texts joined, or null. */
export function generalCleaningText(
  deal: DealFields,
  mapping: FieldMapping,
  enumerations: Enumerations,
): string | null {
  const field = mapping.roles.generalCleaning?.field;
  if (!field) return null;

  const texts = valuesOf(deal[field])
    .map((value) => enumerationText(enumerations, field, value).text)
    .filter((text): text is string => !!text);
  return texts.length > 0 ? texts.join('; ') : null;
}

/** A field's values: multiple fields are arrays, an empty single value is false or ''. */
function valuesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === false || value === '') return [];
  return [value];
}

/**
 * Sorted by date, slot and type; of cleanings alike in all three the first planned
 * stays (the sort is stable). Sorting first lets repeats be found beside each other,
 * with no key string per cleaning: a sync plans some fifty for every house.
 */
function uniqueSorted(cleanings: PlannedCleaning[]): PlannedCleaning[] {
  // Plain comparison: ISO dates sort as strings, and localeCompare is slow.
  cleanings.sort(
    (a, b) =>
      compareText(a.date, b.date) || a.slot - b.slot || compareText(a.cleaningType, b.cleaningType),
  );
  return cleanings.filter((cleaning, index) => {
    const before = cleanings[index - 1];
    return !(
      before &&
      before.date === cleaning.date &&
      before.slot === cleaning.slot &&
      before.cleaningType === cleaning.cleaningType
    );
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
