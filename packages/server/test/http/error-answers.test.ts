import { afterAll, beforeAll, expect, it } from 'vitest';

import { type ApiFixture, asAdmin, createApiFixture } from '../api/support/api-fixture.js';
import { describeStore } from '../support/test-store.js';

describeStore('error answers', () => {
  let fixture: ApiFixture;

  beforeAll(async () => {
    fixture = await createApiFixture();
    // A route that fails the way a bug does, registered only in this test.
    fixture.app.get('/api/test/bug', async () => {
      throw new Error('secret internals: /rest/1/leakedcode123/ at line 42');
    });
  });
  afterAll(() => fixture.close());

  it('answers an unknown API route with 404 JSON', async () => {
    const response = await fixture.app.inject({ url: '/api/nope', headers: asAdmin });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not_found', message: expect.any(String) });
  });

  it('answers a missing house with 404 house_not_found', async () => {
    const response = await fixture.app.inject({
      url: '/api/cleaning/houses/999999',
      headers: asAdmin,
    });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'house_not_found' });
  });

  it('names the field of a bad path parameter and a bad body', async () => {
    const house = await fixture.app.inject({ url: '/api/cleaning/houses/abc', headers: asAdmin });
    const sync = await fixture.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: asAdmin,
      payload: { mode: 'everything' },
    });

    expect(house.statusCode).toBe(400);
    expect(house.json()).toMatchObject({ error: 'validation_failed', field: 'id' });
    expect(sync.statusCode).toBe(400);
    expect(sync.json()).toMatchObject({ error: 'validation_failed', field: 'mode' });
  });

  it('refuses an unknown property instead of dropping it (a typo would lose input)', async () => {
    const body = await fixture.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: asAdmin,
      payload: { mode: 'full', moed: 'incremental' },
    });
    const query = await fixture.app.inject({
      url: '/api/cleaning/houses?limt=5',
      headers: asAdmin,
    });

    expect(body.statusCode).toBe(400);
    expect(body.json()).toMatchObject({ error: 'validation_failed', field: 'moed' });
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ error: 'validation_failed', field: 'limt' });
  });

  it('answers malformed JSON with 400 bad_request', async () => {
    const response = await fixture.app.inject({
      method: 'POST',
      url: '/api/sync',
      headers: { ...asAdmin, 'content-type': 'application/json' },
      payload: '{"mode":',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('bad_request');
  });

  it('answers a bug with a bare 500 and logs it as an error, without the secret', async () => {
    const response = await fixture.app.inject({ url: '/api/test/bug', headers: asAdmin });
    const logged = fixture.logs.lines.map((line) => JSON.parse(line));
    const entry = logged.find((line) => line.msg === 'unexpected error');

    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'internal_error', message: expect.any(String) });
    expect(response.body).not.toContain('internals');
    expect(entry.level).toBe(50);
    expect(fixture.logs.text()).not.toContain('leakedcode123');
  });

  it('logs a user error at info level', async () => {
    await fixture.app.inject({ url: '/api/cleaning/houses?limit=0', headers: asAdmin });
    const logged = fixture.logs.lines.map((line) => JSON.parse(line));
    const entry = logged.find(
      (line) => line.error === 'validation_failed' && line.field === 'limit',
    );

    expect(entry).toMatchObject({ level: 30, field: 'limit', category: 'http' });
  });

  it('publishes the OpenAPI document of every route without sign-in', async () => {
    const response = await fixture.app.inject({ url: '/api/docs/json' });
    const document = response.json();

    expect(response.statusCode).toBe(200);
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/api/cleaning/houses');
    expect(
      document.paths['/api/cleaning/houses'].get.parameters.map((p: { name: string }) => p.name),
    ).toContain('q');
    expect((await fixture.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
