/**
 * Timing statistics and the side-by-side table the benchmark prints.
 */
export interface Measurement {
  name: string;
  /** What was measured, e.g. `p50 8.1 ms / p95 12.4 ms`. */
  result: string;
  /** The goal in words, e.g. `< 20 ms (p95)`; empty when there is none. */
  goal: string;
  /** null when there is no goal to meet. */
  met: boolean | null;
}

export interface Percentiles {
  p50: number;
  p95: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

export function formatMs(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function printReport(title: string, measurements: Measurement[]): void {
  const rows = measurements.map((entry) => [
    entry.name,
    entry.result,
    entry.goal,
    entry.met === null ? '' : entry.met ? 'met' : 'MISSED',
  ]);
  const header = ['measure', 'result', 'goal', ''];
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] as number))
      .join('  ')
      .trimEnd();

  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}
