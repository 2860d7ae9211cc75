import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { userOfEmployee } from '../../../src/auth/employee-user.js';
import { createSession } from '../../../src/auth/session-store.js';
import {
  checklistMarkOperation,
  type OutboxOperation,
  OutboxWorker,
  type PortalCaller,
  systemNotifyOperation,
  taskUpsertOperation,
  timelineCommentOperation,
} from '../../../src/outbox/index.js';
import { type ApiFixture, createApiFixture } from '../../api/support/api-fixture.js';
import { type OutboxHarness, startOutboxHarness } from '../../outbox/support/outbox-harness.js';
import { busiestDate } from '../../support/cleaning-dates.js';
import { busiestBrigade, cleaningsOn, type DayCleaning, peopleOf } from './demo-people.js';

export const PUBLIC_URL = 'https://audiobot.example.ru';

/**
 * The demo portal synced into a store, the API over that store with a photo folder of
 * its own, and outbox workers that carry every write a completion causes.
 */
export interface CompletionHarness extends OutboxHarness {
  api: ApiFixture;
  photoDir: string;
  /** The date the API takes for today: the demo's busiest cleaning day. */
  today: string;
  completionWorker(options?: { portal?: PortalCaller; now?: () => Date }): OutboxWorker;
  /** Session cookie headers of an employee of the demo portal. */
  signIn(employeeId: number): Promise<{ cookie: string }>;
  post(headers: Record<string, string>, body: object): Promise<LightMyRequestResponse>;
  get(headers: Record<string, string>, url: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const operations = [
  taskUpsertOperation,
  timelineCommentOperation,
  checklistMarkOperation,
  systemNotifyOperation,
] as OutboxOperation[];

export async function startCompletionHarness(): Promise<CompletionHarness> {
  const harness = await startOutboxHarness(60);
  await harness.sync('full');
  const today = await busiestDate(harness);
  const photoDir = mkdtempSync(path.join(tmpdir(), 'audiobot-photos-'));
  const api = await createApiFixture({
    store: harness.store,
    portal: { memberId: harness.emulator.memberId, domain: 'vas-dom.bitrix24.ru', demo: false },
    env: { AUDIOBOT_PHOTO_DIR: photoDir, AUDIOBOT_PUBLIC_URL: PUBLIC_URL },
    now: new Date(`${today}T12:00:00+03:00`),
  });

  return {
    ...harness,
    api,
    photoDir,
    today,
    completionWorker: (options = {}) =>
      new OutboxWorker({
        db: harness.store.db,
        portal: options.portal ?? harness.portal,
        memberId: harness.emulator.memberId,
        operations,
        retry: { maxAttempts: 40, baseDelayMs: 5, maxDelayMs: 40 },
        ...(options.now ? { now: options.now } : {}),
      }),
    async signIn(employeeId) {
      const employee = await harness.store.db
        .selectFrom('employees')
        .selectAll()
        .where('memberId', '=', harness.emulator.memberId)
        .where('id', '=', employeeId)
        .executeTakeFirstOrThrow();
      const user = userOfEmployee(employee);
      const session = await createSession(harness.store.db, harness.emulator.memberId, user);
      return { cookie: `audiobot_session=${session.token}` };
    },
    post: (headers, body) =>
      api.app.inject({ method: 'POST', url: '/api/completions', headers, payload: body }),
    get: (headers, url) => api.app.inject({ method: 'GET', url, headers }),
    async close() {
      await api.app.close();
      await api.queue.stop();
      await harness.close();
      rmSync(photoDir, { recursive: true, force: true });
    },
  };
}

/** A JPEG as far as its first bytes go: what the server checks of a photo. */
export function jpegBase64(seed = 0): string {
  const bytes = Buffer.alloc(64, seed);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return `data:image/jpeg;base64,${bytes.toString('base64')}`;
}

/** Today's cleanings of the brigade with the most of them, and that brigade's leader signed in. */
export async function busiestBrigadeToday(
  harness: CompletionHarness,
): Promise<{ day: DayCleaning[]; leader: { cookie: string } }> {
  const { memberId } = harness.emulator;
  const all = await cleaningsOn(harness.store.db, memberId, harness.today);
  const brigadeId = busiestBrigade(all);
  const people = await peopleOf(harness.store.db, memberId, brigadeId);

  return {
    day: all.filter((cleaning) => cleaning.brigadeId === brigadeId),
    leader: await harness.signIn(people.leaderId),
  };
}
