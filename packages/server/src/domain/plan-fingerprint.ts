import type { PlannedCleaning } from './schedule.js';

/**
 * A short fingerprint of a house's plan: every field of every cleaning, in the plan's
 * order (sorted, repeats dropped, by `cleaningsOf`). Two plans with the same fingerprint
 * store the same rows, whatever changed elsewhere in the deal.
 *
 * Two 32-bit FNV-1a hashes with different seeds and primes, fed the fields' characters
 * one by one: no string is built. A sync fingerprints every house, and stringifying each
 * plan to hash it made a third of all the memory a sync allocated. Sixty-four bits make
 * a missed change (two plans of one house that collide) a one in 10^19 event.
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

/** Separates fields, so that «ab»+«c» and «a»+«bc» differ; marks a null apart from «». */
const END_OF_FIELD = 0x1_0000;
const NULL_FIELD = 0x1_0001;

class PlanHash {
  #low = 0x811c9dc5;
  #high = 0x050c5d1f;

  text(value: string | null): void {
    if (value === null) {
      this.#mix(NULL_FIELD);
      return;
    }
    for (let index = 0; index < value.length; index += 1) this.#mix(value.charCodeAt(index));
    this.#mix(END_OF_FIELD);
  }

  integer(value: number | null): void {
    if (value === null) {
      this.#mix(NULL_FIELD);
      return;
    }
    // In 16-bit pieces, like the characters: bitwise operators keep only 32 bits.
    for (let rest = Math.trunc(value); rest !== 0; rest = Math.trunc(rest / 0x1_0000)) {
      this.#mix(Math.abs(rest % 0x1_0000));
    }
    if (value < 0) this.#mix(NULL_FIELD + 1);
    this.#mix(END_OF_FIELD);
  }

  digest(): string {
    return hex(this.#high) + hex(this.#low);
  }

  #mix(code: number): void {
    this.#low = Math.imul(this.#low ^ code, 0x01000193);
    this.#high = Math.imul(this.#high ^ code, 0x5bd1e995);
  }
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
