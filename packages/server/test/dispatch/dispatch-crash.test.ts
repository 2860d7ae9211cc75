import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBitrix24Client } from '@audiobot/bitrix24';
import { type RunningEmulator, startEmulator } from '@audiobot/emulator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cleaningEvents } from '../../src/calendar/index.js';
import { brigadeDayPlans, brigadePlanKey, brigadePlanMarker } from '../../src/dispatch/index.js';
import { countOutbox, listOutbox } from '../../src/outbox/index.js';
import { batchSenderOf } from '../../src/portal/batch-sender.js';
import type { Store } from '../../src/store/index.js';
import { domainRules } from '../../src/sync/domain-rules.js';
import { runSync } from '../../src/sync/run-sync.js';
import { createSyncRun } from '../../src/sync/sync-runs.js';
import { expectEventsMatchPlan } from '../calendar/support/calendar-expectations.js';
import { portalEvents, portalTasks } from '../outbox/support/outbox-harness.js';
import { busiestDate } from '../support/cleaning-dates.js';
import { createSharedTestStore, describeStore } from '../support/test-store.js';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * The crash test: `npm run dispatch` as a real process, killed with SIGKILL while
 * it writes to a faulty portal, then started again. Whatever the kills hit, the portal
 * ends with one task per plan and one event per cleaning, and the outbox loses nothing.
 */
describeStore('a dispatch process killed mid-run and started again', () => {
  let emulator: RunningEmulator;
  let store: Store;
  let databaseUrl: string;
  let dir: string;
  let date: string;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'audiobot-crash-'));
    emulator = await startEmulator({ houses: 60 });
    ({ store, databaseUrl } = await createSharedTestStore(dir));
    await syncInto(store, emulator);
    date = await busiestDate({ store, emulator });
  });
  afterEach(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await store.close();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function startDispatch(): { child: ChildProcess; exit: Promise<number | null> } {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/server/src/cli/dispatch.ts', '--date', date, '--wait', '90'],
      {
        cwd: root,
        env: {
          ...process.env,
          BITRIX_WEBHOOK_URL: emulator.webhookUrl,
          BITRIX_MEMBER_ID: emulator.memberId,
          DATABASE_URL: databaseUrl,
          AUDIOBOT_CALENDAR: 'brigade',
          AUDIOBOT_DISPATCH_TASKS: 'brigade',
          AUDIOBOT_OUTBOX_LEASE_SECONDS: '2',
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(child);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { child, exit };
  }

  async function killWhen(condition: () => boolean): Promise<void> {
    const { child, exit } = startDispatch();
    const deadline = Date.now() + 60_000;
    while (!condition() && child.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await exit;
  }

  it('ends with one task per plan and one event per cleaning', async () => {
    await faults(emulator, 11);
    const events = () => portalEvents(emulator).length;

    // Killed among the tasks, then among the events: each time with writes left undone.
    await killWhen(() => portalTasks(emulator).length >= 2);
    const afterFirst = await countOutbox(store.db, emulator.memberId);
    expect(afterFirst.pending + afterFirst.running).toBeGreaterThan(0);
    await killWhen(() => events() >= 3);
    await killWhen(() => events() >= 8);

    const { exit } = startDispatch();
    expect(await exit).toBe(0);

    await expectTasksMatchPlans(store, emulator, date);
    await expectEventsMatchPlan(
      { store, emulator, events: () => portalEvents(emulator) },
      date,
      'brigade',
    );
    await expectNothingLost(store, emulator, date);
  }, 240_000);
});

/** Rate limits, 5xx, dropped connections, and every call a little slow. */
async function faults(emulator: RunningEmulator, seed: number): Promise<void> {
  const response = await fetch(`${emulator.controlUrl}/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      latency: { kind: 'fixed', ms: 25 },
      errors: [
        { status: 503, rate: 0.1, error: 'QUERY_LIMIT_EXCEEDED' },
        { status: 500, rate: 0.05 },
      ],
      dropRate: 0.05,
      seed,
    }),
  });
  expect(response.ok).toBe(true);
}

async function syncInto(store: Store, emulator: RunningEmulator): Promise<void> {
  const client = createBitrix24Client({
    auth: { type: 'webhook', webhookUrl: emulator.webhookUrl },
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
  });
  const run = await createSyncRun(store.db, emulator.memberId, 'full');
  await runSync(
    {
      db: store.db,
      memberId: emulator.memberId,
      send: batchSenderOf(client),
      domain: domainRules({ memberId: emulator.memberId, timeZone: 'Europe/Moscow' }),
      requests: () => client.getStats().requests,
    },
    { mode: 'full', runId: Number(run.id) },
  );
}

async function expectTasksMatchPlans(store: Store, emulator: RunningEmulator, date: string) {
  const plans = await brigadeDayPlans(store.db, emulator.memberId, date);
  const led = plans.filter((plan) => plan.leaderId !== null);
  const tasks = portalTasks(emulator);

  expect(led.length).toBeGreaterThan(1);
  expect(tasks).toHaveLength(led.length);
  for (const plan of led) {
    const mine = tasks.filter((task) =>
      task.title.includes(brigadePlanMarker(plan.brigadeId, date)),
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]?.ufCrmTask).toEqual(plan.houses.map((house) => `D_${house.houseId}`));
  }
}

/** Every plan and every cleaning has its entry, done; nothing waits, nothing failed. */
async function expectNothingLost(store: Store, emulator: RunningEmulator, date: string) {
  const entries = await listOutbox(store.db, emulator.memberId, { limit: 500 });
  const done = new Set(
    entries.filter((entry) => entry.status === 'done').map((entry) => entry.idempotencyKey),
  );
  const plans = await brigadeDayPlans(store.db, emulator.memberId, date);
  const planned = await cleaningEvents(store.db, emulator.memberId, [date.slice(0, 7)], 'brigade');

  for (const plan of plans.filter((one) => one.leaderId !== null))
    expect(done.has(brigadePlanKey(plan.brigadeId, date))).toBe(true);
  for (const event of planned.events.filter((one) => one.date === date))
    expect(done.has(event.key), event.key).toBe(true);
  const counts = await countOutbox(store.db, emulator.memberId);
  expect(counts).toMatchObject({ pending: 0, running: 0, failed: 0 });
}
