import type { RunningEmulator } from '@audiobot/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ListProgress, ListRow } from '../../src/index.js';
import {
  control,
  housesFilter,
  portalRequestCount,
  startHousePortal,
  webhookClient,
} from '../support/emulator-harness.js';
import { housePortal } from '../support/house-portal.js';

/** Docs: performance/huge-data.md, list-methods-pecularities.md, batch.md. */
describe('list walkers against the emulator (490 houses among other deals)', () => {
  let emulator: RunningEmulator;
  let houseIds: number[];

  beforeAll(async () => {
    emulator = await startHousePortal();
    houseIds = housePortal()
      .deals.filter((deal) => deal.CATEGORY_ID === '34')
      .map((deal) => Number(deal.ID));
  });
  afterAll(() => emulator.stop());
  beforeEach(async () => {
    await control(emulator, 'DELETE', '/faults');
    await control(emulator, 'DELETE', '/requests');
  });

  const params = { filter: housesFilter, select: ['ID', 'TITLE'] };
  const idsOf = (rows: ListRow[]) => rows.map((row) => Number(row.ID));

  it('offset mode: every house once, in 2 requests (first page, then 9 in a batch)', async () => {
    const client = webhookClient(emulator);
    const progress: ListProgress[] = [];
    const rows = await client.listAll('crm.deal.list', params, {
      onProgress: (p) => progress.push(p),
    });

    expect(idsOf(rows).sort((a, b) => a - b)).toEqual(houseIds);
    expect(client.getStats().requests).toBe(2);
    expect(await portalRequestCount(emulator)).toBe(2);
    expect(progress).toEqual([
      { done: 50, total: 490 },
      { done: 490, total: 490 },
    ]);
  });

  it('offset mode pages per request: 5 pages a batch makes 1 + 2 requests', async () => {
    const client = webhookClient(emulator);
    const rows = await client.listAll('crm.deal.list', params, { pagesPerRequest: 5 });
    expect(rows).toHaveLength(490);
    expect(client.getStats().requests).toBe(3);
  });

  it('offset mode with requests in parallel still yields the pages in order', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    await control(emulator, 'PUT', '/faults', { latency: { kind: 'fixed', ms: 40 } });
    const client = webhookClient(emulator, { fetch: counting });
    const sizes: number[] = [];
    const rows: ListRow[] = [];
    const options = { pagesPerRequest: 2, parallelRequests: 3 };
    const ordered = { ...params, order: { ID: 'ASC' } };
    for await (const page of client.listPages('crm.deal.list', ordered, options)) {
      sizes.push(page.items.length);
      rows.push(...page.items);
    }
    await control(emulator, 'DELETE', '/faults');

    expect(mostInFlight).toBe(3);
    expect(sizes).toEqual([50, 100, 100, 100, 100, 40]);
    expect(idsOf(rows)).toEqual(houseIds);
    expect(client.getStats().requests).toBe(6);
  });

  it('cursor mode: every house once, in order, in a single request', async () => {
    const client = webhookClient(emulator);
    const rows = await client.listAll('crm.deal.list', params, { mode: 'cursor' });

    expect(idsOf(rows)).toEqual(houseIds);
    expect(client.getStats().requests).toBe(1);
    expect(await portalRequestCount(emulator)).toBe(1);
  });

  it('cursor mode sends start=-1, ID order and chained $result references, with halt', async () => {
    const bodies: string[] = [];
    const spy: typeof fetch = (input, init) => {
      bodies.push(String(init?.body));
      return fetch(input, init);
    };
    const client = webhookClient(emulator, { fetch: spy });
    await client.listAll('crm.deal.list', params, { mode: 'cursor', pagesPerRequest: 3 });

    const { cmd, halt } = JSON.parse(bodies[0]!) as { cmd: Record<string, string>; halt: number };
    const common = 'select[0]=ID&select[1]=TITLE&order[ID]=ASC&start=-1';
    expect(halt).toBe(1);
    expect(Object.keys(cmd)).toEqual(['page_0', 'page_1', 'page_2']);
    expect(decodeURIComponent(cmd.page_0!)).toBe(
      `crm.deal.list?filter[CATEGORY_ID]=34&filter[>ID]=0&${common}`,
    );
    expect(decodeURIComponent(cmd.page_2!)).toBe(
      `crm.deal.list?filter[CATEGORY_ID]=34&filter[>ID]=$result[page_1][49][ID]&${common}`,
    );
  });

  it('cursor mode with withTotal reports the total in the same single request', async () => {
    const client = webhookClient(emulator);
    const progress: ListProgress[] = [];
    const rows = await client.listAll('crm.deal.list', params, {
      mode: 'cursor',
      withTotal: true,
      onProgress: (p) => progress.push(p),
    });

    expect(rows).toHaveLength(490);
    expect(progress.at(-1)).toEqual({ done: 490, total: 490 });
    expect(client.getStats().requests).toBe(1);
  });

  it('cursor mode yields a page per request: 100 rows with 2 pages per request', async () => {
    const client = webhookClient(emulator);
    const sizes: number[] = [];
    const lastIds: (number | null)[] = [];
    const pages = client.listPages('crm.deal.list', params, { mode: 'cursor', pagesPerRequest: 2 });
    for await (const page of pages) {
      sizes.push(page.items.length);
      lastIds.push(page.lastId);
    }

    expect(sizes).toEqual([100, 100, 100, 100, 90]);
    expect(lastIds).toEqual([
      houseIds[99],
      houseIds[199],
      houseIds[299],
      houseIds[399],
      houseIds[489],
    ]);
    expect(client.getStats().requests).toBe(5);
  });

  it('cursor mode stops right when a list is an exact multiple of 50', async () => {
    const client = webhookClient(emulator);
    const filter = { ...housesFilter, '<=ID': houseIds[99] };
    const rows = await client.listAll(
      'crm.deal.list',
      { ...params, filter },
      { mode: 'cursor', pagesPerRequest: 2 },
    );

    expect(idsOf(rows)).toEqual(houseIds.slice(0, 100));
    // 100 rows fill the first request exactly; the second finds the empty page.
    expect(client.getStats().requests).toBe(2);
  });

  it('cursor mode resumes after a given id', async () => {
    const client = webhookClient(emulator);
    const afterId = houseIds[299]!;
    const rows = await client.listAll('crm.deal.list', params, { mode: 'cursor', afterId });
    expect(idsOf(rows)).toEqual(houseIds.slice(300));
  });

  it('cursor mode adds the id to a select that lacks it', async () => {
    const client = webhookClient(emulator);
    const rows = await client.listAll(
      'crm.deal.list',
      { filter: housesFilter, select: ['TITLE'] },
      { mode: 'cursor' },
    );
    expect(rows).toHaveLength(490);
  });

  it('listMany: houses, companies, contacts, users and departments in 2 requests', async () => {
    const client = webhookClient(emulator);
    const lists = await client.listMany({
      houses: { method: 'crm.deal.list', params },
      companies: { method: 'crm.company.list', params: { select: ['ID', 'TITLE'] } },
      contacts: { method: 'crm.contact.list', params: { select: ['ID', 'NAME'] } },
      users: { method: 'user.get', params: {} },
      departments: { method: 'department.get', params: {} },
      pipelines: {
        method: 'crm.category.list',
        params: { entityTypeId: 2 },
        itemsKey: 'categories',
      },
    });

    expect(idsOf(lists.houses).sort((a, b) => a - b)).toEqual(houseIds);
    expect(lists.companies).toHaveLength(40);
    expect(new Set(idsOf(lists.contacts)).size).toBe(490);
    expect(lists.users).toHaveLength(82);
    expect(lists.departments).toHaveLength(7);
    expect(lists.pipelines.map((row) => row.name)).toContain('Уборка подъездов');
    expect(client.getStats().requests).toBe(2);
    expect(await portalRequestCount(emulator)).toBe(2);
  });
});
