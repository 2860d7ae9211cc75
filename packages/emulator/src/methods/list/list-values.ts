/**
 * Comparison of portal values in filters and sorting. Portal values arrive as strings
 * ("37", "2025-09-16T03:00:00+03:00"), filter values as strings or numbers: numbers
 * compare as numbers, dates as instants, the rest as text. The filter side is read
 * once per call (`expectation`), the row side once per row, because lists scan up to
 * 100 000 rows.
 */
import { flag } from '../params.js';

const numberPattern = /^-?\d+(\.\d+)?$/;
const datePattern = /^\d{4}-\d{2}-\d{2}/;

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === false || value === '';
}

export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && numberPattern.test(value)) return Number(value);
  return null;
}

export function asInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !datePattern.test(value)) return null;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? null : instant;
}

export function asFlag(value: unknown): 'Y' | 'N' {
  return flag(value) ? 'Y' : 'N';
}

/** A filter value read once: how rows compare with it. */
export interface Expectation {
  empty: boolean;
  text: string;
  number: number | null;
  instant: number | null;
  flag: boolean;
}

export function expectation(value: unknown): Expectation {
  return {
    empty: isEmptyValue(value),
    text: String(value),
    number: asNumber(value),
    instant: asInstant(value),
    flag: typeof value === 'boolean',
  };
}

/** Row value against an expectation; NaN when they cannot be compared. */
export function compareWith(single: unknown, expected: Expectation): number {
  if (expected.number !== null) {
    const number = typeof single === 'number' ? single : Number(single);
    if (!Number.isNaN(number) && single !== '') return number - expected.number;
  }
  if (expected.instant !== null && typeof single === 'string') {
    const instant = Date.parse(single);
    if (!Number.isNaN(instant)) return instant - expected.instant;
  }

  const text = String(single);
  return text < expected.text ? -1 : text > expected.text ? 1 : 0;
}

export function equalsExpected(single: unknown, expected: Expectation): boolean {
  if (expected.empty || isEmptyValue(single)) return expected.empty && isEmptyValue(single);
  if (expected.flag || typeof single === 'boolean') return asFlag(single) === asFlag(expected.text);
  if (typeof single === 'string' && single === expected.text) return true;
  return compareWith(single, expected) === 0;
}

/**
 * A sort key: numbers and instants as numbers, other text as text, empty as null.
 * Rows are keyed once per sort instead of once per comparison.
 */
export type SortKey = number | string | null;

export function sortKey(value: unknown): SortKey {
  const single = Array.isArray(value) ? value[0] : value;
  if (isEmptyValue(single)) return null;
  if (typeof single === 'number') return single;
  if (typeof single !== 'string') return String(single);
  return asNumber(single) ?? asInstant(single) ?? single;
}

export function compareKeys(left: SortKey, right: SortKey): number {
  if (left === right) return 0;
  if (left === null) return -1;
  if (right === null) return 1;
  if (typeof left !== typeof right) return typeof left === 'number' ? -1 : 1;
  return left < right ? -1 : 1;
}
