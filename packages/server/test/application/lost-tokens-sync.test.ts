import { afterAll, beforeAll, expect, it } from 'vitest';

import { applicationCheck } from '../../src/application/index.js';
import { createSecretBox } from '../../src/store/index.js';
import { startSync } from '../../src/sync/sync-service.js';
import { describeStore } from '../support/test-store.js';
import {
  type ApplicationHarness,
  SECRET_KEY,
  startApplicationHarness,
} from './support/application-harness.js';

/**
 * The scheduled syncs after the refresh token was spent elsewhere: each run fails
 * once with a credentials error the doctor explains, none is retried, and after the
 * first refusal no request reaches the portal or its OAuth server.
 */
describeStore('syncs after the application tokens are lost', () => {
  let harness: ApplicationHarness;
  let memberId: string;

  beforeAll(async () => {
    harness = await startApplicationHarness({ realSync: true });
    memberId = harness.emulator.memberId;
    await harness.install();
    await harness.queue.drain();
    await spendStoredRefreshToken();
    await harness.control('POST', '/clock', { advanceSeconds: 3601 });
  });
  afterAll(async () => harness.close());

  async function syncOnce() {
    const run = await startSync(
      { db: harness.store.db, queue: harness.queue },
      {
        memberId,
        mode: 'incremental',
      },
    );
    await harness.queue.drain();
    return harness.store.db
      .selectFrom('syncRuns')
      .selectAll()
      .where('id', '=', Number(run.id))
      .executeTakeFirstOrThrow();
  }

  it('fails each run once with a credentials error, without retrying', async () => {
    const first = await syncOnce();
    expect(first).toMatchObject({ status: 'failed', errorCode: 'bitrix24_credentials' });
    expect(harness.oauthCalls.refresh).toBe(1);

    const requests = harness.emulator.portal.requests.summary().total;
    for (let run = 0; run < 3; run += 1) {
      const next = await syncOnce();
      expect(next).toMatchObject({ status: 'failed', errorCode: 'bitrix24_credentials' });
      expect(next.errorMessage).toContain('reinstall the application');
    }
    expect(harness.oauthCalls.refresh).toBe(1);
    expect(harness.emulator.portal.requests.summary().total).toBe(requests);

    const doctor = await applicationCheck(harness.services, memberId);
    expect(doctor.status).toBe('fail');
  });

  async function spendStoredRefreshToken(): Promise<void> {
    const portal = await harness.store.db
      .selectFrom('portals')
      .select('refreshToken')
      .executeTakeFirstOrThrow();
    const response = await fetch(`${harness.emulator.url}/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: harness.emulator.application.clientId,
        client_secret: harness.emulator.application.clientSecret,
        refresh_token: createSecretBox(SECRET_KEY).open(portal.refreshToken ?? ''),
      }).toString(),
    });
    expect(response.status).toBe(200);
  }
});
