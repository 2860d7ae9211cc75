import type { PlannedCleaning } from './schedule.js';

/**
 * A short fingerprint of a house's plan: every field of every cleaning, in the plan's
 * order (sorted, repeats dropped, by `cleaningsOf`). Two plans with the same fingerprint
 * store the same rows, whatever changed elsewhere in the deal.
 *
 * Two 32-bit FNV-1a lanes with different seeds and primes; no string is built (stringifying
 * each plan to hash it made a third of all the memory a sync allocated). Sixty-four bits
 * make a missed change (two plans of one house that collide) a one in 10^19 event.
 */
export function planFingerprint(planned: readonly PlannedCleaning[]): string {
  const hash = new PlanHash();

  for (const cleaning of planned) {
    hash.text(cleaning.date);
    hash.text(cleaning.month);
    hash.text(cleaning.cleaningType);
    hash.integer(cleaning.typeId);
    hash.text(cleaning.typeText);
    hash.integer(cleaning.slot);
    hash.text(cleaning.sourceField);
  }
  return hash.digest();
}

const LOW_SEED = 0x811c9dc5;
const HIGH_SEED = 0x050c5d1f;
const LOW_PRIME = 0x01000193;
const HIGH_PRIME = 0x5bd1e995;
/** Marks a null apart from any text or number. */
const NULL_FIELD = 0x1_0001;
const END_OF_NUMBER = 0x1_0000;

interface TextHash {
  low: number;
  high: number;
}

/**
 * The hash of each text, kept: a plan's texts are few (its dates, months, types and
 * fields recur across cleanings and houses), and hashing their characters again for
 * every cleaning was a sixth of a repeated sync's time. Cleared when it grows past what
 * a portal's plans hold, so a long-running server does not keep every date it ever saw.
 */
const textHashes = new Map<string, TextHash>();
const KEPT_TEXTS = 10_000;

function hashOfText(value: string): TextHash {
  const known = textHashes.get(value);
  if (known) return known;

  let low = LOW_SEED;
  let high = HIGH_SEED;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    low = Math.imul(low ^ code, LOW_PRIME);
    high = Math.imul(high ^ code, HIGH_PRIME);
  }
  if (textHashes.size >= KEPT_TEXTS) textHashes.clear();
  const hash = { low, high };
  textHashes.set(value, hash);
  return hash;
}

class PlanHash {
  #low = LOW_SEED;
  #high = HIGH_SEED;

  /** A text enters as its own hash, so «ab»+«c» and «a»+«bc» differ. */
  text(value: string | null): void {
    if (value === null) {
      this.#mix(NULL_FIELD, NULL_FIELD);
      return;
    }
    const { low, high } = hashOfText(value);
    this.#mix(low, high);
  }

  integer(value: number | null): void {
    if (value === null) {
      this.#mix(NULL_FIELD, NULL_FIELD);
      return;
    }
    // In 16-bit pieces: bitwise operators keep only 32 bits.
    for (let rest = Math.trunc(value); rest !== 0; rest = Math.trunc(rest / 0x1_0000)) {
      const piece = Math.abs(rest % 0x1_0000);
      this.#mix(piece, piece);
    }
    if (value < 0) this.#mix(NULL_FIELD + 1, NULL_FIELD + 1);
    this.#mix(END_OF_NUMBER, END_OF_NUMBER);
  }

  digest(): string {
    return hex(this.#high) + hex(this.#low);
  }

  #mix(low: number, high: number): void {
    this.#low = Math.imul(this.#low ^ low, LOW_PRIME);
    this.#high = Math.imul(this.#high ^ high, HIGH_PRIME);
  }
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
