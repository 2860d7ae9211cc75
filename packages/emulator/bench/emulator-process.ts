/**
 * The emulator under benchmark, in a process of its own so that its memory is measured
 * without the client's: builds the demo portal, starts the emulator, reports over IPC,
 * answers `memory` requests and stops on `stop`. Started by emulator-bench.ts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { buildDemoPortal } from '../src/demo/index.js';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { peakRssBytes, resetPeakRss } from './peak-rss.js';

export interface ReadyMessage {
  type: 'ready';
  webhookUrl: string;
  controlUrl: string;
  buildSeconds: number;
  startSeconds: number;
}

export interface MemoryMessage {
  type: 'memory';
  /** After a full collection, once V8 has handed the freed pages back. */
  rss: number;
  /** The highest RSS since the previous report (or the start); null where unknown. */
  peakRss: number | null;
  heapUsed: number;
  /** Buffers outside the JavaScript heap (process.memoryUsage().external). */
  external: number;
  collected: boolean;
}

/** The emulator's CPU time (user and system) since the previous `cpu` request. */
export interface CpuMessage {
  type: 'cpu';
  ms: number;
}

export type ChildRequest = { type: 'memory' } | { type: 'cpu' } | { type: 'stop' };

const NOW = new Date('2025-09-16T09:30:00Z');

async function start(houses: number): Promise<RunningEmulator> {
  let started = performance.now();
  const snapshot = buildDemoPortal({ houses, seed: 1, now: NOW });
  const buildSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const emulator = await startEmulator({ snapshot, now: NOW, latencyMs: 0 });
  const startSeconds = (performance.now() - started) / 1000;

  send({
    type: 'ready',
    webhookUrl: emulator.webhookUrl,
    controlUrl: emulator.controlUrl,
    buildSeconds,
    startSeconds,
  });
  return emulator;
}

/**
 * V8 returns the pages a collection freed on a background thread, so the RSS read right
 * after `gc()` still counts them (it read 780 MB where it settled at 390 MB): the
 * reading waits for that first.
 */
async function memory(): Promise<MemoryMessage> {
  const peakRss = peakRssBytes();
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  await sleep(1000);
  const { rss, heapUsed, external } = process.memoryUsage();
  resetPeakRss();
  return { type: 'memory', rss, peakRss, heapUsed, external, collected: collect !== undefined };
}

let cpuMark = process.cpuUsage();

function cpu(): CpuMessage {
  const used = process.cpuUsage(cpuMark);
  cpuMark = process.cpuUsage();
  return { type: 'cpu', ms: (used.user + used.system) / 1000 };
}

function send(message: ReadyMessage | MemoryMessage | CpuMessage): void {
  process.send?.(message);
}

const emulator = start(Number(process.argv[2] ?? 100_000));
process.on('message', async (request: ChildRequest) => {
  if (request.type === 'memory') send(await memory());
  if (request.type === 'cpu') send(cpu());
  if (request.type === 'stop') {
    await (await emulator).stop();
    process.exit(0);
  }
});
