/**
 * Comparison of portal values in filters and sorting. Portal values arrive as strings
 * ("37", "2025-09-16T03:00:00+03:00"), filters as strings or numbers: numbers compare
 * as numbers, dates as instants, the rest as text.
 */
const numberPattern = /^-?\d+(\.\d+)?$/;
const datePattern = /^\d{4}-\d{2}-\d{2}/;

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === false || value === '';
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && numberPattern.test(value)) return Number(value);
  return null;
}

function asInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !datePattern.test(value)) return null;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? null : instant;
}

/** Negative, zero or positive like a sort comparator. */
export function compareValues(left: unknown, right: unknown): number {
  if (isEmptyValue(left) || isEmptyValue(right)) {
    return Number(!isEmptyValue(left)) - Number(!isEmptyValue(right));
  }

  const leftNumber = asNumber(left);
  const rightNumber = asNumber(right);
  if (leftNumber !== null && rightNumber !== null) return leftNumber - rightNumber;

  const leftInstant = asInstant(left);
  const rightInstant = asInstant(right);
  if (leftInstant !== null && rightInstant !== null) return leftInstant - rightInstant;

  const leftText = String(left);
  const rightText = String(right);
  return leftText < rightText ? -1 : leftText > rightText ? 1 : 0;
}

export function valuesEqual(left: unknown, right: unknown): boolean {
  if (isEmptyValue(left) || isEmptyValue(right)) return isEmptyValue(left) && isEmptyValue(right);
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    return toFlag(left) === toFlag(right);
  }
  return compareValues(left, right) === 0;
}

function toFlag(value: unknown): string {
  if (value === true || value === 'Y' || value === '1' || value === 1 || value === 'true') {
    return 'Y';
  }
  return 'N';
}
