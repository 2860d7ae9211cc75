import { flat } from './flat-string.js';
import { formatRussianDate } from './portal-time.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * The contract terms of a house as the office typed them: the tariff («3 // 125») and
 * the contract number («№ 34/25 от 01.09.2025 г.»), with the variations people make.
 */
const TARIFF_RATES: readonly (readonly [number, number])[] = [
  [2, 1],
  [3, 4],
  [4, 3],
  [5, 1],
  [6, 1],
];

const TARIFF_PRICES: readonly (readonly [number, number])[] = [
  [95, 1],
  [110, 2],
  [125, 4],
  [140, 3],
  [150, 2],
  [165, 1],
  [180, 1],
];

export interface HouseTariff {
  rate: number;
  price: number;
  /** The field value: `3 // 125`, or a variant, or empty. */
  text: string;
}

export function randomTariff(random: SeededRandom): HouseTariff {
  const rate = random.weighted(TARIFF_RATES);
  const price = random.weighted(TARIFF_PRICES);
  const text = random.weighted<string>([
    [`${rate} // ${price}`, 92],
    [`${rate}//${price}`, 4],
    [`${rate} // ${price} руб.`, 2],
    ['', 2],
  ]);
  return { rate, price, text };
}

/** Numbers contracts per year in the order they are signed: `34/25`. */
export class ContractNumbers {
  private readonly lastByYear = new Map<number, number>();

  constructor(private readonly random: SeededRandom) {}

  next(signedAt: number): string {
    const year = Number(formatRussianDate(signedAt).slice(6));
    const number = (this.lastByYear.get(year) ?? 0) + 1;
    this.lastByYear.set(year, number);

    const code = `${number}/${String(year).slice(2)}`;
    const date = formatRussianDate(signedAt);
    const text = this.random.weighted<string>([
      [`№ ${code} от ${date} г.`, 90],
      [`№${code} от ${date}г.`, 5],
      [code, 2],
      ['', 3],
    ]);
    return flat(text);
  }
}
