import { flat } from './flat-string.js';
import { KALUGA_STREETS, type KalugaStreet } from './kaluga-streets.js';
import { cumulativeWeights, type SeededRandom } from './seeded-random.js';

/**
 * House addresses in Bitrix24's address-field format:
 * `Аллейная улица, 6, Калуга, Калужская область, Россия, 248009|54.52609;36.31364|8212`
 * (text, then `lat;lon`, then the location id). Every house gets its own street number.
 */
export const KALUGA_BOUNDS = {
  minLat: 54.47,
  maxLat: 54.58,
  minLon: 36.15,
  maxLon: 36.35,
} as const;

export interface HouseAddress {
  street: KalugaStreet;
  /** `6`, `43к1`, `21А`. */
  number: string;
  lat: number;
  lon: number;
  /** The Bitrix24 address value. */
  value: string;
  /** The same value with the coordinates lost (typed without picking on the map). */
  valueWithoutCoordinates: string;
  /** The deal title, written by a person: `Аллейная, 6`. */
  title: string;
}

export class AddressBook {
  private readonly streetWeights = cumulativeWeights(KALUGA_STREETS.map((street) => street.weight));
  private readonly usedNumbers = KALUGA_STREETS.map(() => new Set<number>());
  private readonly highestNumber: number;
  private locationId: number;

  constructor(
    private readonly random: SeededRandom,
    houses: number,
  ) {
    // Room for every house on even the busiest street, with realistic gaps.
    this.highestNumber = Math.max(90, Math.ceil((houses / KALUGA_STREETS.length) * 2.5));
    this.locationId = 1100 + random.int(0, 400);
  }

  next(): HouseAddress {
    const streetIndex = this.random.pickIndex(this.streetWeights);
    const street = KALUGA_STREETS[streetIndex] as KalugaStreet;
    const number = this.freeNumber(this.usedNumbers[streetIndex] as Set<number>);

    const lat = clamp(street.lat + this.jitter(0.006), KALUGA_BOUNDS.minLat, KALUGA_BOUNDS.maxLat);
    const lon = clamp(street.lon + this.jitter(0.01), KALUGA_BOUNDS.minLon, KALUGA_BOUNDS.maxLon);
    this.locationId += this.random.int(1, 3);

    const text = this.addressText(street, number);
    return {
      street,
      number,
      lat,
      lon,
      value: flat(`${text}|${coordinate(lat)};${coordinate(lon)}|${this.locationId}`),
      valueWithoutCoordinates: flat(`${text}|;|${this.locationId}`),
      title: flat(this.title(street, number)),
    };
  }

  /** A number not yet used on the street. Numbers are keyed as integers while drawing
   * (base × 8 + suffix), because building and hashing strings dominated 100 000 houses. */
  private freeNumber(used: Set<number>): string {
    for (let attempt = 0; attempt < 12; attempt++) {
      const key = this.houseNumberKey();
      if (!used.has(key)) {
        used.add(key);
        return numberText(key);
      }
    }
    // A crowded street: the first number with a free building (к1–к4).
    for (let base = 1; ; base++) {
      for (let suffix = 4; suffix < 8; suffix++) {
        if (used.has(base * 8 + suffix)) continue;
        used.add(base * 8 + suffix);
        return numberText(base * 8 + suffix);
      }
    }
  }

  /** Mostly a plain number; some buildings (к1–к3) or letters (А, Б). */
  private houseNumberKey(): number {
    const base = this.random.int(1, this.highestNumber);
    const roll = this.random.next();
    if (roll < 0.86) return base * 8;
    if (roll < 0.95) return base * 8 + this.random.int(4, 6);
    return base * 8 + (roll < 0.99 ? 1 : 2);
  }

  /** Mostly what the geocoder filled in; some typed by hand. */
  private addressText(street: KalugaStreet, number: string): string {
    const form = this.random.next();
    if (form < 0.9) {
      return `${street.name}, ${number}, Калуга, Калужская область, Россия, ${street.postcode}`;
    }
    if (form < 0.96) return `${street.name}, ${number}, Калуга, Калужская область, Россия`;
    return `г. Калуга, ${abbreviated(street)}, д. ${number}`;
  }

  private title(street: KalugaStreet, number: string): string {
    const form = this.random.next();
    if (form < 0.7) return `${street.short}, ${number}`;
    if (form < 0.9) return `${street.short} ${number}`;
    return `${abbreviated(street)}, д.${number}`;
  }

  private jitter(span: number): number {
    return (this.random.next() * 2 - 1) * span;
  }
}

/** `base × 8 + suffix`: 0 none, 1 А, 2 Б, 4–7 к1–к4. */
function numberText(key: number): string {
  const base = Math.floor(key / 8);
  const suffix = key % 8;
  if (suffix === 0) return String(base);
  if (suffix === 1) return `${base}А`;
  if (suffix === 2) return `${base}Б`;
  return `${base}к${suffix - 3}`;
}

function abbreviated(street: KalugaStreet): string {
  if (street.name.includes('улица')) return `ул. ${street.short}`;
  return street.name.replace('шоссе', 'ш.');
}

/** Up to five decimals, without trailing zeros: `54.52609`, `36.3`. */
function coordinate(value: number): string {
  return String(Math.round(value * 100_000) / 100_000);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max - 0.001, Math.max(min + 0.001, value));
}
