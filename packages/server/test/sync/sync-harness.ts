import { createBitrix24Client } from '@audiobot/bitrix24';
import { type RunningEmulator, startEmulator } from '@audiobot/emulator';
import { batchSenderOf } from '../../src/portal/batch-sender.js';
import type { Store, SyncMode } from '../../src/store/index.js';
import { domainRules } from '../../src/sync/domain-rules.js';
import { runSync } from '../../src/sync/run-sync.js';
import type { SyncDependencies, SyncSummary } from '../../src/sync/sync-context.js';
import { createSyncRun } from '../../src/sync/sync-runs.js';
import { createTestStore } from '../support/test-store.js';

/** The demo portal (emulator) and a fresh store, wired the way the server wires them. */
export interface SyncHarness {
  emulator: RunningEmulator;
  store: Store;
  deps: SyncDependencies;
  sync(mode: SyncMode): Promise<SyncSummary>;
  /** Emulator control API. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { houses?: number; retry?: { maxAttempts?: number; baseDelayMs?: number } } = {},
): Promise<SyncHarness> {
  const emulator = await startEmulator({ houses: options.houses ?? 490 });
  const store = await createTestStore();
  const client = createBitrix24Client({
    auth: { type: 'webhook', webhookUrl: emulator.webhookUrl },
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...options.retry },
  });
  const deps: SyncDependencies = {
    db: store.db,
    memberId: emulator.memberId,
    send: batchSenderOf(client),
    domain: domainRules({ memberId: emulator.memberId, timeZone: 'Europe/Moscow' }),
    requests: () => client.getStats().requests,
  };

  return {
    emulator,
    store,
    deps,
    async sync(mode) {
      const run = await createSyncRun(store.db, emulator.memberId, mode);
      return runSync(deps, { mode, runId: Number(run.id) });
    },
    async control(method, path, body) {
      const response = await fetch(`${emulator.controlUrl}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    async close() {
      await store.close();
      await emulator.stop();
    },
  };
}
