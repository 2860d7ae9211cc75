import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/api/local-date.js';
import { asAdmin } from '../api/support/api-fixture.js';
import { describeStore } from '../support/test-store.js';
import {
  type CompletionHarness,
  jpegBase64,
  startCompletionHarness,
} from './support/completion-harness.js';
import { busiestBrigade, cleaningsOn, type DayCleaning, peopleOf } from './support/demo-people.js';

describeStore('the completions API: who may mark what, and bad input', () => {
  let harness: CompletionHarness;
  let day: DayCleaning[];
  let leader: { cookie: string };
  let member: { cookie: string };
  let otherLeader: { cookie: string };
  let brigadeId: number;

  beforeAll(async () => {
    harness = await startCompletionHarness();
    const { db } = harness.store;
    const memberId = harness.emulator.memberId;
    day = await cleaningsOn(db, memberId, harness.today);
    brigadeId = busiestBrigade(day);
    const people = await peopleOf(db, memberId, mine()[0]?.brigadeId ?? 0);
    const other = theirs()[0];
    leader = await harness.signIn(people.leaderId);
    member = await harness.signIn(people.memberId);
    otherLeader = await harness.signIn(
      (await peopleOf(db, memberId, other?.brigadeId ?? 0)).leaderId,
    );
  });
  afterAll(async () => {
    await harness.close();
  });

  const mine = () => day.filter((cleaning) => cleaning.brigadeId === brigadeId);
  const theirs = () => day.filter((cleaning) => cleaning.brigadeId !== brigadeId);
  const bodyOf = (cleaning: DayCleaning | undefined, extra: object = {}) => ({
    houseId: cleaning?.houseId,
    date: cleaning?.date,
    cleaningType: cleaning?.cleaningType,
    slot: cleaning?.slot,
    status: 'done',
    photos: [jpegBase64()],
    ...extra,
  });
  const expectError = (
    response: { statusCode: number; json(): unknown },
    status: number,
    error: string,
  ) => {
    expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
    expect(response.json()).toMatchObject({ error, message: expect.any(String) });
  };

  it('lists the leader’s day: their brigade’s houses by address, whatever asked', async () => {
    const answer = await harness.get(leader, '/api/completions/day');
    const body = answer.json();

    expect(answer.statusCode).toBe(200);
    expect(body.date).toBe(harness.today);
    expect(body.brigadeId).toBe(String(mine()[0]?.brigadeId));
    const houseIds = new Set(mine().map((cleaning) => cleaning.houseId));
    expect(body.houses.map((house: { houseId: string }) => house.houseId).sort()).toEqual(
      [...houseIds].sort(),
    );
    const addresses = body.houses.map((house: { address: string }) => house.address);
    expect(addresses).toEqual(
      [...addresses].sort(new Intl.Collator('ru', { numeric: true }).compare),
    );
    const foreign = `/api/completions/day?brigadeId=${theirs()[0]?.brigadeId}`;
    expectError(await harness.get(leader, foreign), 403, 'forbidden');
  });

  it('documents every completions route in the OpenAPI document', async () => {
    const document = (await harness.get({}, '/api/docs/json')).json();
    const create = document.paths['/api/completions'].post;

    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409', '413']),
    );
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['houseId', 'date', 'cleaningType', 'slot', 'status']),
    );
    for (const path of ['/day', '/check', '/photos/{id}']) {
      expect(document.paths[`/api/completions${path}`].get, path).toBeDefined();
    }
  });

  it('refuses another brigade’s cleaning (404) and a brigade member (403)', async () => {
    expectError(await harness.post(leader, bodyOf(theirs()[0])), 404, 'cleaning_not_found');
    expectError(await harness.post(member, bodyOf(mine()[0])), 403, 'forbidden');
    expectError(await harness.post({}, bodyOf(mine()[0])), 401, 'unauthenticated');
  });

  it('answers bad input with 4xx JSON and stores nothing', async () => {
    const cleaning = mine()[1];
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    const text = Buffer.from('plain text, not a picture').toString('base64');
    const tooBig = Buffer.alloc(5 * 1024 * 1024 + 10, 0xff).toString('base64');
    const huge = `data:image/jpeg;base64,${tooBig}`;

    expectError(
      await harness.post(leader, bodyOf(cleaning, { photos: [] })),
      400,
      'validation_failed',
    );
    expectError(
      await harness.post(leader, bodyOf(cleaning, { photos: [text] })),
      400,
      'validation_failed',
    );
    expectError(
      await harness.post(leader, bodyOf(cleaning, { photos: ['@@@not base64@@@'] })),
      400,
      'validation_failed',
    );
    expectError(
      await harness.post(leader, bodyOf(cleaning, { photos: [huge] })),
      413,
      'payload_too_large',
    );
    expectError(
      await harness.post(leader, bodyOf(cleaning, { status: 'not_done', photos: [] })),
      400,
      'validation_failed',
    );
    expectError(
      await harness.post(leader, bodyOf(cleaning, { slot: 7 })),
      404,
      'cleaning_not_found',
    );

    const stored = await harness.store.db.selectFrom('completions').selectAll().execute();
    expect(stored).toEqual([]);
    expect(await harness.store.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    const ok = await harness.post(leader, bodyOf(cleaning, { photos: [png.padEnd(24, 'A')] }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().completion.photos).toHaveLength(1);
  });

  it('marks a cleaning once: a second mark is a conflict', async () => {
    const cleaning = mine()[2];
    expect((await harness.post(leader, bodyOf(cleaning))).statusCode).toBe(201);
    expectError(await harness.post(asAdmin, bodyOf(cleaning)), 409, 'completion_exists');
  });

  it('refuses a cleaning of a later day', async () => {
    const later = await harness.store.db
      .selectFrom('cleanings')
      .innerJoin('houses', 'houses.id', 'cleanings.houseId')
      .select(['cleanings.houseId', 'cleanings.date', 'cleanings.cleaningType', 'cleanings.slot'])
      .where('cleanings.date', '>', addDays(harness.today, 0))
      .where('houses.brigadeId', '=', mine()[0]?.brigadeId ?? 0)
      .orderBy('cleanings.date')
      .executeTakeFirstOrThrow();
    const body = bodyOf({
      ...later,
      houseId: String(later.houseId),
      brigadeId: 0,
      slot: Number(later.slot),
    });
    expectError(await harness.post(leader, body), 409, 'cleaning_not_due');
  });

  it('keeps another brigade’s photos from a leader, and the check to their brigade', async () => {
    const cleaning = mine()[3];
    const answer = await harness.post(leader, bodyOf(cleaning));
    expect(answer.statusCode, answer.body).toBe(201);
    const url = answer.json().completion.photos[0].url;

    expect((await harness.get(otherLeader, url)).statusCode).toBe(404);
    expect((await harness.get(asAdmin, url)).statusCode).toBe(200);
    const check = `/api/completions/check?houseId=${cleaning?.houseId}&date=${cleaning?.date}`;
    expect((await harness.get(otherLeader, check)).json().houses).toEqual([]);
    expect((await harness.get(asAdmin, check)).json().houses).toHaveLength(1);
  });

  it('answers a complaint by address and date: plan, completion, photos and comment', async () => {
    const cleaning = mine()[0];
    await harness.post(leader, bodyOf(cleaning, { photos: [jpegBase64(1), jpegBase64(2)] }));
    await harness.completionWorker().runDue();
    const house = await harness.store.db
      .selectFrom('houses')
      .select('address')
      .where('id', '=', Number(cleaning?.houseId))
      .executeTakeFirstOrThrow();
    const words = (house.address ?? '').split(',').slice(0, 2).join(' ');

    const answer = await harness.get(
      asAdmin,
      `/api/completions/check?address=${encodeURIComponent(words)}&date=${cleaning?.date}`,
    );
    const found = answer
      .json()
      .houses.find((one: { houseId: string }) => one.houseId === cleaning?.houseId);
    expect(answer.statusCode).toBe(200);
    expect(found).toMatchObject({
      address: house.address,
      planned: expect.arrayContaining([
        { date: cleaning?.date, cleaningType: cleaning?.cleaningType, slot: cleaning?.slot },
      ]),
      dealUrl: `https://vas-dom.bitrix24.ru/crm/deal/details/${cleaning?.houseId}/`,
    });
    const [completion] = found.completions;
    expect(completion.photos).toHaveLength(2);
    expect(completion.bitrix24.comment).toBe('done');
    const comment = harness.emulator.portal.state.timelineComments.get(
      completion.bitrix24.commentId,
    );
    expect(comment?.ENTITY_ID).toBe(cleaning?.houseId);
  });

  it('says when nothing was planned that day and names the nearest cleanings', async () => {
    const cleaning = theirs()[0];
    const dates = await harness.store.db
      .selectFrom('cleanings')
      .select('date')
      .where('houseId', '=', Number(cleaning?.houseId))
      .orderBy('date')
      .execute();
    let free = addDays(cleaning?.date ?? '', 1);
    while (dates.some((row) => row.date === free)) free = addDays(free, 1);

    const answer = await harness.get(
      asAdmin,
      `/api/completions/check?houseId=${cleaning?.houseId}&date=${free}`,
    );
    const [house] = answer.json().houses;
    expect(house).toMatchObject({ verdict: 'not_planned', planned: [], completions: [] });
    expect(house.nearestBefore.date < free).toBe(true);
    expect(house.nearestBefore.date).toBe(dates.filter((row) => row.date < free).at(-1)?.date);
    expect(house.nearestAfter?.date ?? null).toBe(
      dates.find((row) => row.date > free)?.date ?? null,
    );
    expectError(
      await harness.get(asAdmin, `/api/completions/check?date=${free}`),
      400,
      'validation_failed',
    );
  });
});
