/**
 * `npm run bench:emulator`: the emulator serving the 100 000-house demo portal with
 * latency off and limits lifted. Prints, beside the goals of issue 2 item 11, the time
 * of one `crm.deal.list` page, of one 50-command batch of pages, and the memory.
 *
 * Options: `--houses N` (default 100000), `--runs N` (page samples, default 50).
 * Run with `node --expose-gc` (e.g. `NODE_OPTIONS=--expose-gc`) for a settled RSS.
 */
import { parseArgs } from 'node:util';
import { buildDemoPortal } from '../src/demo/index.js';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { formatMs, type Measurement, percentiles, printReport } from './bench-report.js';

const GOALS = { buildSeconds: 5, pageMs: 20, batchMs: 300, rssMb: 500 };
const NOW = new Date('2025-09-16T09:30:00Z');
const HOUSE_FILTER = 'filter[CATEGORY_ID]=34&order[ID]=ASC&select[]=*&select[]=UF_*';

interface ListEnvelope {
  result: { ID: string }[];
  total?: number;
}

interface BatchEnvelope {
  result: { result: Record<string, unknown>; result_error: Record<string, unknown> | unknown[] };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      houses: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '50' },
    },
  });
  const houses = Number(values.houses);
  const runs = Number(values.runs);
  const measurements: Measurement[] = [];

  const { emulator, buildSeconds, startSeconds } = await startBenchPortal(houses);
  measurements.push(
    goalMeasurement(
      `demo portal build (${houses} houses)`,
      `${buildSeconds.toFixed(2)} s`,
      buildSeconds,
      GOALS.buildSeconds,
      's',
    ),
    {
      name: 'emulator start (load + index)',
      result: `${startSeconds.toFixed(2)} s`,
      goal: '',
      met: null,
    },
  );

  try {
    await liftLimits(emulator);
    const ids = await houseIds(emulator);
    measurements.push(...(await measurePages(emulator, ids, runs)));
    measurements.push(...(await measureBatches(emulator, ids, Math.max(5, Math.round(runs / 3)))));
    measurements.push(measureMemory());
  } finally {
    await emulator.stop();
  }
  printReport(`Emulator benchmark: ${houses} houses, latency off, limits lifted`, measurements);
}

/** Builds the portal in its own scope so only the engine's copy stays reachable. */
async function startBenchPortal(houses: number) {
  let started = performance.now();
  const snapshot = buildDemoPortal({ houses, seed: 1, now: NOW });
  const buildSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const emulator = await startEmulator({ snapshot, now: NOW, latencyMs: 0 });
  const startSeconds = (performance.now() - started) / 1000;
  return { emulator, buildSeconds, startSeconds };
}

/** Through the control API, as any client of the emulator would. */
async function liftLimits(emulator: RunningEmulator): Promise<void> {
  const response = await fetch(`${emulator.controlUrl}/limits`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      capacity: 1e9,
      drainPerSecond: 1e9,
      operatingLimitSeconds: 1e9,
      resetUsage: true,
    }),
  });
  if (!response.ok) throw new Error(`PUT /_emulator/limits answered ${response.status}`);
  await fetch(`${emulator.controlUrl}/faults`, { method: 'DELETE' });
}

/** Every 50th house id: the cursors of the pages a sync walks. */
async function houseIds(emulator: RunningEmulator): Promise<string[]> {
  const cursors: string[] = ['0'];
  const sampleOffsets = [10_000, 30_000, 50_000, 70_000, 90_000];
  for (const start of sampleOffsets) {
    const page = await getJson<ListEnvelope>(
      emulator,
      `crm.deal.list?${HOUSE_FILTER}&select[]=ID&start=${start}`,
    );
    const first = page.result[0]?.ID;
    if (first) cursors.push(String(Number(first) - 1));
  }
  return cursors;
}

async function measurePages(emulator: RunningEmulator, cursors: string[], runs: number) {
  const cursorPage = (run: number) =>
    `crm.deal.list?${HOUSE_FILTER}&filter[>ID]=${cursors[run % cursors.length]}&start=-1`;
  const countedPage = (run: number) =>
    `crm.deal.list?${HOUSE_FILTER}&start=${(run * 977) % 99_950}`;

  const cursor = await sample(runs, (run) => getJson(emulator, cursorPage(run)));
  const counted = await sample(runs, (run) => getJson(emulator, countedPage(run)));
  return [
    timingMeasurement('crm.deal.list page, start=-1 cursor', cursor, GOALS.pageMs),
    timingMeasurement('crm.deal.list page, counted (start=N)', counted, GOALS.pageMs),
  ];
}

async function measureBatches(emulator: RunningEmulator, cursors: string[], runs: number) {
  const batchOf = (page: (index: number) => string) => {
    const cmd: Record<string, string> = {};
    for (let index = 0; index < 50; index++) cmd[`page${index}`] = page(index);
    return { halt: 0, cmd };
  };
  const cursorBatch = batchOf(
    (index) =>
      `crm.deal.list?${HOUSE_FILTER}&filter[>ID]=${cursors[index % cursors.length]}&start=-1`,
  );
  const countedBatch = batchOf((index) => `crm.deal.list?${HOUSE_FILTER}&start=${index * 50}`);

  const cursor = await sample(runs, () => postBatch(emulator, cursorBatch));
  const counted = await sample(runs, () => postBatch(emulator, countedBatch));
  return [
    timingMeasurement('batch of 50 pages, start=-1 cursors', cursor, GOALS.batchMs),
    timingMeasurement('batch of 50 pages, counted', counted, GOALS.batchMs),
  ];
}

function measureMemory(): Measurement {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const rssMb = process.memoryUsage().rss / 1e6;
  const note = collect ? '' : ' (no --expose-gc: before collection)';
  return goalMeasurement(
    `process RSS with the portal${note}`,
    `${rssMb.toFixed(0)} MB`,
    rssMb,
    GOALS.rssMb,
    'MB',
  );
}

/** Two warm-up calls, then `runs` timed ones. */
async function sample(runs: number, call: (run: number) => Promise<unknown>): Promise<number[]> {
  for (let run = 0; run < 2; run++) await call(run);

  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await call(run);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function getJson<T>(emulator: RunningEmulator, path: string): Promise<T> {
  const response = await fetch(`${emulator.webhookUrl}${path}`);
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path.split('?')[0]} answered ${response.status}`);
  return body;
}

async function postBatch(emulator: RunningEmulator, batch: object): Promise<void> {
  const response = await fetch(`${emulator.webhookUrl}batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(batch),
  });
  const body = (await response.json()) as BatchEnvelope;
  const errors = Object.keys(body.result?.result_error ?? {}).length;
  if (!response.ok || errors > 0)
    throw new Error(`batch answered ${response.status} with ${errors} errors`);
}

function timingMeasurement(name: string, samples: number[], goalMs: number): Measurement {
  const { p50, p95 } = percentiles(samples);
  return {
    name: `${name} (${samples.length} runs)`,
    result: `p50 ${formatMs(p50)} / p95 ${formatMs(p95)}`,
    goal: `< ${goalMs} ms`,
    met: p50 < goalMs,
  };
}

function goalMeasurement(
  name: string,
  result: string,
  value: number,
  goal: number,
  unit: string,
): Measurement {
  return { name, result, goal: `< ${goal} ${unit}`, met: value < goal };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
