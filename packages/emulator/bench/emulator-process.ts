/**
 * The emulator under benchmark, in a process of its own so that its memory is measured
 * without the client's: builds the demo portal, starts the emulator, reports over IPC,
 * answers `memory` requests and stops on `stop`. Started by emulator-bench.ts.
 */
import { buildDemoPortal } from '../src/demo/index.js';
import { type RunningEmulator, startEmulator } from '../src/index.js';

export interface ReadyMessage {
  type: 'ready';
  webhookUrl: string;
  controlUrl: string;
  buildSeconds: number;
  startSeconds: number;
}

export interface MemoryMessage {
  type: 'memory';
  rss: number;
  heapUsed: number;
  collected: boolean;
}

export type ChildRequest = { type: 'memory' } | { type: 'stop' };

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

function memory(): MemoryMessage {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { type: 'memory', rss, heapUsed, collected: collect !== undefined };
}

function send(message: ReadyMessage | MemoryMessage): void {
  process.send?.(message);
}

const emulator = start(Number(process.argv[2] ?? 100_000));
process.on('message', async (request: ChildRequest) => {
  if (request.type === 'memory') send(memory());
  if (request.type === 'stop') {
    await (await emulator).stop();
    process.exit(0);
  }
});
