import { afterAll, beforeAll, expect, it } from 'vitest';

import { userOfEmployee } from '../../src/auth/employee-user.js';
import { createSession } from '../../src/auth/session-store.js';
import { hashToken } from '../../src/store/index.js';
import {
  type ApiFixture,
  asAdmin,
  createApiFixture,
  MEMBER_ID,
} from '../api/support/api-fixture.js';
import { insertBrigade, insertEmployee } from '../api/support/house-factory.js';
import { describeStore } from '../support/test-store.js';

describeStore('API tokens', () => {
  let fixture: ApiFixture;
  let leaderSession: string;

  beforeAll(async () => {
    fixture = await createApiFixture();
    await insertBrigade(fixture.store.db, 11, 'Бригада 1', 100);
    await insertEmployee(fixture.store.db, 100, 'Бригадир Первый', { brigadeId: 11, isLeader: 1 });
    const leader = await fixture.store.db
      .selectFrom('employees')
      .selectAll()
      .where('id', '=', 100)
      .executeTakeFirstOrThrow();
    const session = await createSession(fixture.store.db, MEMBER_ID, userOfEmployee(leader));
    leaderSession = session.token;
  });
  afterAll(() => fixture.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const create = (body: object, headers: Record<string, string> = asAdmin) =>
    fixture.app.inject({ method: 'POST', url: '/api/tokens', headers, payload: body });

  it('creates a token whose secret is shown once and stored only as a hash', async () => {
    const created = await create({ name: 'Выгрузка в 1С' });
    const { token, secret } = created.json();

    expect(created.statusCode).toBe(201);
    expect(secret).toMatch(/^abt_[A-Za-z0-9_-]{43}$/);
    expect(token).toEqual({
      id: expect.any(String),
      name: 'Выгрузка в 1С',
      role: 'office',
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });

    const stored = await fixture.store.db.selectFrom('apiTokens').selectAll().execute();
    expect(stored.map((row) => row.tokenHash)).toContain(hashToken(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);

    const list = await fixture.app.inject({ url: '/api/tokens', headers: asAdmin });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(token);
    expect(list.body).not.toContain(secret);
    expect(fixture.logs.text()).not.toContain(secret);
  });

  it('signs a script in with the token’s role and notes its use', async () => {
    const { token, secret } = (await create({ name: 'Скрипт', role: 'office' })).json();

    const me = await fixture.app.inject({ url: '/api/auth/me', headers: bearer(secret) });
    const sync = await fixture.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: bearer(secret),
      payload: { mode: 'full' },
    });
    const list = (await fixture.app.inject({ url: '/api/tokens', headers: asAdmin })).json();

    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ role: 'office', name: 'Скрипт' });
    expect(sync.statusCode).toBe(403);
    const listed = list.items.find((item: { id: string }) => item.id === token.id);
    expect(listed.lastUsedAt).toEqual(expect.any(String));
  });

  it('lets an admin token manage tokens too', async () => {
    const { secret } = (await create({ name: 'Админ-скрипт', role: 'admin' })).json();

    const made = await create({ name: 'Из скрипта' }, bearer(secret));

    expect(made.statusCode).toBe(201);
  });

  it('refuses a revoked token with 401', async () => {
    const { token, secret } = (await create({ name: 'Временный' })).json();
    expect(
      (await fixture.app.inject({ url: '/api/cleaning/houses', headers: bearer(secret) }))
        .statusCode,
    ).toBe(200);

    const revoked = await fixture.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${token.id}`,
      headers: asAdmin,
    });
    const after = await fixture.app.inject({
      url: '/api/cleaning/houses',
      headers: bearer(secret),
    });

    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().token).toMatchObject({ id: token.id, revokedAt: expect.any(String) });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it('answers 404 for a token that does not exist', async () => {
    const response = await fixture.app.inject({
      method: 'DELETE',
      url: '/api/tokens/999999',
      headers: asAdmin,
    });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'api_token_not_found' });
  });

  it('keeps tokens to admins', async () => {
    const headers = { cookie: `audiobot_session=${leaderSession}` };
    const office = (await create({ name: 'Офисный' })).json().secret;

    const answers = await Promise.all([
      fixture.app.inject({ url: '/api/tokens', headers }),
      create({ name: 'Бригадный' }, headers),
      create({ name: 'От офиса' }, bearer(office)),
      fixture.app.inject({ method: 'DELETE', url: '/api/tokens/1', headers }),
    ]);

    for (const answer of answers) {
      expect(answer.statusCode).toBe(403);
      expect(answer.json()).toMatchObject({ error: 'forbidden' });
    }
  });

  it('names the field of an invalid token request', async () => {
    const empty = await create({ name: '' });
    const brigadeRole = await create({ name: 'x', role: 'brigade_leader' });

    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: 'validation_failed' });
    expect(brigadeRole.statusCode).toBe(400);
  });
});
