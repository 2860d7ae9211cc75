/**
 * Bitrix24 sends numbers as strings («60», «3512,7», «1 200»), an empty single value
 * as `false` or `''`. These read them or give null, never NaN.
 */

type Raw = unknown;

function numberText(value: Raw): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? text : null;
}

/** A decimal number, comma or dot; null when absent or not a number. */
export function parseDecimal(value: Raw): number | null {
  const text = numberText(value);
  return text === null ? null : Number(text);
}

/** A whole count (apartments, floors ...): non-negative, «60.0» accepted, «6.5» refused. */
export function parseCount(value: Raw): number | null {
  const number = parseDecimal(value);
  if (number === null || number < 0 || !Number.isInteger(number)) return null;
  return number;
}

/** A Bitrix24 id: positive integer; «0», '' and false mean "none". */
export function parseId(value: Raw): number | null {
  const number = parseCount(value);
  return number ? number : null;
}
