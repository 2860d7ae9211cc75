import { afterAll, beforeAll, expect, it } from 'vitest';

import { presentHouseSummary } from '../../src/api/cleaning/house-summary-presenter.js';
import { selectHouseSummaries } from '../../src/api/cleaning/house-summary-query.js';
import { nextCleaningsOf } from '../../src/api/cleaning/next-cleaning-query.js';
import { localDate } from '../../src/api/local-date.js';
import { domainRules } from '../../src/sync/domain-rules.js';
import { runSync } from '../../src/sync/run-sync.js';
import { createSyncRun } from '../../src/sync/sync-runs.js';
import { asAdmin } from '../api/support/api-fixture.js';
import { createDemoApiFixture, type DemoApiFixture } from '../api/support/demo-portal-fixture.js';
import { describeStore } from '../support/test-store.js';

interface Item {
  id: string;
  brigade: { id: string; name: string } | null;
}

describeStore('the houses list read from stored items', () => {
  let fixture: DemoApiFixture;
  let memberId: string;

  beforeAll(async () => {
    fixture = await createDemoApiFixture();
    memberId = fixture.portal.memberId;
  }, 60_000);
  afterAll(() => fixture.close());

  const list = async (query = '', limit = 500) => {
    const response = await fixture.app.inject({
      url: `/api/cleaning/houses?limit=${limit}${query}`,
      headers: asAdmin,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    return response.json() as { total: number; items: Item[] };
  };

  const sync = async (mode: 'full' | 'incremental') => {
    const db = fixture.store.db;
    const domain = domainRules({ memberId, timeZone: 'Europe/Moscow' });
    const deps = { db, memberId, send: fixture.portal.send, domain };
    const run = await createSyncRun(db, memberId, mode);
    await runSync(deps, { mode, runId: Number(run.id) });
  };

  it('answers what the presenter makes of the house rows, for every house', async () => {
    const db = fixture.store.db;
    const today = localDate(new Date(), 'Europe/Moscow');
    const scope = { memberId, today };
    const rows = await selectHouseSummaries(db, {}, scope);
    const ids = rows.map((row) => Number(row.id));
    const next = await nextCleaningsOf(db, memberId, ids, today);
    const expected = rows.map((row) => presentHouseSummary(row, next.get(Number(row.id))));

    const { total, items } = await list();

    expect(total).toBe(490);
    expect(items).toEqual(expected);
    expect(items.filter((item) => item.brigade !== null).length).toBeGreaterThan(400);
  });

  // The database joins each page to its items and concatenates them: the order must be
  // the page's, for every sort and on every page, as the export (a plain query) gives it.
  it.each([
    ['address', 'asc'],
    ['address', 'desc'],
    ['apartments', 'desc'],
    ['nextCleaning', 'asc'],
  ] as const)('pages by %s %s in the order of the export', async (sort, order) => {
    const today = localDate(new Date(), 'Europe/Moscow');
    const rows = await selectHouseSummaries(fixture.store.db, { sort, order }, { memberId, today });

    const paged: string[] = [];
    for (let page = 1; page <= 10; page += 1) {
      const { items } = await list(`&sort=${sort}&order=${order}&page=${page}`, 50);
      paged.push(...items.map((item) => item.id));
    }

    expect(paged).toEqual(rows.map((row) => String(row.id)));
  });

  // An incremental sync rewrites no house here (no deal changed): the brigade's own write
  // must send its houses' items to be rewritten.
  it('shows a brigade renamed in the portal after the next incremental sync', async () => {
    const { items } = await list();
    const brigadeId = items[0]?.brigade?.id as string;
    const departments = fixture.portal.emulator?.portal.state.departments;
    const department = departments?.get(brigadeId);
    departments?.insert({ ...department!, NAME: 'Бригада «Проверка»' });

    await sync('incremental');

    const renamed = await list(`&brigadeId=${brigadeId}`);
    expect(renamed.total).toBeGreaterThan(0);
    for (const item of renamed.items) expect(item.brigade?.name).toBe('Бригада «Проверка»');
  });

  it('writes the missing item of a house on the page that shows it', async () => {
    const db = fixture.store.db;
    // Addresses asked for the first time: the read cache answers neither.
    const before = await list('&order=asc');
    await db.deleteFrom('houseListItems').where('memberId', '=', memberId).execute();

    expect(await list('&page=1')).toEqual(before);
    const stored = await db
      .selectFrom('houseListItems')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('memberId', '=', memberId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.count)).toBe(490);
  });
});
