/**
 * `npm run bench:emulator`: the emulator serving the 100 000-house demo portal with
 * latency off and limits lifted. Prints, beside the goals of issue 2 item 11, the time
 * of one `crm.deal.list` page, of one 50-command batch of pages (also the emulator's
 * CPU time a call, which other work on the machine does not inflate), and the
 * emulator's memory: its peak RSS and its RSS once collected. The emulator runs in a
 * child process (emulator-process.ts), so its memory is measured apart from this
 * client's.
 *
 * Options: `--houses N` (default 100000), `--runs N` (page samples, default 50).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatMs, type Measurement, percentiles, printReport } from './bench-report.js';
import type { ChildRequest, CpuMessage, MemoryMessage, ReadyMessage } from './emulator-process.js';

const GOALS = { buildSeconds: 5, pageMs: 20, batchMs: 300, rssMb: 500 };
const HOUSE_FILTER = 'filter[CATEGORY_ID]=34&order[ID]=ASC&select[]=*&select[]=UF_*';
const CHILD = fileURLToPath(new URL('./emulator-process.ts', import.meta.url));

interface Portal {
  webhookUrl: string;
  controlUrl: string;
  /** The emulator's process, asked for its CPU time around each series of calls. */
  child: ChildProcess;
}

/** Wall times of a series of calls, and the emulator's CPU time a call. */
interface Series {
  samples: number[];
  cpuMs: number;
}

interface ListEnvelope {
  result: { ID: string }[];
}

interface BatchEnvelope {
  result?: { result_error?: Record<string, unknown> | unknown[] };
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

  const child = fork(CHILD, [String(houses)], { execArgv: ['--import', 'tsx', '--expose-gc'] });
  try {
    const ready = await nextMessage<ReadyMessage>(child, 'ready');
    const build = ready.buildSeconds;
    const measurements: Measurement[] = [
      goalMeasurement(
        `demo portal build (${houses} houses)`,
        seconds(build),
        build,
        GOALS.buildSeconds,
        's',
      ),
      {
        name: 'emulator start (load + index)',
        result: seconds(ready.startSeconds),
        goal: '',
        met: null,
      },
      ...(await measureCalls({ ...ready, child }, houses, runs, child)),
    ];
    printReport(`Emulator benchmark: ${houses} houses, latency off, limits lifted`, measurements);
  } finally {
    child.send({ type: 'stop' } satisfies ChildRequest);
  }
}

async function measureCalls(portal: Portal, houses: number, runs: number, child: ChildProcess) {
  await liftLimits(portal);
  const measurements = await measureMemory(child, 'after start');

  const cursors = await houseCursors(portal, houses);
  measurements.push(...(await measurePages(portal, cursors, houses, runs)));
  measurements.push(
    ...(await measureBatches(portal, cursors, houses, Math.max(5, Math.round(runs / 3)))),
  );
  measurements.push(...(await measureMemory(child, 'after the calls')));
  return measurements;
}

