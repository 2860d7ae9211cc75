/**
 * `npm run bench:api`: the houses list (50 a page, one filter) under 50 concurrent
 * keep-alive connections on 127.0.0.1 (Node's own fetch, which pools and keeps them),
 * next to the ceiling — the same server answering the same bytes precomputed, through
 * the same hooks (auth, logging, error handling).
 * Read answers are kept until the store's data version moves (http/read-cache.ts), so
 * the list mostly pays for the version probe and the cache lookup; a third row shows
 * the same list with the cache off — its count, page and stored items read every time.
 * Goal: the list reaches at least half the ceiling's throughput without the cache (the
 * cache-off row); the cached row is shown beside it.
 *
 * Options: --houses N (demo portal size, default 490), --seconds S per target
 * (default 5), --connections C (default 50), --store FILE (a SQLite store synced
 * earlier, served as it is: a 100 000-house sync takes minutes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { buildApp } from '../src/app/build-app.js';
import { limitHeapGrowth } from '../src/cli/heap-growth.js';
import { type Config, loadConfig, secretsOf } from '../src/config/index.js';
import { InProcessQueue } from '../src/jobs/index.js';
import { createLogger } from '../src/logging/logger.js';
import { createSecretRedactor } from '../src/logging/secret-redactor.js';
import { connectPortal } from '../src/portal/connect-portal.js';
import { createStore, type Store } from '../src/store/index.js';
import { domainRules } from '../src/sync/domain-rules.js';
import { runSync } from '../src/sync/run-sync.js';
import { createSyncRun } from '../src/sync/sync-runs.js';

const TOKEN = 'bench-admin-token-0123456789';
const WARMUP_SECONDS = 1;

interface Figures {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
}

async function main(): Promise<void> {
  limitHeapGrowth();
  const options = optionsOf();
  const config = loadConfig({
    env: {
      DATABASE_URL: options.store ?? benchStoreFile(),
      AUDIOBOT_ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
    },
    envFile: false,
  });
  const store = createStore({ database: config.database });
  await store.migrate();
  const portal = options.store
    ? await storedPortal(store)
    : await syncedDemoPortal(config, store, options.houses);

  const redactor = createSecretRedactor(secretsOf(config));
  const queue = new InProcessQueue();
  const appOf = (cacheReads: boolean) =>
    buildApp({
      cacheReads,
      config,
      store,
      portal: { memberId: portal.memberId, domain: portal.domain, demo: true },
      queue,
      logger: createLogger({ level: 'warn', redactor }),
      redactor,
      webRoot: null,
    });
  const app = await appOf(true);
  const uncachedApp = await appOf(false);

  // Registered only here: the same bytes, behind the same hooks, with no work at all.
  // (Routes must exist before the first request; the bytes are filled in just after.)
  let bytes: Buffer = Buffer.alloc(0);
  app.get('/api/bench/ceiling', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(bytes),
  );
  const listPath = await pickListPath(app);
  const answer = await app.inject({ url: listPath, headers: { authorization: `Bearer ${TOKEN}` } });
  bytes = answer.rawPayload;
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });

  process.stdout.write(
    `Target ${listPath} → ${bytes.length} bytes; ${options.connections} connections, ` +
      `${options.seconds} s each after ${WARMUP_SECONDS} s warm-up\n`,
  );
  const uncachedOrigin = await uncachedApp.listen({ port: 0, host: '127.0.0.1' });
  const list = await load(origin, listPath, options);
  const top = await load(origin, '/api/bench/ceiling', options);
  const uncached = await load(uncachedOrigin, listPath, options);
  print(list, top, uncached);

  await uncachedApp.close();
  await app.close();
  await queue.stop();
  await portal.stop();
  await store.close();
  process.exitCode = uncached.requests / uncached.seconds >= top.requests / top.seconds / 2 ? 0 : 1;
}

/**
 * A fresh SQLite file, as `npm start` keeps its store: an in-memory database answers
 * the same queries about a third slower, which would measure something nobody runs.
 */
function benchStoreFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'audiobot-api-bench-'));
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  return path.join(folder, 'bench.sqlite');
}

