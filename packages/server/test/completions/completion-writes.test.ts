import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  brigadePlanMarker,
  type DispatchTaskMode,
  runBrigadeDispatch,
} from '../../src/dispatch/index.js';
import { countOutbox } from '../../src/outbox/index.js';
import { losingFirstAnswer } from '../outbox/support/outbox-harness.js';
import { describeStore } from '../support/test-store.js';
import {
  busiestBrigadeToday,
  type CompletionHarness,
  jpegBase64,
  PUBLIC_URL,
  startCompletionHarness,
} from './support/completion-harness.js';
import { adminIds, type DayCleaning } from './support/demo-people.js';

describeStore('completions written to Bitrix24 through the outbox', () => {
  let harness: CompletionHarness;
  let day: DayCleaning[];
  let leader: { cookie: string };

  beforeEach(async () => {
    harness = await startCompletionHarness();
    ({ day, leader } = await busiestBrigadeToday(harness));
  });
  afterEach(async () => {
    await harness.close();
  });

  const first = () => day[0] as DayCleaning;
  const ofBrigade = () => day.filter((cleaning) => cleaning.brigadeId === first().brigadeId);
  const cleaningBody = (cleaning: DayCleaning) => ({
    houseId: cleaning.houseId,
    date: cleaning.date,
    cleaningType: cleaning.cleaningType,
    slot: cleaning.slot,
  });
  const comments = () => harness.emulator.portal.state.timelineComments.values();
  const settle = (worker = harness.completionWorker()) => worker.runDue();
  /** Today's plans sent to the portal, as the evening before would have sent them. */
  const dispatchToday = (tasks?: DispatchTaskMode) =>
    runBrigadeDispatch(harness.store.db, harness.completionWorker(), {
      memberId: harness.emulator.memberId,
      date: harness.today,
      timeZone: 'Europe/Moscow',
      ...(tasks ? { tasks } : {}),
      timeoutMs: 30_000,
    });

  it('comments on the deal once: date, type, brigade, photo count and the link', async () => {
    const cleaning = first();
    const answer = await harness.post(leader, {
      ...cleaningBody(cleaning),
      status: 'done',
      photos: [jpegBase64(1), jpegBase64(2)],
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const completion = answer.json().completion;

    await settle();
    await settle();

    const mine = comments().filter((comment) => comment.ENTITY_ID === cleaning.houseId);
    expect(mine).toHaveLength(1);
    const [dd, mm, yyyy] = [
      cleaning.date.slice(8),
      cleaning.date.slice(5, 7),
      cleaning.date.slice(0, 4),
    ];
    expect(mine[0]?.COMMENT).toContain(`Уборка выполнена: ${dd}.${mm}.${yyyy}`);
    expect(mine[0]?.COMMENT).toContain('Фото: 2');
    expect(mine[0]?.COMMENT).toMatch(/Бригада: \S+/);
    expect(mine[0]?.COMMENT).toContain(
      `${PUBLIC_URL}/check?house=${cleaning.houseId}&date=${cleaning.date}`,
    );
    const view = await harness.get(
      leader,
      `/api/completions/check?houseId=${cleaning.houseId}&date=${cleaning.date}`,
    );
    expect(view.json().houses[0].completions[0]).toMatchObject({
      id: completion.id,
      bitrix24: { commentId: mine[0]?.ID, comment: 'done', dayTask: null },
    });
  });

  it('keeps the photos in the configured folder, served to signed-in users only', async () => {
    const photo = jpegBase64(7);
    const answer = await harness.post(leader, {
      ...cleaningBody(first()),
      status: 'done',
      photos: [photo],
    });
    const [stored] = answer.json().completion.photos;

    const served = await harness.get(leader, stored.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.equals(Buffer.from(photo.split(',')[1] ?? '', 'base64'))).toBe(true);

    const row = await harness.store.db
      .selectFrom('completionPhotos')
      .select(['fileName', 'memberId'])
      .executeTakeFirstOrThrow();
    expect(readFileSync(path.join(harness.photoDir, row.fileName))).toEqual(served.rawPayload);
    expect(row.memberId).toBe(harness.emulator.memberId);
    expect((await harness.get({}, stored.url)).statusCode).toBe(401);
  });

  it('closes the house in the brigade’s day task: a checklist line, done or why not', async () => {
    await dispatchToday();
    const [done, notDone] = ofBrigade();
    expect(notDone).toBeDefined();
    await harness.post(leader, {
      ...cleaningBody(first()),
      status: 'done',
      photos: [jpegBase64()],
    });
    await harness.post(leader, {
      ...cleaningBody(notDone as DayCleaning),
      status: 'not_done',
      reason: 'Подъезд закрыт, ключа нет',
      photos: [],
    });
    await settle();

    const marker = brigadePlanMarker(first().brigadeId, harness.today);
    const task = harness.tasks().find((one) => one.title.includes(marker));
    const items = harness.emulator.portal.state.checklistItems
      .values()
      .filter((item) => item.TASK_ID === task?.id && item.PARENT_ID !== '0');
    const line = (cleaning: DayCleaning | undefined) =>
      items.find((item) =>
        item.TITLE.includes(
          `[AB cleaning:${cleaning?.houseId}:${harness.today}:${cleaning?.slot}]`,
        ),
      );
    expect(items).toHaveLength(done === notDone ? 1 : 2);
    expect(line(done)).toMatchObject({
      IS_COMPLETE: 'Y',
      TITLE: expect.stringContaining('убрано, фото: 1'),
    });
    expect(line(notDone)).toMatchObject({
      IS_COMPLETE: 'N',
      TITLE: expect.stringContaining('не убрано: Подъезд закрыт, ключа нет'),
    });
  });

  it('completes a house’s own task when the day went out as one task per house', async () => {
    await dispatchToday('house');
    const [done, notDone] = day.filter((one) => one.houseId !== first().houseId);
    await harness.post(leader, {
      ...cleaningBody(first()),
      status: 'done',
      photos: [jpegBase64()],
    });
    await harness.post(leader, {
      ...cleaningBody(notDone ?? (done as DayCleaning)),
      status: 'not_done',
      reason: 'Ремонт в подъезде',
      photos: [],
    });
    await settle();

    const taskOf = (houseId: string | undefined) =>
      harness.emulator.portal.state.tasks
        .values()
        .find((task) => task.title.includes(`[AB house-plan:${houseId}:${harness.today}]`));
    expect(taskOf(first().houseId)?.status).toBe('5');
    expect(taskOf(notDone?.houseId)?.status).not.toBe('5');
    const lines = harness.emulator.portal.state.checklistItems
      .values()
      .filter((item) => item.PARENT_ID !== '0');
    expect(lines.map((item) => item.TASK_ID).sort()).toEqual(
      [taskOf(first().houseId)?.id, taskOf(notDone?.houseId)?.id].sort(),
    );
  });

  it('turns a cleaning not done into done later: the same comment and line say so', async () => {
    await dispatchToday();
    const cleaning = first();
    const notDone = await harness.post(leader, {
      ...cleaningBody(cleaning),
      status: 'not_done',
      reason: 'Не было ключа',
      photos: [],
    });
    await settle();
    const notices = harness.emulator.portal.state.notifications.size;

    const done = await harness.post(leader, {
      ...cleaningBody(cleaning),
      status: 'done',
      photos: [jpegBase64(3), jpegBase64(4)],
    });
    await settle();

    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().completion).toMatchObject({
      id: notDone.json().completion.id,
      status: 'done',
      reason: null,
    });
    expect(done.json().completion.photos).toHaveLength(2);
    const mine = comments().filter((comment) => comment.ENTITY_ID === cleaning.houseId);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.COMMENT).toContain('Уборка выполнена');
    expect(mine[0]?.COMMENT).toContain('Ранее отмечено «не убрано»: Не было ключа');
    const lines = harness.emulator.portal.state.checklistItems
      .values()
      .filter((item) => item.TITLE.includes(`[AB cleaning:${cleaning.houseId}:`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ IS_COMPLETE: 'Y' });
    expect(harness.emulator.portal.state.notifications.size).toBe(notices);

    const again = await harness.post(leader, {
      ...cleaningBody(cleaning),
      status: 'not_done',
      reason: 'Передумали',
    });
    expect(again.statusCode).toBe(409);
  });

  it('tells every portal admin of a cleaning not done, once each', async () => {
    await harness.post(leader, {
      ...cleaningBody(first()),
      status: 'not_done',
      reason: 'Нет воды',
      photos: [],
    });
    await settle();
    await settle();

    const admins = await adminIds(harness.store.db, harness.emulator.memberId);
    const notices = harness.emulator.portal.state.notifications.values();
    expect(admins.length).toBeGreaterThan(0);
    expect(notices.map((notice) => Number(notice.userId)).sort()).toEqual(admins);
    expect(notices[0]?.message).toContain('Причина: Нет воды.');
  });

  it('holds one comment per completion under faults, a crash and repeated runs', async () => {
    const marked = ofBrigade().slice(0, 6);
    await harness.control('PUT', '/faults', {
      errors: [
        { status: 503, rate: 0.25, error: 'QUERY_LIMIT_EXCEEDED' },
        { status: 500, rate: 0.15 },
      ],
      dropRate: 0.15,
      seed: 23,
    });
    for (const [index, cleaning] of marked.entries()) {
      const status = index % 2 === 0 ? 'done' : 'not_done';
      const answer = await harness.post(leader, {
        ...cleaningBody(cleaning),
        status,
        ...(status === 'done' ? { photos: [jpegBase64(index)] } : { reason: 'Нет доступа' }),
      });
      expect(answer.statusCode, answer.body).toBe(201);
    }

    // The first add's answer is lost, as if the process died right after it.
    const crashing = harness.completionWorker({
      portal: losingFirstAnswer(harness.portal, 'crm.timeline.comment.add', 'hang'),
    });
    void crashing.runDue();
    await waitFor(() => comments().length >= 1);
    const later = () => new Date(Date.now() + 10 * 60_000);
    for (let run = 0; run < 3; run += 1)
      await harness.completionWorker({ now: later }).settle(await allIds(harness), 30_000);

    await harness.control('DELETE', '/faults');
    const rows = await harness.store.db
      .selectFrom('completions')
      .select(['id', 'houseId'])
      .execute();
    expect(rows).toHaveLength(marked.length);
    for (const row of rows) {
      const mine = comments().filter((comment) =>
        comment.COMMENT.includes(`[AB completion:${row.id}]`),
      );
      expect(mine, `completion ${row.id}`).toHaveLength(1);
      expect(mine[0]?.ENTITY_ID).toBe(String(row.houseId));
    }
    expect(comments()).toHaveLength(marked.length);
    // Each admin hears once of each cleaning not done, whatever was retried.
    const notDone = Math.floor(marked.length / 2);
    const admins = await adminIds(harness.store.db, harness.emulator.memberId);
    const notices = harness.emulator.portal.state.notifications.values();
    expect(notices).toHaveLength(admins.length * notDone);
    expect(new Set(notices.map((notice) => notice.tag)).size).toBe(notices.length);
    const counts = await countOutbox(harness.store.db, harness.emulator.memberId);
    expect(counts).toMatchObject({ pending: 0, running: 0, failed: 0 });
    expect(counts.retried).toBeGreaterThan(0);
  });
});

async function allIds(harness: CompletionHarness): Promise<number[]> {
  const rows = await harness.store.db.selectFrom('outbox').select('id').execute();
  return rows.map((row) => Number(row.id));
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!condition()) throw new Error('condition not met in 5 s');
}
