/**
 * Splits `total` rows into statement sizes drawn from a small fixed set: full chunks of
 * `max`, then the rest in powers of two (137 → 128 + 8 + 1). A multi-row statement's
 * text depends on its row count, and SQLite keeps each prepared text apart: with any
 * count allowed, a large sync prepared a new statement for almost every write, each
 * holding up to a megabyte of native memory that only V8's garbage collector frees,
 * and it does not know that memory is there (at 20 000 houses the process grew by
 * ~100 MB of it). With these sizes every bulk statement is prepared once and reused.
 */
export function chunkSizes(total: number, max: number): number[] {
  const sizes: number[] = [];
  const limit = Math.max(1, Math.floor(max));
  let left = Math.max(0, Math.floor(total));

  while (left >= limit) {
    sizes.push(limit);
    left -= limit;
  }
  for (let power = highestPowerOfTwo(left); left > 0; power /= 2) {
    if (power > left) continue;
    sizes.push(power);
    left -= power;
  }
  return sizes;
}

function highestPowerOfTwo(value: number): number {
  return value < 1 ? 1 : 2 ** Math.floor(Math.log2(value));
}