/** The demo portal of the emulator, connected and synced into the bench's store. */
async function syncedDemoPortal(config: Config, store: Store, houses: number) {
  process.stdout.write(`Syncing a demo portal of ${houses} houses…\n`);
  const portal = await connectPortal(config, store, { emulator: { houses } });
  const domain = domainRules({ memberId: portal.memberId, timeZone: config.timeZone });
  const deps = { db: store.db, memberId: portal.memberId, send: portal.send, domain };
  const run = await createSyncRun(store.db, portal.memberId, 'full');
  await runSync(deps, { mode: 'full', runId: Number(run.id) });
  return portal;
}

/** A store synced earlier (`--store file.sqlite`): its portal, served without syncing. */
async function storedPortal(store: Store) {
  const house = await store.db.selectFrom('houses').select('memberId').executeTakeFirstOrThrow();
  process.stdout.write(`Serving the stored portal ${house.memberId}…\n`);
  return { memberId: house.memberId, domain: 'stored.bitrix24.test', stop: async () => {} };
}

function optionsOf() {
  const { values } = parseArgs({
    options: {
      houses: { type: 'string', default: '490' },
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      store: { type: 'string' },
    },
  });
  return {
    store: values.store,
    houses: Number(values.houses),
    seconds: Math.min(60, Number(values.seconds)),
    connections: Math.min(200, Number(values.connections)),
  };
}

/** The list filtered by its first brigade: one filter, as the office uses it. */
async function pickListPath(app: Awaited<ReturnType<typeof buildApp>>): Promise<string> {
  const filters = await app.inject({
    url: '/api/cleaning/filters',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const brigadeId = filters.json().brigades[0]?.id as string;
  return `/api/cleaning/houses?limit=50&brigadeId=${brigadeId}`;
}

/** A closed loop per connection: send, wait for the whole body, send again. */
async function load(
  origin: string,
  path: string,
  options: { seconds: number; connections: number },
): Promise<Figures> {
  const headers = { authorization: `Bearer ${TOKEN}` };
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;

  const worker = async (until: number) => {
    while (performance.now() < until) {
      const started = performance.now();
      const response = await fetch(`${origin}${path}`, { headers });
      await response.arrayBuffer();
      if (!measuring) continue;
      if (response.status !== 200) errors += 1;
      latencies.push(performance.now() - started);
    }
  };

  const warmUntil = performance.now() + WARMUP_SECONDS * 1000;
  await Promise.all(Array.from({ length: options.connections }, () => worker(warmUntil)));

  measuring = true;
  const start = performance.now();
  const until = start + options.seconds * 1000;
  await Promise.all(Array.from({ length: options.connections }, () => worker(until)));
  const seconds = (performance.now() - start) / 1000;

  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, errors, seconds, p50: at(0.5), p99: at(0.99) };
}

function print(list: Figures, ceiling: Figures, uncached: Figures): void {
  const rps = (f: Figures) => f.requests / f.seconds;
  const row = (name: string, f: Figures) =>
    `${name.padEnd(26)}${rps(f).toFixed(0).padStart(9)}${f.p50.toFixed(1).padStart(10)}` +
    `${f.p99.toFixed(1).padStart(10)}${String(f.errors).padStart(8)}\n`;

  process.stdout.write(`\n${'target'.padEnd(26)}${'req/s'.padStart(9)}${'p50 ms'.padStart(10)}`);
  process.stdout.write(`${'p99 ms'.padStart(10)}${'errors'.padStart(8)}\n`);
  process.stdout.write(row('houses list (brigade)', list));
  process.stdout.write(row('ceiling (same bytes)', ceiling));
  process.stdout.write(row('houses list, cache off', uncached));

  const percent = (f: Figures) => `${((rps(f) / rps(ceiling)) * 100).toFixed(0)} %`;
  const verdict = rps(uncached) / rps(ceiling) >= 0.5 ? 'goal met' : 'goal missed';
  process.stdout.write(
    `\nlist / ceiling: cached ${percent(list)}, cache off ${percent(uncached)} ` +
      `(goal ≥ 50 % with the cache off): ${verdict}\n`,
  );
}

await main();
