import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  countOutbox,
  enqueueOutbox,
  getOutboxEntries,
  listOutbox,
  retryOutbox,
  taskUpsertKind,
} from '../../src/outbox/index.js';
import { describeStore } from '../support/test-store.js';
import {
  losingFirstAdd,
  type OutboxHarness,
  startOutboxHarness,
} from './support/outbox-harness.js';

const KEY = 'test-task:1';
const MARKER = '[AB test-task:1]';

function intent(harness: OutboxHarness, title: string, responsibleId = 1) {
  return {
    memberId: harness.emulator.memberId,
    kind: taskUpsertKind,
    idempotencyKey: KEY,
    payload: {
      marker: MARKER,
      fields: { TITLE: `${title} ${MARKER}`, RESPONSIBLE_ID: responsibleId },
    },
  };
}

describeStore('outbox worker against the emulator', () => {
  let harness: OutboxHarness;

  beforeEach(async () => {
    harness = await startOutboxHarness(10);
  });
  afterEach(async () => {
    await harness.close();
  });

  it('adds the task once, and a rerun with a new payload updates the same task', async () => {
    const first = await enqueueOutbox(harness.store.db, intent(harness, 'Первый'), new Date());
    await harness.worker().runDue();
    await enqueueOutbox(harness.store.db, intent(harness, 'Второй'), new Date());
    const summary = await harness.worker().runDue();

    expect(summary).toEqual({ attempted: 1, done: 1, retried: 0, failed: 0, replaced: 0 });
    expect(harness.tasks()).toHaveLength(1);
    expect(harness.tasks()[0]?.title).toBe(`Второй ${MARKER}`);
    const [entry] = await getOutboxEntries(harness.store.db, [first.id]);
    expect(entry).toMatchObject({ status: 'done', revision: 2, result: { via: 'stored_id' } });
  });

  it('retries rate limits, 5xx and dropped connections until the write is done', async () => {
    await harness.control('PUT', '/faults', {
      errors: [
        { status: 503, rate: 0.3, error: 'QUERY_LIMIT_EXCEEDED' },
        { status: 500, rate: 0.2 },
      ],
      dropRate: 0.2,
      seed: 7,
    });
    const entry = await enqueueOutbox(harness.store.db, intent(harness, 'Сбои'), new Date());

    const [settled] = await harness.worker().settle([entry.id], 20_000);

    expect(settled?.status).toBe('done');
    expect(settled?.attempts).toBeGreaterThan(1);
    expect(harness.tasks()).toHaveLength(1);
    const counts = await countOutbox(harness.store.db, harness.emulator.memberId);
    expect(counts).toMatchObject({ done: 1, retried: 1, pending: 0, failed: 0 });
  });

  it('fails a write the portal refuses, with its reason; an admin retry reruns it', async () => {
    const entry = await enqueueOutbox(
      harness.store.db,
      intent(harness, 'Никому', 999_999),
      new Date(),
    );

    const summary = await harness.worker().runDue();

    expect(summary.failed).toBe(1);
    const [failed] = await listOutbox(harness.store.db, harness.emulator.memberId, {
      status: 'failed',
    });
    expect(failed?.lastError?.code).toBe('ERROR_CORE');
    expect(failed?.lastError?.message).toMatch(/assignee/);
    expect(failed?.attempts).toBe(1);
    expect(harness.tasks()).toHaveLength(0);

    expect(
      await retryOutbox(harness.store.db, harness.emulator.memberId, entry.id, new Date()),
    ).toBe(true);
    expect((await getOutboxEntries(harness.store.db, [entry.id]))[0]?.status).toBe('pending');
  });

  it('finds the task it added when the answer to the add was lost', async () => {
    const entry = await enqueueOutbox(harness.store.db, intent(harness, 'Потеря'), new Date());
    const worker = harness.worker({ portal: losingFirstAdd(harness.portal, 'lose') });

    const [settled] = await worker.settle([entry.id], 10_000);

    expect(settled).toMatchObject({ status: 'done', attempts: 2, result: { via: 'marker' } });
    expect(harness.tasks()).toHaveLength(1);
  });

  it('picks up a run a crash left running after its lease, adding nothing twice', async () => {
    const entry = await enqueueOutbox(harness.store.db, intent(harness, 'Крах'), new Date());
    const crashing = harness.worker({ portal: losingFirstAdd(harness.portal, 'hang') });
    void crashing.runDue();
    await waitFor(() => harness.tasks().length === 1);

    // The same moment: the lease still holds, so a second worker leaves the entry alone.
    expect((await harness.worker().runDue()).attempted).toBe(0);
    const [running] = await getOutboxEntries(harness.store.db, [entry.id]);
    expect(running?.status).toBe('running');

    const later = () => new Date(Date.now() + 10 * 60_000);
    const summary = await harness.worker({ now: later }).runDue();

    expect(summary).toEqual({ attempted: 1, done: 1, retried: 0, failed: 0, replaced: 0 });
    expect(harness.tasks()).toHaveLength(1);
    const [done] = await getOutboxEntries(harness.store.db, [entry.id]);
    expect(done).toMatchObject({ status: 'done', attempts: 2, result: { via: 'marker' } });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!condition()) throw new Error('condition not met in 2 s');
}
