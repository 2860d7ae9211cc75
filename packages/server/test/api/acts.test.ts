import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { describeStore } from '../support/test-store.js';
import { type ApiFixture, asAdmin, createApiFixture, TODAY } from './support/api-fixture.js';
import { HOUSES, seedControlMonth, sessionCookie } from './support/control-month.js';

const OFFICE = { id: '300', name: 'Офис Ольга', role: 'office', brigadeId: null } as const;
const LEADER = { id: '100', name: 'Бригадир Первый', role: 'brigade_leader', brigadeId: '11' };

describeStore('acts of a month', () => {
  let fixture: ApiFixture;
  let office: { cookie: string };
  let leader: { cookie: string };

  beforeAll(async () => {
    fixture = await createApiFixture();
    await seedControlMonth(fixture.store.db);
    office = await sessionCookie(fixture.store.db, OFFICE);
    leader = await sessionCookie(fixture.store.db, { ...LEADER, role: 'brigade_leader' });
  });
  afterAll(() => fixture.close());

  const get = (url: string, headers: Record<string, string> = asAdmin) =>
    fixture.app.inject({ url, headers });
  const signature = (house: number, month = '2026-12') =>
    `/api/acts/${month}/houses/${house}/signature`;
  const sign = (house: number, headers: Record<string, string>, payload = {}) =>
    fixture.app.inject({ method: 'PUT', url: signature(house), headers, payload });
  const unsign = (house: number, headers: Record<string, string>) =>
    fixture.app.inject({ method: 'DELETE', url: signature(house), headers });

  describe('the list', () => {
    it('gives each house that owes an act its planned, done and overdue cleanings', async () => {
      const response = await get('/api/acts?month=2026-12');
      expect(response.statusCode).toBe(200);
      const body = response.json();

      expect(body.items.map((act: { house: { id: string } }) => act.house.id)).toEqual(
        [HOUSES.A, HOUSES.B, HOUSES.C, HOUSES.F].map(String),
      );
      expect(body.items[0]).toEqual({
        house: { id: String(HOUSES.A), title: `Дом ${HOUSES.A}`, address: 'Аллейная улица, 1' },
        brigade: { id: '11', name: 'Бригада 1' },
        month: '2026-12',
        planned: 2,
        done: 1,
        overdue: 0,
        status: 'in_progress',
        signature: null,
      });
      expect(body.items.map((act: { status: string }) => act.status)).toEqual([
        'in_progress',
        'behind',
        'ready',
        'in_progress',
      ]);
      expect(body.items[1]).toMatchObject({ planned: 2, done: 1, overdue: 1 });
      expect(body.items[3]).toMatchObject({ brigade: null, planned: 1, done: 0, overdue: 0 });
    });

    it('counts the month over all houses, whatever the page shows', async () => {
      const body = (await get('/api/acts?month=2026-12&limit=1&page=2')).json();

      expect(body).toMatchObject({ total: 4, page: 2, limit: 1 });
      expect(body.items).toHaveLength(1);
      expect(body.items[0].house.id).toBe(String(HOUSES.B));
      expect(body.statistics).toEqual({
        houses: 4,
        signed: 0,
        ready: 1,
        behind: 1,
        inProgress: 2,
        planned: 7,
        done: 4,
      });
    });

    it('filters by status, brigade and address words', async () => {
      const behind = (await get('/api/acts?month=2026-12&status=behind')).json();
      const brigade = (await get('/api/acts?month=2026-12&brigadeId=12')).json();
      const search = (await get('/api/acts?month=2026-12&q=вишневая')).json();

      expect(behind.items.map((act: { house: { id: string } }) => act.house.id)).toEqual([
        String(HOUSES.B),
      ]);
      expect(behind.statistics.houses).toBe(4);
      expect(brigade.items.map((act: { house: { id: string } }) => act.house.id)).toEqual([
        String(HOUSES.C),
      ]);
      expect(brigade.statistics).toMatchObject({ houses: 1, ready: 1, planned: 2, done: 2 });
      expect(search.total).toBe(1);
    });

    it('defaults to the current month and rejects a malformed one', async () => {
      const current = await get('/api/acts');
      const wrong = await get('/api/acts?month=2026-13');

      expect(current.json().month).toBe(TODAY.slice(0, 7));
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error).toBe('validation_failed');
    });

    it('shows a brigade leader only their brigade, and refuses another', async () => {
      const own = (await get('/api/acts?month=2026-12', leader)).json();
      const other = await get('/api/acts?month=2026-12&brigadeId=12', leader);

      expect(own.items.map((act: { house: { id: string } }) => act.house.id)).toEqual(
        [HOUSES.A, HOUSES.B].map(String),
      );
      expect(own.statistics).toMatchObject({ houses: 2, behind: 1, inProgress: 1 });
      expect(other.statusCode).toBe(403);
      expect(other.json().error).toBe('forbidden');
    });
  });

  describe('signing', () => {
    it('marks an act signed today by the office user, and counts it', async () => {
      const response = await sign(HOUSES.C, office);

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        house: { id: String(HOUSES.C) },
        status: 'signed',
        planned: 2,
        done: 2,
        signature: { date: TODAY, by: { id: '300', name: 'Офис Ольга' } },
      });
      const statistics = (await get('/api/acts?month=2026-12')).json().statistics;
      expect(statistics).toMatchObject({ signed: 1, ready: 0, houses: 4 });
    });

    it('takes the date of signing when given, even for a house behind', async () => {
      const response = await sign(HOUSES.B, asAdmin, { date: '2026-12-02' });
      const stored = await fixture.store.db
        .selectFrom('acts')
        .selectAll()
        .where('houseId', '=', HOUSES.B)
        .executeTakeFirstOrThrow();

      expect(response.json().signature).toEqual({
        date: '2026-12-02',
        by: { id: null, name: expect.any(String) },
      });
      expect(stored).toMatchObject({ month: '2026-12', signedOn: '2026-12-02' });
      expect(stored.memberId).toBe('member-test-1');
    });

    it('refuses a second signature, a future date or month, and a house with no plan', async () => {
      const twice = await sign(HOUSES.C, office);
      const future = await sign(HOUSES.A, office, { date: '2026-12-04' });
      const nothing = await sign(HOUSES.D, office);
      const deleted = await sign(HOUSES.E, office);
      const unknown = await sign(999_999, office);
      const ahead = await fixture.app.inject({
        method: 'PUT',
        url: signature(HOUSES.D, '2027-01'),
        headers: office,
        payload: {},
      });

      expect([twice.statusCode, twice.json().error]).toEqual([409, 'act_already_signed']);
      expect([future.statusCode, future.json().field]).toEqual([400, 'date']);
      expect([nothing.statusCode, nothing.json().error]).toEqual([409, 'act_nothing_planned']);
      expect(deleted.statusCode).toBe(409);
      expect([unknown.statusCode, unknown.json().error]).toEqual([404, 'house_not_found']);
      expect([ahead.statusCode, ahead.json().field]).toEqual([400, 'month']);
    });

    it('lets only the office and admins sign or unsign', async () => {
      const signing = await sign(HOUSES.A, leader);
      const unsigning = await unsign(HOUSES.C, leader);

      expect(signing.statusCode).toBe(403);
      expect(unsigning.statusCode).toBe(403);
      expect((await get('/api/acts?month=2026-12&status=signed')).json().total).toBe(2);
    });

    it('unsigns, after which the act is ready again; a second unsign is 404', async () => {
      const first = await unsign(HOUSES.C, office);
      const again = await unsign(HOUSES.C, office);
      const list = (await get('/api/acts?month=2026-12&brigadeId=12')).json();

      expect(first.statusCode).toBe(204);
      expect([again.statusCode, again.json().error]).toEqual([404, 'act_not_signed']);
      expect(list.items[0]).toMatchObject({ status: 'ready', signature: null });
    });

    it('keeps a signed act in the list after its plan has gone', async () => {
      await fixture.store.db.deleteFrom('cleanings').where('houseId', '=', HOUSES.B).execute();
      const body = (await get('/api/acts?month=2026-12&status=signed')).json();

      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({ house: { id: String(HOUSES.B) }, planned: 0 });
    });
  });

  describe('the XLSX export', () => {
    it('holds every act of the month and the totals, as the list shows them', async () => {
      const response = await get('/api/acts/export?month=2026-12');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(response.headers['content-disposition']).toContain('acts-2026-12.xlsx');

      const workbook = await loadWorkbook(response.rawPayload);
      const acts = sheetValues(workbook, 'Акты');
      const totals = sheetValues(workbook, 'Итоги');

      expect(acts[0]).toEqual([
        'ID дома',
        'Адрес',
        'Название',
        'Бригада',
        'Запланировано',
        'Выполнено',
        'Просрочено',
        'Статус',
        'Дата подписания',
        'Подписал',
      ]);
      expect(acts.slice(1).map((row) => row[0])).toEqual([HOUSES.A, HOUSES.B, HOUSES.C, HOUSES.F]);
      expect(acts[1]).toEqual([
        HOUSES.A,
        'Аллейная улица, 1',
        `Дом ${HOUSES.A}`,
        'Бригада 1',
        2,
        1,
        0,
        'В работе',
      ]);
      expect(acts[2]?.slice(7)).toEqual(['Подписан', '2026-12-02', expect.any(String)]);
      expect(acts[3]?.slice(4, 8)).toEqual([2, 2, 0, 'Готов к подписанию']);
      expect(totals).toEqual([
        ['Месяц', '2026-12'],
        ['Домов', 4],
        ['Подписано', 1],
        ['Готово к подписанию', 1],
        ['Отстают', 0],
        ['В работе', 2],
        ['Уборок запланировано', 5],
        ['Уборок выполнено', 3],
      ]);
    });

    it('gives a brigade leader their brigade only', async () => {
      const response = await get('/api/acts/export?month=2026-12', leader);
      const workbook = await loadWorkbook(response.rawPayload);

      const ids = sheetValues(workbook, 'Акты')
        .slice(1)
        .map((row) => row[0]);
      expect(ids).toEqual([HOUSES.A, HOUSES.B]);
    });
  });
});

async function loadWorkbook(payload: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types want an ArrayBuffer-backed Buffer; Node's works the same.
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's cells row by row, empty cells as null. */
function sheetValues(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    const cells: unknown[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) {
      const value = row.getCell(column).value;
      cells.push(value === undefined ? null : value);
    }
    rows.push(cells.slice(0, lastFilled(cells) + 1));
  });
  return rows;
}

function lastFilled(cells: unknown[]): number {
  let last = -1;
  cells.forEach((cell, index) => {
    if (cell !== null) last = index;
  });
  return last;
}
