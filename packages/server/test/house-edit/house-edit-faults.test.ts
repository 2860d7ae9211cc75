import { Bitrix24Error } from '@audiobot/bitrix24';
import { afterEach, beforeEach, expect, it } from 'vitest';

import type { PortalCaller } from '../../src/outbox/index.js';
import { losingFirstAnswer } from '../outbox/support/outbox-harness.js';
import { describeStore } from '../support/test-store.js';
import {
  asAdmin,
  firstHouse,
  type HouseEditFixture,
  startHouseEditFixture,
} from './support/house-edit-fixture.js';
import { racing } from './support/racing-portal.js';

const APARTMENTS = 'UF_CRM_1669704529022';
const ENTRANCES = 'UF_CRM_1669705507390';

/** A portal that carries out crm.deal.update and then never answers: the process died there. */
function dyingAfterUpdate(portal: PortalCaller): PortalCaller {
  return {
    call: (async (method: string, params?: Record<string, unknown>, options?: object) => {
      const answer = await portal.call(method, params, options);
      if (method === 'crm.deal.update') return new Promise(() => {});
      return answer;
    }) as PortalCaller['call'],
  };
}

const down: PortalCaller = {
  call: (async (method: string) => {
    throw new Bitrix24Error({
      kind: 'server',
      code: 'INTERNAL_SERVER_ERROR',
      description: 'Down (simulated)',
      status: 500,
      method,
      missingScope: null,
      retryable: true,
    });
  }) as PortalCaller['call'],
};

describeStore('house edit: races and faults', () => {
  let fixture: HouseEditFixture;
  let houseId: number;
  let version: string | null;

  beforeEach(async () => {
    fixture = await startHouseEditFixture({ houses: 6 });
    ({ houseId, version } = await firstHouse(fixture));
  });
  afterEach(async () => fixture.close());

  const edit = (body: object) =>
    fixture.app.inject({
      method: 'PATCH',
      url: `/api/cleaning/houses/${houseId}`,
      headers: asAdmin,
      payload: { baseVersion: version, ...body },
    });

  it('a portal change between acceptance and the write is caught before writing', async () => {
    fixture.useWorkerPortal(
      racing(fixture.portal, 'crm.deal.get', async () => {
        await fixture.control('PATCH', `/deals/${houseId}`, { fields: { [APARTMENTS]: '31' } });
      }),
    );

    const answer = await edit({ apartments: 40, entrances: 3 });
    expect(answer.statusCode, answer.body).toBe(409);
    expect(answer.json().conflicts).toEqual([
      expect.objectContaining({ part: 'apartments', theirs: 31, ours: 40 }),
    ]);
    expect(fixture.deal(houseId)[APARTMENTS]).toBe('31');
    expect(fixture.dealUpdates()).toBe(0);
    const entry = await fixture.store.db
      .selectFrom('outbox')
      .select(['status', 'lastErrorCode'])
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ status: 'failed', lastErrorCode: 'deal_changed_in_portal' });
  });

  it('a lost answer is retried without writing the deal twice', async () => {
    fixture.useWorkerPortal(losingFirstAnswer(fixture.portal, 'crm.deal.update', 'lose'));

    const answer = await edit({ apartments: 41, entrances: 5 });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(fixture.deal(houseId)).toMatchObject({ [APARTMENTS]: '41', [ENTRANCES]: '5' });
    expect(fixture.dealUpdates()).toBe(1);
    const entry = await fixture.store.db
      .selectFrom('outbox')
      .select(['status', 'attempts'])
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ status: 'done', attempts: 2 });
    const house = await fixture.store.db
      .selectFrom('houses')
      .select(['apartments', 'entrances'])
      .where('id', '=', houseId)
      .executeTakeFirstOrThrow();
    expect(house).toEqual({ apartments: 41, entrances: 5 });
  });

  it('rate limits, 5xx and dropped connections end in one correct write', async () => {
    await fixture.control('PUT', '/faults', {
      errors: [
        { status: 503, rate: 0.35, error: 'QUERY_LIMIT_EXCEEDED', methods: ['crm.deal.update'] },
        { status: 500, rate: 0.3 },
      ],
      dropRate: 0.15,
      seed: 7,
    });
    fixture.useWorkerPortal(fixture.portal);
    // The editor's own read of the deal is not retried: it answers 503, the user retries.
    let answer = await edit({ apartments: 42 });
    for (let tries = 0; answer.statusCode === 503 && tries < 30; tries += 1) {
      answer = await edit({ apartments: 42 });
    }

    expect(answer.statusCode, answer.body).toBe(200);
    expect(fixture.deal(houseId)[APARTMENTS]).toBe('42');
    expect(fixture.dealUpdates()).toBe(1);
    expect(fixture.emulator.portal.requests.summary().errors).toBeGreaterThan(0);
  });

  it('a portal that stays down: the edit pending, a second refused, then written', async () => {
    fixture.useWorkerPortal(down);
    fixture.settleMs = 150;
    const answer = await edit({ apartments: 43 });
    expect(answer.statusCode, answer.body).toBe(202);
    expect(answer.json()).toMatchObject({
      status: 'pending',
      lastError: { code: 'INTERNAL_SERVER_ERROR' },
    });

    const second = await edit({ floors: 9 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toBe('house_edit_pending');

    fixture.useWorkerPortal(fixture.portal);
    const [entry] = await fixture.worker.settle([Number(answer.json().outboxId)], 10_000);
    expect(entry?.status).toBe('done');
    expect(fixture.deal(houseId)[APARTMENTS]).toBe('43');
  });

  it('a crash right after the write is resumed after its lease without writing twice', async () => {
    fixture.useWorkerPortal(down);
    fixture.settleMs = 100;
    const answer = await edit({ apartments: 44, floors: 7 });
    expect(answer.statusCode, answer.body).toBe(202);

    // Past the entry's retry delay (at most 40 ms here), so the next worker takes it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const crashing = fixture.otherWorker(dyingAfterUpdate(fixture.portal));
    void crashing.runDue();
    await waitFor(() => fixture.dealUpdates() === 1);
    const later = () => new Date(Date.now() + 10 * 60_000);
    const summary = await fixture.otherWorker(fixture.portal, later).runDue();

    expect(summary).toMatchObject({ attempted: 1, done: 1 });
    expect(fixture.dealUpdates()).toBe(1);
    const house = await fixture.store.db
      .selectFrom('houses')
      .select(['apartments', 'floors'])
      .where('id', '=', houseId)
      .executeTakeFirstOrThrow();
    expect(house).toEqual({ apartments: 44, floors: 7 });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!condition()) throw new Error('condition not met in 3 s');
}
