import { localDateOf, parseCount, parseDecimal, parseId } from '../domain/index.js';

/**
 * How a deal field's value is read when two values are compared. The portal answers in
 * its own spelling (numbers as strings, datetimes with the saver's offset, `false` for
 * an empty value), so two values are equal when they mean the same, not when their text is.
 */
export type FieldKind = 'count' | 'decimal' | 'date' | 'dates' | 'enum' | 'enums' | 'user';

export const FIELD_KINDS: readonly FieldKind[] = [
  'count',
  'decimal',
  'date',
  'dates',
  'enum',
  'enums',
  'user',
];

/**
 * A field's value in the API's terms: a number, a date or a list of dates, an item or user
 * id, the item ids of a multiple enumeration; shown to the user, an item of a slot's type
 * field becomes its cleaning type (a string).
 */
export type FieldMeaning = number | string | string[] | null;

export function meaningOf(kind: FieldKind, value: unknown, timeZone: string): FieldMeaning {
  switch (kind) {
    case 'count':
      return parseCount(firstOf(value));
    case 'decimal':
      return parseDecimal(firstOf(value));
    case 'date':
      return localDateOf(firstOf(value), timeZone);
    case 'dates':
      return datesOf(value, timeZone);
    case 'enums':
      return itemIdsOf(value);
    case 'enum':
    case 'user':
      return parseId(firstOf(value));
  }
}

export function sameMeaning(
  kind: FieldKind,
  left: unknown,
  right: unknown,
  timeZone: string,
): boolean {
  const a = meaningOf(kind, left, timeZone);
  const b = meaningOf(kind, right, timeZone);
  if (Array.isArray(a) && Array.isArray(b)) return a.join(',') === b.join(',');
  return a === b;
}

/** The distinct local dates of a (multiple) date field, sorted. */
function datesOf(value: unknown, timeZone: string): string[] {
  const values = Array.isArray(value) ? value : [value];
  const dates = values
    .map((item) => localDateOf(item, timeZone))
    .filter((date): date is string => date !== null);
  return [...new Set(dates)].sort();
}

/** The distinct item ids of a multiple enumeration, as strings, sorted by number. */
function itemIdsOf(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  const ids = values.map((item) => parseId(item)).filter((id): id is number => id !== null);
  return [...new Set(ids)].sort((a, b) => a - b).map(String);
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}
