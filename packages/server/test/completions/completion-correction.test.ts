import { afterEach, beforeEach, expect, it } from 'vitest';
import { runBrigadeDispatch } from '../../src/dispatch/index.js';
import { countOutbox } from '../../src/outbox/index.js';
import { describeStore } from '../support/test-store.js';
import {
  type CompletionHarness,
  jpegBase64,
  startCompletionHarness,
} from './support/completion-harness.js';
import { expectLinesMatchCompletions } from './support/day-checklist-check.js';
import { busiestBrigade, cleaningsOn, type DayCleaning, peopleOf } from './support/demo-people.js';

describeStore('the office corrects a wrong mark', () => {
  let harness: CompletionHarness;
  let cleaning: DayCleaning;
  let leader: { cookie: string };
  let office: { cookie: string };

  beforeEach(async () => {
    harness = await startCompletionHarness();
    const all = await cleaningsOn(harness.store.db, harness.emulator.memberId, harness.today);
    const brigadeId = busiestBrigade(all);
    cleaning = all.find((one) => one.brigadeId === brigadeId) as DayCleaning;
    const people = await peopleOf(harness.store.db, harness.emulator.memberId, brigadeId);
    leader = await harness.signIn(people.leaderId);
    office = await harness.signIn(await officeEmployee(harness));
    await runBrigadeDispatch(harness.store.db, harness.completionWorker(), {
      memberId: harness.emulator.memberId,
      date: harness.today,
      timeZone: 'Europe/Moscow',
      timeoutMs: 30_000,
    });
  });
  afterEach(async () => {
    await harness.close();
  });

  const settle = () => harness.completionWorker().runDue();
  const cleaningBody = () => ({
    houseId: cleaning.houseId,
    date: cleaning.date,
    cleaningType: cleaning.cleaningType,
    slot: cleaning.slot,
  });
  const correct = (headers: object, id: string, body: object) =>
    harness.api.app.inject({
      method: 'POST',
      url: `/api/completions/${id}/correction`,
      headers: headers as Record<string, string>,
      payload: body,
    });
  const commentsOf = (id: string) =>
    harness.emulator.portal.state.timelineComments
      .values()
      .filter((comment) => comment.COMMENT.includes(`[AB completion:${id}]`));
  const check = async () =>
    (
      await harness.get(
        office,
        `/api/completions/check?houseId=${cleaning.houseId}&date=${cleaning.date}`,
      )
    ).json().houses[0];

  async function markDone(): Promise<string> {
    const answer = await harness.post(leader, {
      ...cleaningBody(),
      status: 'done',
      photos: [jpegBase64(5)],
    });
    expect(answer.statusCode, answer.body).toBe(201);
    await settle();
    return answer.json().completion.id;
  }

  it('withdraws a mark: the same comment and line say so, the history keeps it', async () => {
    const id = await markDone();
    const [comment] = commentsOf(id);

    const answer = await correct(office, id, {
      status: 'withdrawn',
      note: 'Бригада отметила не тот дом',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      completion: null,
      change: {
        completionId: id,
        before: { status: 'done', authorName: expect.any(String) },
        after: { status: 'withdrawn', reason: null },
        note: 'Бригада отметила не тот дом',
      },
    });
    await settle();

    const after = commentsOf(id);
    expect(after).toHaveLength(1);
    expect(after[0]?.ID).toBe(comment?.ID);
    expect(after[0]?.COMMENT).toContain('Отметка об уборке снята');
    expect(after[0]?.COMMENT).toContain('Бригада отметила не тот дом');
    await expectLinesMatchCompletions(harness, harness.today);
    const house = await check();
    expect(house.verdict).toBe('not_marked');
    expect(house.completions).toEqual([]);
    expect(house.changes).toHaveLength(1);

    // The brigade may mark it again: the same completion, comment and line.
    const again = await harness.post(leader, {
      ...cleaningBody(),
      status: 'not_done',
      reason: 'Дверь заперта',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().completion.id).toBe(id);
    await settle();
    expect(commentsOf(id)).toHaveLength(1);
    expect(commentsOf(id)[0]?.COMMENT).toContain('Причина: Дверь заперта');
    await expectLinesMatchCompletions(harness, harness.today);
  });

  it('turns done into not done and back, each change kept with who made it', async () => {
    const id = await markDone();

    const noReason = await correct(office, id, { status: 'not_done', note: 'Жалоба жильцов' });
    expect(noReason.statusCode).toBe(400);
    const notDone = await correct(office, id, {
      status: 'not_done',
      reason: 'Жильцы: лестница грязная',
      note: 'Жалоба жильцов',
    });
    expect(notDone.statusCode, notDone.body).toBe(200);
    expect(notDone.json().completion).toMatchObject({
      status: 'not_done',
      reason: 'Жильцы: лестница грязная',
    });
    await settle();
    await expectLinesMatchCompletions(harness, harness.today);
    expect(commentsOf(id)[0]?.COMMENT).toContain('Уборка не выполнена');

    const same = await correct(office, id, {
      status: 'not_done',
      reason: 'Жильцы: лестница грязная',
      note: 'Ещё раз',
    });
    expect(same.statusCode).toBe(400);
    const done = await correct(office, id, { status: 'done', note: 'Проверили фото: убрано' });
    expect(done.json().completion).toMatchObject({ status: 'done', reason: null });
    expect(done.json().completion.photos).toHaveLength(1);
    await settle();

    await expectLinesMatchCompletions(harness, harness.today);
    expect(commentsOf(id)).toHaveLength(1);
    expect(commentsOf(id)[0]?.COMMENT).toContain('Фото: 1');
    const { changes } = await check();
    expect(changes.map((one: { after: { status: string } }) => one.after.status)).toEqual([
      'not_done',
      'done',
    ]);
    expect(changes[1].before).toMatchObject({ status: 'not_done' });
    expect(changes[0].changedByName).toEqual(expect.any(String));
    expect(await countOutbox(harness.store.db, harness.emulator.memberId)).toMatchObject({
      pending: 0,
      failed: 0,
    });
  });

  it('is for the office and admins only, about a completion that exists', async () => {
    const id = await markDone();
    const body = { status: 'withdrawn', note: 'Ошибка' };

    expect((await correct(leader, id, body)).statusCode).toBe(403);
    expect((await correct({}, id, body)).statusCode).toBe(401);
    const missing = await correct(office, '999999', body);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('completion_not_found');
    const unknown = await correct(office, id, { ...body, extra: 1 });
    expect(unknown.statusCode).toBe(400);
    const rows = await harness.store.db.selectFrom('completionChanges').selectAll().execute();
    expect(rows).toEqual([]);
  });
});

/** An active employee who is neither admin nor in a brigade: the office role. */
async function officeEmployee(harness: CompletionHarness): Promise<number> {
  const heads = await harness.store.db.selectFrom('brigades').select('headId').execute();
  const rows = await harness.store.db
    .selectFrom('employees')
    .select('id')
    .where('memberId', '=', harness.emulator.memberId)
    .where('isAdmin', '=', 0)
    .where('brigadeId', 'is', null)
    .where('active', '=', 1)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .execute();
  const headIds = new Set(heads.map((one) => Number(one.headId)));
  const found = rows.map((row) => Number(row.id)).find((id) => !headIds.has(id));
  if (found === undefined) throw new Error('The demo portal has no office employee');
  return found;
}
