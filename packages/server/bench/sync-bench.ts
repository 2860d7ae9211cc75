/**
 * `npm run bench:sync [-- --houses 490,100000 --latency 150]`
 *
 * A cold full sync of the demo portal and of a 100 000-house portal against the emulator
 * at a realistic latency (150 ms a request) and the standard plan (a leaky bucket of 50
 * that drains 2 a second). Prints, side by side, what the sync took and the floor those
 * limits allow:
 *
 *   pages     = ⌈houses/50⌉ + ⌈senior residents/50⌉ + ⌈УК/50⌉ + reference pages
 *               (user fields, pipelines, departments, users, the portal clock)
 *   requests_floor = max(⌈pages/50⌉, 3)        50 commands a batch; 3 rounds at least:
 *                                              reference → house pages → their contacts
 *   time_floor = max(requests_floor × latency, (requests_floor − 50) / 2 s)
 *                serial latency, or the time the bucket needs to let them through
 *
 * The emulator runs in its own process, so the peak RSS measured here is the sync's
 * (store, client, mapping), and the emulator's own work does not eat the sync's CPU.
 * The heap may grow as far as in `npm start` and `npm run sync` (cli/heap-growth.ts).
 * The store is a fresh SQLite file in a temporary folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createBitrix24Client } from '@audiobot/bitrix24';
import { limitHeapGrowth } from '../src/cli/heap-growth.js';
import { batchSenderOf } from '../src/portal/batch-sender.js';
import { createStore } from '../src/store/index.js';
import { domainRules, runSync, type SyncSummary } from '../src/sync/index.js';
import { createSyncRun } from '../src/sync/sync-runs.js';

interface Emulator {
  webhookUrl: string;
  memberId: string;
  controlUrl: string;
  process: ChildProcess;
}

interface BenchResult {
  houses: number;
  summary: SyncSummary;
  /** The same full sync again, nothing changed in the portal: the nightly case. */
  again: SyncSummary;
  commands: number;
  floorRequests: number;
  floorSeconds: number;
  peakRssMb: number;
  emulatorRssMb: number | null;
}

const root = path.resolve(import.meta.dirname, '../../..');

async function main(): Promise<void> {
  limitHeapGrowth();
  const { values } = parseArgs({
    options: { houses: { type: 'string' }, latency: { type: 'string' } },
  });
  const sizes = (values.houses ?? '490,100000').split(',').map(Number);
  const latencyMs = Number(values.latency ?? 150);

  const results: BenchResult[] = [];
  for (const houses of sizes) {
    process.stderr.write(`\n${houses} houses: starting the emulator…\n`);
    results.push(await benchOne(houses, latencyMs));
  }
  process.stdout.write(table(results, latencyMs));
}

async function benchOne(houses: number, latencyMs: number): Promise<BenchResult> {
  const emulator = await startEmulatorProcess(houses, latencyMs);
  const folder = mkdtempSync(path.join(tmpdir(), 'audiobot-bench-'));
  const store = createStore({
    database: { dialect: 'sqlite', path: path.join(folder, 'bench.sqlite') },
  });

  try {
    await store.migrate();
    const client = createBitrix24Client({
      auth: { type: 'webhook', webhookUrl: emulator.webhookUrl },
      plan: 'standard',
    });
    const peak = watchPeakRss();
    let lastLine = 0;
    const fullSync = async () => {
      const run = await createSyncRun(store.db, emulator.memberId, 'full');
      return runSync(
        {
          db: store.db,
          memberId: emulator.memberId,
          send: batchSenderOf(client),
          domain: domainRules({ memberId: emulator.memberId, timeZone: 'Europe/Moscow' }),
          requests: () => client.getStats().requests,
        },
        {
          mode: 'full',
          runId: Number(run.id),
          onProgress: (progress) => {
            if (Date.now() - lastLine < 2000) return;
            lastLine = Date.now();
            process.stderr.write(
              `  ${progress.phase} ${progress.done}/${progress.total}, ` +
                `${progress.requests} requests\n`,
            );
          },
        },
      );
    };

    const summary = await fullSync();
    const log = await requestLog(emulator.controlUrl);
    process.stderr.write('  the same full sync again…\n');
    const again = await fullSync();
    const peakRssMb = peak.stop();

    const counts = await directoryCounts(store.db, emulator.memberId);
    const pages =
      Math.ceil(houses / 50) +
      Math.ceil(counts.residents / 50) +
      Math.ceil(counts.companies / 50) +
      counts.referencePages;
    const floorRequests = Math.max(Math.ceil(pages / 50), 3);
    const floorSeconds = Math.max((floorRequests * latencyMs) / 1000, (floorRequests - 50) / 2);

    return {
      houses,
      summary,
      again,
      commands: log.batchCommands,
      floorRequests,
      floorSeconds,
      peakRssMb,
      emulatorRssMb: rssOfProcess(emulator.process.pid),
    };
  } finally {
    await store.close();
    emulator.process.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  }
}

