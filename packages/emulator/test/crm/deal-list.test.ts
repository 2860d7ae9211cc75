import { describe, expect, it } from 'vitest';
import { APARTMENTS_FIELD, DATES_FIELD, TYPE_FIELD } from '../fixtures/small-portal.js';
import { callRest, useEmulator } from '../support/emulator-harness.js';

type Row = Record<string, unknown>;

// Docs: api-reference/crm/deals/crm-deal-list.md; settings/performance/huge-data.md.
describe('crm.deal.list', () => {
  const emulator = useEmulator();
  const list = (params: object) => callRest(emulator().webhookUrl, 'crm.deal.list', params);

  it('pages by 50 with total and next (crm-deal-list.md)', async () => {
    const first = await list({});
    expect(first.body.result).toHaveLength(50);
    expect(first.body.total).toBe(120);
    expect(first.body.next).toBe(50);

    const last = await list({ start: 100 });
    expect(last.body.result).toHaveLength(20);
    expect(last.body.total).toBe(120);
    expect(last.body).not.toHaveProperty('next');
  });

  it('skips the count with start=-1: total 0, no next (huge-data.md)', async () => {
    const reply = await list({
      start: -1,
      order: { ID: 'ASC' },
      filter: { '>ID': 60 },
      select: ['ID'],
    });

    expect(reply.body.total).toBe(0);
    expect(reply.body).not.toHaveProperty('next');
    const ids = (reply.body.result as Row[]).map((row) => row.ID);
    expect(ids[0]).toBe('61');
    expect(ids).toHaveLength(50);
  });

  it('selects standard fields by default, ID always, * and UF_* (crm-deal-list.md)', async () => {
    const plain = (await list({ filter: { ID: 1 } })).body.result as Row[];
    expect(plain[0]).toHaveProperty('STAGE_ID', 'C34:NEW');
    expect(Object.keys(plain[0] ?? {}).some((key) => key.startsWith('UF_'))).toBe(false);

    const stars = (await list({ filter: { ID: 1 }, select: ['*', 'UF_*'] })).body.result as Row[];
    expect(stars[0]).toHaveProperty(APARTMENTS_FIELD, '21');
    expect(stars[0]).toHaveProperty(DATES_FIELD, ['2025-09-02T03:00:00+03:00']);
    expect(stars[0]).toHaveProperty('TITLE', 'Дом 1');

    const named = (await list({ filter: { ID: 1 }, select: ['TITLE', 'NO_SUCH_FIELD'] })).body
      .result as Row[];
    expect(named[0]).toEqual({ ID: '1', TITLE: 'Дом 1' });
  });

  it('keeps CRM numbers as strings', async () => {
    const rows = (await list({ filter: { ID: 7 }, select: ['ID', 'OPPORTUNITY', 'CATEGORY_ID'] }))
      .body.result as Row[];
    expect(rows[0]).toEqual({ ID: '7', OPPORTUNITY: '700.00', CATEGORY_ID: '34' });
  });

  it.each([
    [{ CATEGORY_ID: 34 }, 80],
    [{ '=CATEGORY_ID': '0' }, 40],
    [{ '!CATEGORY_ID': 34 }, 40],
    [{ '>ID': 100 }, 20],
    [{ '>=ID': 100 }, 21],
    [{ '<ID': 11 }, 10],
    [{ '<=ID': 11 }, 11],
    [{ '@ID': [1, 2, 3, 500] }, 3],
    [{ '!@ID': [1, 2, 3] }, 117],
    [{ '%TITLE': 'частная' }, 40],
    [{ [TYPE_FIELD]: '2468' }, 60],
    [{ '>=DATE_CREATE': '2025-09-28T00:00:00+03:00' }, 4],
    [{ CONTACT_ID: '' }, 24],
    [{ CATEGORY_ID: 34, '>ID': 110 }, 6],
  ])('filters with %j (crm-deal-list.md filter prefixes)', async (filter, expected) => {
    const reply = await list({ filter, select: ['ID'] });
    expect(reply.body.total).toBe(expected);
  });

  it('matches a multiple field when any of its values matches', async () => {
    const reply = await list({
      filter: { [DATES_FIELD]: '2025-09-02T03:00:00+03:00' },
      select: ['ID'],
    });
    expect((reply.body.result as Row[]).map((row) => row.ID)).toEqual([
      '1',
      '29',
      '57',
      '85',
      '113',
    ]);
  });

  it('orders by any field, descending or ascending, ties by ID', async () => {
    const byId = (await list({ order: { ID: 'DESC' }, select: ['ID'] })).body.result as Row[];
    expect(byId[0]?.ID).toBe('120');

    const byOpportunity = (await list({ order: { OPPORTUNITY: 'DESC' }, select: ['ID'] })).body
      .result as Row[];
    expect(byOpportunity.slice(0, 2).map((row) => row.ID)).toEqual(['120', '119']);

    const byDate = (await list({ order: { DATE_CREATE: 'ASC' }, select: ['ID'], start: 0 })).body
      .result as Row[];
    expect(byDate.slice(0, 3).map((row) => row.ID)).toEqual(['28', '56', '84']);
  });

  it('walks every deal with the >ID cursor and start=-1', async () => {
    const seen: string[] = [];
    let lastId = 0;
    for (;;) {
      const reply = await list({
        order: { ID: 'ASC' },
        filter: { '>ID': lastId },
        select: ['ID'],
        start: -1,
      });
      const rows = reply.body.result as Row[];
      seen.push(...rows.map((row) => String(row.ID)));
      if (rows.length < 50) break;
      lastId = Number(rows.at(-1)?.ID);
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });

  it('keeps filtered counts right after adds, updates and deletes', async () => {
    const stage = { filter: { STAGE_ID: 'C34:UC_PG9Y90' }, select: ['ID'] };
    expect((await list(stage)).body.total).toBe(0);

    const hook = emulator().webhookUrl;
    await callRest(hook, 'crm.deal.update', { id: 4, fields: { STAGE_ID: 'C34:UC_PG9Y90' } });
    await callRest(hook, 'crm.deal.add', {
      fields: { CATEGORY_ID: 34, STAGE_ID: 'C34:UC_PG9Y90' },
    });
    expect((await list(stage)).body.total).toBe(2);

    await callRest(hook, 'crm.deal.delete', { id: 4 });
    expect(((await list(stage)).body.result as Row[]).map((row) => row.ID)).toEqual(['121']);
    expect((await list({ filter: { CATEGORY_ID: 34 }, select: ['ID'] })).body.total).toBe(80);
  });
});
