import { createBitrix24Client } from '@audiobot/bitrix24';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

import { buildApp } from '../../../src/app/build-app.js';
import { houseEditExtension } from '../../../src/app/house-edit-extension.js';
import { loadConfig, secretsOf } from '../../../src/config/index.js';
import { HouseEditing } from '../../../src/house-edit/index.js';
import { InProcessQueue } from '../../../src/jobs/index.js';
import { createLogCapture, type LogCapture } from '../../../src/logging/log-capture.js';
import { createLogger } from '../../../src/logging/logger.js';
import { createSecretRedactor } from '../../../src/logging/secret-redactor.js';
import { OutboxWorker, type PortalCaller } from '../../../src/outbox/index.js';
import { type SyncHarness, startHarness } from '../../sync/sync-harness.js';

export const ADMIN_TOKEN = 'house-edit-admin-token-0123456789';
export const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/**
 * The demo portal synced into a fresh store, and the API with the house edit wired as
 * the server wires it: the editor reads the deal through `portal`, and the outbox worker
 * writes through `workerPortal` (a test may wrap it to lose answers or race the write).
 * One HTTP attempt per call, quick outbox retries: every fault reaches the outbox.
 */
export interface HouseEditFixture extends SyncHarness {
  app: FastifyInstance;
  logs: LogCapture;
  portal: PortalCaller;
  worker: OutboxWorker;
  /** How long a request waits for its write (the editor's settle), changeable per test. */
  settleMs: number;
  /** Another worker on the same outbox, e.g. one that crashes, or one running later. */
  otherWorker(portal: PortalCaller, now?: () => Date): OutboxWorker;
  /** Replaces the portal the outbox worker writes through (a new worker). */
  useWorkerPortal(portal: PortalCaller): void;
  /** The deal as the portal holds it now. */
  deal(id: number): Record<string, unknown>;
  /** crm.deal.update calls the portal carried out (answered without an error). */
  dealUpdates(): number;
  /** The edit form of a house, as an admin sees it; anything but 200 fails the test. */
  editForm<Form>(id: number): Promise<Form>;
  /** PATCH of a house as an admin. */
  edit(id: number, body: object): Promise<LightMyRequestResponse>;
  /** Takes the next live house no test of this fixture has taken yet. */
  nextHouse(): Promise<number>;
  /** The deal field discovery placed in `role`. */
  mappedField(role: string): Promise<string>;
}

export async function startHouseEditFixture(
  options: { houses?: number; settleMs?: number } = {},
): Promise<HouseEditFixture> {
  const harness = await startHarness({ houses: options.houses ?? 12 });
  await harness.sync('full');
  const config = loadConfig({
    env: { AUDIOBOT_ADMIN_TOKEN: ADMIN_TOKEN },
    envFile: false,
  });
  const portal = createBitrix24Client({
    auth: { type: 'webhook', webhookUrl: harness.emulator.webhookUrl },
    retry: { maxAttempts: 1 },
  });
  const editing = new HouseEditing({ db: harness.store.db, timeZone: config.timeZone });
  const newWorker = (through: PortalCaller, now?: () => Date) =>
    new OutboxWorker({
      db: harness.store.db,
      portal: through,
      memberId: harness.emulator.memberId,
      operations: [editing.operation],
      retry: { maxAttempts: 40, baseDelayMs: 5, maxDelayMs: 40 },
      ...(now ? { now } : {}),
    });

  let worker = newWorker(portal);
  let settleMs = options.settleMs ?? 10_000;
  // The request waits at most `settleMs`, whatever the editor asks for.
  const settle: OutboxWorker['settle'] = (ids) => worker.settle(ids, settleMs);
  const redactor = createSecretRedactor(secretsOf(config));
  const logs = createLogCapture();
  const app = await buildApp({
    config,
    store: harness.store,
    portal: { memberId: harness.emulator.memberId, domain: harness.emulator.domain, demo: true },
    queue: new InProcessQueue(),
    logger: createLogger({ level: 'info', redactor, destination: logs }),
    redactor,
    webRoot: null,
    extensions: [houseEditExtension(editing, () => ({ portal, worker: { settle } }))],
  });

  let untaken: number[] | null = null;
  const liveHouseIds = async () => {
    const rows = await harness.store.db
      .selectFrom('houses')
      .select('id')
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((row) => Number(row.id));
  };

  return {
    ...harness,
    app,
    logs,
    portal,
    async editForm<Form>(id: number) {
      const answer = await app.inject({ url: `/api/cleaning/houses/${id}/edit`, headers: asAdmin });
      expect(answer.statusCode).toBe(200);
      return answer.json() as Form;
    },
    edit: (id, body) =>
      app.inject({
        method: 'PATCH',
        url: `/api/cleaning/houses/${id}`,
        headers: asAdmin,
        payload: body,
      }),
    async nextHouse() {
      untaken ??= await liveHouseIds();
      const id = untaken.shift();
      if (id === undefined) throw new Error('The fixture ran out of houses');
      return id;
    },
    async mappedField(role) {
      const mapped = await harness.store.db
        .selectFrom('fieldMappings')
        .select('fieldName')
        .where('role', '=', role)
        .executeTakeFirstOrThrow();
      return mapped.fieldName;
    },
    get worker() {
      return worker;
    },
    get settleMs() {
      return settleMs;
    },
    set settleMs(value) {
      settleMs = value;
    },
    otherWorker: newWorker,
    useWorkerPortal: (through) => {
      worker = newWorker(through);
    },
    deal: (id) => ({ ...(harness.emulator.portal.state.deals.get(id) as object) }),
    dealUpdates: () =>
      harness.emulator.portal.requests
        .recent(10_000)
        .filter((entry) => entry.method === 'crm.deal.update' && entry.error === null).length,
    close: async () => {
      await worker.stop();
      await app.close();
      await harness.close();
    },
  };
}

/** The live house with the lowest id, and its deal's version as the store last saw it. */
export async function firstHouse(
  fixture: HouseEditFixture,
): Promise<{ houseId: number; version: string | null }> {
  const house = await fixture.store.db
    .selectFrom('houses')
    .select(['id', 'dealModifiedAt'])
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { houseId: Number(house.id), version: house.dealModifiedAt };
}
