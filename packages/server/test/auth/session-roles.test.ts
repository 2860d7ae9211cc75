import { createBitrix24Client } from '@audiobot/bitrix24';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { ADMIN_SESSION_TTL_MS, SESSION_TTL_MS } from '../../src/auth/session-store.js';
import { batchSenderOf } from '../../src/portal/batch-sender.js';
import { hashToken } from '../../src/store/index.js';
import { domainRules } from '../../src/sync/domain-rules.js';
import { runSync } from '../../src/sync/run-sync.js';
import { createSyncRun } from '../../src/sync/sync-runs.js';
import {
  ADMIN_TOKEN,
  type ApplicationHarness,
  startApplicationHarness,
} from '../application/support/application-harness.js';
import { signInThroughPortal } from '../sign-in/support/oauth-sign-in.js';
import { describeStore } from '../support/test-store.js';

/**
 * A session is who the user is in the portal now, not when they signed in: changes an
 * administrator makes in the emulated portal reach the next request after a sync.
 * The test portal: brigades are departments 2 and 3; users 4 and 5 their members,
 * user 6 in the office, user 1 the administrator who installed AudioBot.
 */
describeStore('roles after a sync', () => {
  let harness: ApplicationHarness;

  beforeAll(async () => {
    harness = await startApplicationHarness({ realSync: true });
    await harness.install();
    await harness.queue.drain();
  });
  afterAll(async () => harness.close());

  const asSession = (session: string) => ({ cookie: `audiobot_session=${session}` });
  const me = async (session: string) => {
    const response = await harness.app.inject({ url: '/api/auth/me', headers: asSession(session) });
    return { status: response.statusCode, user: response.json().user };
  };
  const housesSeenBy = async (session: string) => {
    const response = await harness.app.inject({
      url: '/api/cleaning/houses?limit=500',
      headers: asSession(session),
    });
    return response.json().total as number;
  };

  /** The application's own sync, as an admin starts it. */
  async function syncNow(): Promise<void> {
    const started = await harness.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: { mode: 'full' },
    });
    expect(started.statusCode).toBe(202);
    await harness.queue.drain();
  }

  it('takes a member moved out of the brigade for an office user at the next request', async () => {
    const session = await signInThroughPortal(harness, 4);
    const allHouses = await housesSeenBy(await signInThroughPortal(harness, 6));
    expect((await me(session)).user).toMatchObject({ role: 'brigade_member', brigadeId: '2' });
    expect(await housesSeenBy(session)).toBeLessThan(allHouses);

    await harness.control('PATCH', '/users/4', { UF_DEPARTMENT: [1] });
    expect((await me(session)).user.role).toBe('brigade_member'); // the sync has not run
    await syncNow();

    expect((await me(session)).user).toMatchObject({ role: 'office', brigadeId: null });
    expect(await housesSeenBy(session)).toBe(allHouses);
  });

  it('narrows an office user moved into a brigade to that brigade', async () => {
    const session = await signInThroughPortal(harness, 6);
    expect((await me(session)).user.role).toBe('office');

    await harness.control('PATCH', '/users/6', { UF_DEPARTMENT: [3] });
    await syncNow();

    expect((await me(session)).user).toMatchObject({ role: 'brigade_member', brigadeId: '3' });
    const foreign = await harness.app.inject({
      url: '/api/cleaning/houses?brigadeId=2',
      headers: asSession(session),
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('ends the session of a user dismissed in the portal', async () => {
    const session = await signInThroughPortal(harness, 5);
    expect((await me(session)).status).toBe(200);

    await harness.control('POST', '/users/5/deactivate');
    await syncNow();

    expect((await me(session)).status).toBe(401);
  });

  it('makes a user the portal made administrator an admin after the next sync', async () => {
    const session = await signInThroughPortal(harness, 4);
    expect((await me(session)).user.role).toBe('office');

    await harness.control('PATCH', '/users/4', { IS_ADMIN: true });
    await syncByWebhookOf(4);

    expect((await me(session)).user).toMatchObject({ id: '4', role: 'admin' });
  });

  it('keeps an admin session for a day, anyone else’s for thirty', async () => {
    const admin = await signInThroughPortal(harness, 1);
    const member = await signInThroughPortal(harness, 2);

    expect(await lifetimeOf(admin)).toBe(ADMIN_SESSION_TTL_MS);
    expect(await lifetimeOf(member)).toBe(SESSION_TTL_MS);
    expect(ADMIN_SESSION_TTL_MS).toBe(24 * 60 * 60 * 1000);
  });

  async function lifetimeOf(session: string): Promise<number> {
    const row = await harness.store.db
      .selectFrom('sessions')
      .select(['createdAt', 'expiresAt'])
      .where('tokenHash', '=', hashToken(session))
      .executeTakeFirstOrThrow();
    return Date.parse(row.expiresAt) - Date.parse(row.createdAt);
  }

  /**
   * Bitrix24 lists no administrators; a sync learns the one it runs as (`profile`). So
   * the new administrator makes an incoming webhook and the sync runs through it.
   */
  async function syncByWebhookOf(userId: number): Promise<void> {
    const webhook = await harness.control('POST', '/webhooks', {
      userId,
      scopes: ['crm', 'user', 'department', 'task', 'calendar', 'im'],
    });
    const client = createBitrix24Client({
      auth: { type: 'webhook', webhookUrl: String(webhook.url) },
    });
    const memberId = harness.emulator.memberId;
    const run = await createSyncRun(harness.store.db, memberId, 'full');
    await runSync(
      {
        db: harness.store.db,
        memberId,
        send: batchSenderOf(client),
        domain: domainRules({ memberId, timeZone: 'Europe/Moscow' }),
      },
      { mode: 'full', runId: Number(run.id) },
    );
  }
});