async function directoryCounts(db: ReturnType<typeof createStore>['db'], memberId: string) {
  const count = async (table: 'seniorResidents' | 'managementCompanies' | 'employees') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('memberId', '=', memberId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const users = await count('employees');
  // user fields (1, unpaged), pipelines (1), departments (1), users (⌈n/50⌉), server.time (1)
  return {
    residents: await count('seniorResidents'),
    companies: await count('managementCompanies'),
    referencePages: 4 + Math.ceil(users / 50),
  };
}

function startEmulatorProcess(houses: number, latencyMs: number): Promise<Emulator> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'packages/emulator/src/cli.ts'),
      '--port',
      '0',
      '--houses',
      String(houses),
      '--latency',
      String(latencyMs),
      '--quiet',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );

  return new Promise((resolve, reject) => {
    const found: Record<string, string> = {};
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^(webhook|member_id|control): (\S+)/.exec(line);
      if (match?.[1] && match[2]) found[match[1]] = match[2];
      if (found.webhook && found.member_id && found.control) {
        resolve({
          webhookUrl: found.webhook,
          memberId: found.member_id,
          controlUrl: found.control,
          process: child,
        });
      }
    });
  });
}

function watchPeakRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20);
    },
  };
}

/**
 * The emulator's request log, asked twice at most: a first sync ends by building the
 * cleanings' index by day, which holds this process for seconds at 100 000 houses, and
 * meanwhile the emulator closes the idle keep-alive sockets the first ask may pick.
 */
async function requestLog(controlUrl: string): Promise<{ batchCommands: number }> {
  const ask = async () => (await fetch(`${controlUrl}/requests`)).json();
  return (await ask().catch(ask)) as { batchCommands: number };
}

/** VmHWM (peak resident set) of another process, from /proc; null where there is none. */
function rssOfProcess(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

function table(results: BenchResult[], latencyMs: number): string {
  const lines = [
    '',
    `Cold full sync, emulator at ${latencyMs} ms a request, standard plan (bucket 50, 2/s)`,
    '',
    'houses   | requests | floor | wall s | floor s | × floor | again s | RSS MB | emulator MB' +
      ' | commands',
    '-------- | -------- | ----- | ------ | ------- | ------- | ------- | ------ | -----------' +
      ' | --------',
  ];
  for (const result of results) {
    const { summary } = result;
    lines.push(
      [
        String(result.houses).padEnd(8),
        String(summary.requests).padStart(8),
        String(result.floorRequests).padStart(5),
        summary.seconds.toFixed(1).padStart(6),
        result.floorSeconds.toFixed(1).padStart(7),
        (summary.seconds / result.floorSeconds).toFixed(2).padStart(7),
        result.again.seconds.toFixed(1).padStart(7),
        String(result.peakRssMb).padStart(6),
        String(result.emulatorRssMb ?? '?').padStart(11),
        String(result.commands).padStart(8),
      ].join(' | '),
    );
  }
  lines.push(
    '',
    'floor: requests = max(⌈pages/50⌉, 3); seconds = max(requests × latency, (requests − 50) / 2)',
    'again: the same full sync once more with nothing changed (the nightly run); RSS: both',
    '',
  );
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
