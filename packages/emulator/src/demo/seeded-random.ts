/**
 * A small seeded pseudo-random generator (mulberry32). The demo portal must be the same
 * for the same seed on every machine and Node version, so `Math.random` is never used.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A derived generator: one per concern, so adding a draw in one part of the portal
   * does not shift every value generated after it. */
  fork(salt: number): SeededRandom {
    return new SeededRandom(Math.imul(this.state ^ 0x9e3779b9, 0x85ebca6b) + salt * 0x27d4eb2f);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], ...]`, weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;

    let point = this.next() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    return (entries.at(-1) as readonly [T, number])[0];
  }

  /** Picks an index by cumulative weights (see `cumulativeWeights`) in O(log n). */
  pickIndex(cumulative: Float64Array): number {
    const point = this.next() * (cumulative[cumulative.length - 1] as number);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] as number) <= point) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** A string of lowercase hex digits. */
  hex(length: number): string {
    return this.fromAlphabet('0123456789abcdef', length);
  }

  digits(length: number): string {
    return this.fromAlphabet('0123456789', length);
  }

  fromAlphabet(alphabet: string, length: number): string {
    let text = '';
    for (let index = 0; index < length; index++) text += alphabet[this.int(0, alphabet.length - 1)];
    return text;
  }

  /** `count` distinct indexes of [0, size), in random order (partial Fisher–Yates). */
  sample(size: number, count: number): number[] {
    const indexes = Array.from({ length: size }, (_, index) => index);
    const wanted = Math.min(count, size);
    for (let index = 0; index < wanted; index++) {
      const other = this.int(index, size - 1);
      [indexes[index], indexes[other]] = [indexes[other] as number, indexes[index] as number];
    }
    return indexes.slice(0, wanted);
  }
}

/** Running sums of weights, for `SeededRandom.pickIndex`. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => {
    total += weight;
    sums[index] = total;
  });
  return sums;
}
