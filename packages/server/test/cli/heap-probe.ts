import { limitHeapGrowth } from '../../src/cli/heap-growth.js';

// Run by heap-growth.test.ts: `limit` calls limitHeapGrowth first. Every object lives long
// enough to be promoted to the old generation and then dies there, as a sync's pages do;
// the peak heap V8 reserves meanwhile is printed in MB.
if (process.argv[2] === 'limit') limitHeapGrowth();

const window: unknown[] = new Array(400_000);
let peak = 0;
for (let index = 0; index < 6_000_000; index += 1) {
  window[index % window.length] = { id: index, text: `house ${index}` };
  if (index % 100_000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
}
process.stdout.write(String(Math.round(peak / 2 ** 20)));