/** Through the control API, as any client of the emulator would. */
async function liftLimits(portal: Portal): Promise<void> {
  const response = await fetch(`${portal.controlUrl}/limits`, {
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
  await fetch(`${portal.controlUrl}/faults`, { method: 'DELETE' });
}

/** Cursors spread over the pipeline: the ids just before sampled pages. */
async function houseCursors(portal: Portal, houses: number): Promise<string[]> {
  const cursors: string[] = ['0'];
  for (let tenth = 1; tenth < 10; tenth += 2) {
    const start = Math.floor((houses * tenth) / 10 / 50) * 50;
    const path = `crm.deal.list?${HOUSE_FILTER}&select[]=ID&start=${start}`;
    const first = (await getJson<ListEnvelope>(portal, path)).result[0]?.ID;
    if (first) cursors.push(String(Number(first) - 1));
  }
  return cursors;
}

async function measurePages(portal: Portal, cursors: string[], houses: number, runs: number) {
  const cursorPage = (run: number) =>
    `crm.deal.list?${HOUSE_FILTER}&filter[>ID]=${cursors[run % cursors.length]}&start=-1`;
  const countedPage = (run: number) =>
    `crm.deal.list?${HOUSE_FILTER}&start=${((run * 977) % Math.max(1, houses / 50)) * 50}`;

  const cursor = await sample(portal, runs, (run) => getJson(portal, cursorPage(run)));
  const counted = await sample(portal, runs, (run) => getJson(portal, countedPage(run)));
  return [
    timingMeasurement('crm.deal.list page, start=-1 cursor', cursor, GOALS.pageMs),
    timingMeasurement('crm.deal.list page, counted (start=N)', counted, GOALS.pageMs),
  ];
}

async function measureBatches(portal: Portal, cursors: string[], houses: number, runs: number) {
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

  // Pages no call has read yet, as a sync walking the pipeline reads them: every row is
  // projected and encoded anew, none comes from the cache of rows read before
  // (src/state/list-row-cache.ts).
  const pages = Math.max(1, Math.floor(houses / 50));
  const unreadBatch = (run: number) =>
    batchOf(
      (index) => `crm.deal.list?${HOUSE_FILTER}&start=${(((run + 1) * 50 + index) % pages) * 50}`,
    );

  const cursor = await sample(portal, runs, () => postBatch(portal, cursorBatch));
  const counted = await sample(portal, runs, () => postBatch(portal, countedBatch));
  const unread = await sample(portal, runs, (run) => postBatch(portal, unreadBatch(run)));
  return [
    timingMeasurement('batch of 50 pages, start=-1 cursors', cursor, GOALS.batchMs),
    timingMeasurement('batch of 50 pages, counted', counted, GOALS.batchMs),
    timingMeasurement('batch of 50 pages, counted, rows not read before', unread, GOALS.batchMs),
  ];
}

async function measureMemory(child: ChildProcess, moment: string): Promise<Measurement[]> {
  child.send({ type: 'memory' } satisfies ChildRequest);
  const message = await nextMessage<MemoryMessage>(child, 'memory');
  const { rss, peakRss, heapUsed, external, collected } = message;
  const rssMb = rss / 1e6;
  const note = collected ? '' : ', before collection';
  return [
    {
      name: `emulator peak RSS until ${moment.replace('after ', 'the end of ')}`,
      result: peakRss === null ? 'unknown' : `${(peakRss / 1e6).toFixed(0)} MB`,
      goal: '',
      met: null,
    },
    goalMeasurement(
      `emulator RSS ${moment}${note}`,
      `${rssMb.toFixed(0)} MB`,
      rssMb,
      GOALS.rssMb,
      'MB',
    ),
    {
      name: `emulator heap used ${moment}`,
      result: `${(heapUsed / 1e6).toFixed(0)} MB`,
      goal: '',
      met: null,
    },
    {
      name: `emulator buffers outside the heap ${moment}`,
      result: `${(external / 1e6).toFixed(0)} MB`,
      goal: '',
      met: null,
    },
  ];
}

/**
 * Two warm-up calls (numbered after the timed ones), then `runs` timed ones. The
 * emulator's CPU time a call is the figure that other work on the machine leaves
 * alone; wall times include waiting for a core.
 */
async function sample(
  portal: Portal,
  runs: number,
  call: (run: number) => Promise<unknown>,
): Promise<Series> {
  for (let run = runs; run < runs + 2; run++) await call(run);

  await emulatorCpuMs(portal.child);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await call(run);
    samples.push(performance.now() - started);
  }
  return { samples, cpuMs: (await emulatorCpuMs(portal.child)) / runs };
}

async function emulatorCpuMs(child: ChildProcess): Promise<number> {
  child.send({ type: 'cpu' } satisfies ChildRequest);
  return (await nextMessage<CpuMessage>(child, 'cpu')).ms;
}

async function getJson<T>(portal: Portal, path: string): Promise<T> {
  const response = await fetch(`${portal.webhookUrl}${path}`);
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path.split('?')[0]} answered ${response.status}`);
  return body;
}

async function postBatch(portal: Portal, batch: object): Promise<void> {
  const response = await fetch(`${portal.webhookUrl}batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(batch),
  });
  const body = (await response.json()) as BatchEnvelope;
  const errors = Object.keys(body.result?.result_error ?? {}).length;
  if (!response.ok || errors > 0) {
    throw new Error(`batch answered ${response.status} with ${errors} errors`);
  }
}

function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => reject(new Error(`emulator process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function timingMeasurement(name: string, series: Series, goalMs: number): Measurement {
  const { samples, cpuMs } = series;
  const { p50, p95 } = percentiles(samples);
  return {
    name: `${name} (${samples.length} runs)`,
    result: `p50 ${formatMs(p50)} / p95 ${formatMs(p95)}, emulator CPU ${formatMs(cpuMs)}`,
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

function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
