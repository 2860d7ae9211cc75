import { afterEach, beforeEach, expect, it } from 'vitest';
import { userOfEmployee } from '../../src/auth/employee-user.js';
import { createSession } from '../../src/auth/session-store.js';
import { type ApiFixture, asAdmin, createApiFixture } from '../api/support/api-fixture.js';
import { expectEventsMatchPlan } from '../calendar/support/calendar-expectations.js';
import { type OutboxHarness, startOutboxHarness } from '../outbox/support/outbox-harness.js';
import { busiestDate } from '../support/cleaning-dates.js';
import { describeStore } from '../support/test-store.js';

interface Item {
  id: string;
  title: string | null;
  kind: string;
  status: string;
  lastError: { code: string; message: string } | null;
}

describeStore('POST /api/dispatch, GET /api/dispatch, POST /api/outbox/:id/retry', () => {
  let harness: OutboxHarness;
  let api: ApiFixture;
  let date: string;

  beforeEach(async () => {
    harness = await startOutboxHarness(60, { unlimited: true });
    await harness.sync('full');
    date = await busiestDate(harness);
    api = await createApiFixture({
      store: harness.store,
      portal: { memberId: harness.emulator.memberId, domain: 'demo.test', demo: true },
    });
  });
  afterEach(async () => {
    await api.app.close();
    await harness.close();
  });

  const send = (headers: Record<string, string> = asAdmin, body: object = { date }) =>
    api.app.inject({ method: 'POST', url: '/api/dispatch', headers, payload: body });
  const state = () => api.app.inject({ url: `/api/dispatch?date=${date}`, headers: asAdmin });

  it('stores the day’s tasks and events at once; the worker then sends them all', async () => {
    const sent = await send();

    expect(sent.statusCode).toBe(202);
    const body = sent.json() as { settings: object; counts: object; items: Item[] };
    expect(body.settings).toEqual({ tasks: 'brigade', calendar: 'brigade' });
    const kinds = new Set(body.items.map((item) => item.kind));
    expect(kinds).toEqual(new Set(['bitrix24.task.upsert', 'bitrix24.calendar.event.upsert']));
    expect(body.items.every((item) => item.status === 'pending')).toBe(true);
    expect(body.items[0]?.title).toMatch(/^Уборка \d\d\.\d\d\.\d{4}: .+, \d+ дом/);
    expect(body.items.at(-1)?.title).toMatch(/^Уборка: /);

    await harness.worker().settle(
      body.items.map((item) => Number(item.id)),
      30_000,
    );
    const after = (await state()).json() as { counts: Record<string, number>; items: Item[] };
    expect(after.counts).toEqual({ pending: 0, running: 0, done: body.items.length, failed: 0 });
    await expectEventsMatchPlan(harness, date, 'brigade');

    const again = (await send()).json() as { items: Item[] };
    expect(again.items.map((item) => item.id)).toEqual(body.items.map((item) => item.id));
  });

  it('shows a failed write with its reason, and tries it again on request', async () => {
    const [first] = ((await send()).json() as { items: Item[] }).items;
    await harness.store.db
      .updateTable('outbox')
      .set({ status: 'failed', attempts: 10, lastErrorCode: 'ERROR_CORE', lastErrorMessage: 'нет' })
      .where('id', '=', Number(first?.id))
      .execute();

    const failed = ((await state()).json() as { items: Item[] }).items[0];
    expect(failed).toMatchObject({ status: 'failed', lastError: { code: 'ERROR_CORE' } });

    const retry = (id: string) =>
      api.app.inject({ method: 'POST', url: `/api/outbox/${id}/retry`, headers: asAdmin });
    const retried = await retry(first?.id ?? '');
    expect(retried.statusCode).toBe(200);
    expect(retried.json().item).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await retry(first?.id ?? '')).json().error).toBe('outbox_entry_not_failed');
    expect((await retry('999999')).statusCode).toBe(404);
  });

  it('refuses an impossible date and a brigade leader', async () => {
    const bad = await send(asAdmin, { date: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'validation_failed', field: 'date' });

    const leader = await harness.store.db
      .selectFrom('employees')
      .selectAll()
      .where('memberId', '=', harness.emulator.memberId)
      .where('isLeader', '=', 1)
      .executeTakeFirstOrThrow();
    const session = await createSession(
      harness.store.db,
      harness.emulator.memberId,
      userOfEmployee(leader),
    );
    const refused = await send({ cookie: `audiobot_session=${session.token}` });
    expect(refused.statusCode).toBe(403);
    expect(await harness.store.db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });
});
