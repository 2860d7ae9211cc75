import { parseDecimal } from './number-parsing.js';

export interface ParsedTariff {
  /** Cleanings a month the tariff pays for (the N of «N // price»). */
  count: number | null;
  /** Price per cleaning (roubles), decimals allowed. */
  price: number | null;
}

const TARIFF = /^\s*(\d+)\s*\/{1,2}\s*(\d[\d\s]*(?:[.,]\d+)?)\s*(?:р(?:уб)?\.?|₽)?\s*$/i;

/**
 * «3 // 125» → {count: 3, price: 125}. One slash, missing spaces, a decimal comma and a
 * trailing «руб.» are tolerated; anything else gives nulls and the text stays as written.
 */
export function parseTariff(value: unknown): ParsedTariff {
  if (typeof value !== 'string') return { count: null, price: null };

  const match = TARIFF.exec(value);
  if (!match) return { count: null, price: null };
  return { count: Number(match[1]), price: parseDecimal(match[2]) };
}
