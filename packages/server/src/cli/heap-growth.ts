import { setFlagsFromString } from 'node:v8';

/**
 * How far, in per cent, V8 lets the heap grow past what its last full collection left
 * alive before it collects again. Left to itself V8 picks up to 300 % for a process that
 * allocates fast, as a sync does: at 100 000 houses the process reached ~540 MB resident
 * with under 130 MB alive. At 75 % the same sync peaks near 370 MB in the same time and
 * the API answers as many requests a second (`npm run bench:sync`, `npm run bench:api`);
 * at 25 % it stayed near 320 MB, but collecting that often cost the server a third of
 * its throughput.
 */
const HEAP_GROWTH_PERCENT = 75;

const FLAG = '--heap-growing-percent';

/**
 * Called first by the entry points that sync (the server, `npm run sync`, `npm run
 * dispatch`) and by the benchmarks that measure them. V8 reads this flag at every full
 * collection, so setting it after start takes effect; the flags it reads only at start
 * (heap sizes) are left alone. A value given on node's command line wins.
 */
export function limitHeapGrowth(): void {
  const given = process.execArgv.some((arg) => arg.replaceAll('_', '-').startsWith(FLAG));
  if (given) return;
  setFlagsFromString(`${FLAG}=${HEAP_GROWTH_PERCENT}`);
}
