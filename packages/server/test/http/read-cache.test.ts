import { afterAll, beforeAll, expect, it } from 'vitest';

import {
  type ApiFixture,
  asAdmin,
  createApiFixture,
  MEMBER_ID,
} from '../api/support/api-fixture.js';
import { aHouse, insertHouses } from '../api/support/house-factory.js';
import { describeStore } from '../support/test-store.js';

describeStore('the read cache', () => {
  let fixture: ApiFixture;

  beforeAll(async () => {
    fixture = await createApiFixture();
    await insertHouses(fixture.store.db, [aHouse({ id: 1 })]);
  });
  afterAll(() => fixture.close());

  const total = async () =>
    (await fixture.app.inject({ url: '/api/cleaning/houses', headers: asAdmin })).json().total;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('answers again from memory while the data version stays', async () => {
    expect(await total()).toBe(1);
    await insertHouses(fixture.store.db, [aHouse({ id: 2 })]);

    expect(await total()).toBe(1);
  });

  it('answers fresh once a sync run moves the data version', async () => {
    await fixture.store.db
      .insertInto('syncRuns')
      .values({
        memberId: MEMBER_ID,
        mode: 'full',
        status: 'running',
        done: 10,
        requests: 1,
        queuedAt: new Date().toISOString(),
      })
      .execute();
    await pause(300);

    expect(await total()).toBe(2);
  });

  it('still asks for sign-in before answering from memory', async () => {
    const anonymous = await fixture.app.inject({ url: '/api/cleaning/houses' });

    expect(anonymous.statusCode).toBe(401);
  });
});
