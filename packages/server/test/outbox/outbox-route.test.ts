import { afterEach, beforeEach, expect, it } from 'vitest';
import { enqueueOutbox, taskUpsertKind } from '../../src/outbox/index.js';
import { hashToken } from '../../src/store/index.js';
import {
  type ApiFixture,
  asAdmin,
  createApiFixture,
  MEMBER_ID,
} from '../api/support/api-fixture.js';
import { describeStore } from '../support/test-store.js';

describeStore('GET /api/outbox', () => {
  let fixture: ApiFixture;

  beforeEach(async () => {
    fixture = await createApiFixture();
  });
  afterEach(async () => {
    await fixture.close();
  });

  it('shows admins each write with its state and the reason of a failure', async () => {
    const now = new Date('2026-12-03T09:00:00Z');
    const entry = await enqueueOutbox(
      fixture.store.db,
      { memberId: MEMBER_ID, kind: taskUpsertKind, idempotencyKey: 'k:1', payload: { a: 1 } },
      now,
    );
    await enqueueOutbox(
      fixture.store.db,
      { memberId: MEMBER_ID, kind: taskUpsertKind, idempotencyKey: 'k:2', payload: { a: 2 } },
      now,
    );
    await fixture.store.db
      .updateTable('outbox')
      .set({ status: 'failed', attempts: 3, lastErrorCode: 'ERROR_CORE', lastErrorMessage: 'no' })
      .where('id', '=', entry.id)
      .execute();

    const all = await fixture.app.inject({ url: '/api/outbox', headers: asAdmin });
    const failed = await fixture.app.inject({
      url: '/api/outbox?status=failed',
      headers: asAdmin,
    });

    expect(all.statusCode).toBe(200);
    expect(all.json().counts).toEqual({ pending: 1, running: 0, done: 0, failed: 1, retried: 1 });
    expect(all.json().items).toHaveLength(2);
    expect(failed.json().items).toEqual([
      expect.objectContaining({
        id: String(entry.id),
        idempotencyKey: 'k:1',
        status: 'failed',
        attempts: 3,
        lastError: { code: 'ERROR_CORE', message: 'no' },
      }),
    ]);
  });

  it('answers 403 to a signed-in user who is not an admin', async () => {
    await fixture.store.db
      .insertInto('apiTokens')
      .values({
        memberId: MEMBER_ID,
        name: 'office',
        tokenHash: hashToken('office-token-0123456789'),
        role: 'office',
        userId: null,
        createdAt: new Date().toISOString(),
      })
      .execute();

    const office = await fixture.app.inject({
      url: '/api/outbox',
      headers: { authorization: 'Bearer office-token-0123456789' },
    });

    expect(office.statusCode).toBe(403);
    expect(office.json().error).toBe('forbidden');
  });

  it('answers 401 to an anonymous caller and 400 to an unknown status', async () => {
    const anonymous = await fixture.app.inject({ url: '/api/outbox' });
    const wrong = await fixture.app.inject({ url: '/api/outbox?status=lost', headers: asAdmin });

    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error).toBe('unauthenticated');
    expect(wrong.statusCode).toBe(400);
  });
});
