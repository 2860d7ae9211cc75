import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const PROBE = fileURLToPath(new URL('./heap-probe.ts', import.meta.url));

/** The probe's peak heap in MB, in a node of its own started with `nodeFlags`. */
async function peakHeapMb(nodeFlags: string[], mode: 'limit' | 'free'): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', PROBE, mode],
    { env: { PATH: process.env.PATH ?? '' } },
  );
  return Number(stdout);
}

describe('limitHeapGrowth', () => {
  it('keeps the heap of a fast-allocating process near what is alive', async () => {
    const free = await peakHeapMb([], 'free');
    const limited = await peakHeapMb([], 'limit');

    // Alive: ~40 MB. Measured: ~220 MB free, ~125 MB limited.
    expect(limited).toBeLessThan(free * 0.75);
  }, 30_000);

  it("leaves a growth given on node's command line as it is", async () => {
    const limited = await peakHeapMb([], 'limit');
    const given = await peakHeapMb(['--heap-growing-percent=300'], 'limit');

    expect(given).toBeGreaterThan(limited * 1.4);
  }, 30_000);
});
