/**
 * The process's peak resident memory, from Linux's `VmHWM`, and its reset (writing 5
 * to /proc/self/clear_refs), so that each stretch of the benchmark reports its own
 * peak. Elsewhere both are unavailable and the peak is reported as null.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export function peakRssBytes(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the peak then covers the whole run.
  }
}
