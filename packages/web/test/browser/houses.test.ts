import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Filters, HouseSummary, Page } from '../../src/api/types.js';
import { t } from '../../src/i18n/index.js';
import { presetRange } from '../../src/logic/date-presets.js';
import { baseUrl, shownTotal, skipReason, visit } from './support/app-session.js';
import { choose, waitForList } from './support/filters.js';
import { openAppForSuite } from './support/suite-app.js';

// The office's main tool: find a house by address, narrow the list, export it.

describe.skipIf(skipReason)('houses list', () => {
  const { tab } = openAppForSuite();
  let filters: Filters;
  let everyHouse: number;

  beforeAll(async () => {
    filters = await tab.api<Filters>('/api/cleaning/filters');
    everyHouse = (await totalOf('')).total;
  });

  beforeEach(async () => {
    await visit(tab.page, '/houses');
  });

  function totalOf(query: string): Promise<Page<HouseSummary>> {
    return tab.api<Page<HouseSummary>>(`/api/cleaning/houses?limit=500&${query}`);
  }

  it('finds a house by typing part of its address', async () => {
    const house = (await totalOf('sort=address&order=desc')).items[0]!;
    const part = (house.address ?? house.title).split(',').slice(0, 2).join(',').trim();

    await tab.page.getByTestId('house-search').fill(part.slice(2));
    await tab.page.waitForURL(/[?&]q=/);
    await waitForList(tab.page);

    const expected = await totalOf(`q=${encodeURIComponent(part.slice(2))}`);
    expect(await shownTotal(tab.page)).toBe(expected.total);
    expect(expected.total).toBeLessThan(everyHouse);
    await expect(
      tab.page.getByRole('link', { name: house.address ?? house.title }).count(),
    ).resolves.toBe(1);
  });

  it('narrows the list by brigade, and the count agrees with the API', async () => {
    const brigade = filters.brigades[0]!;
    await choose(tab.page, t.common.brigade, brigade.name);
    await waitForList(tab.page);

    const expected = await totalOf(`brigadeId=${brigade.id}`);
    expect(await shownTotal(tab.page)).toBe(expected.total);
    expect(expected.total).toBeGreaterThan(0);
    expect(expected.total).toBeLessThan(everyHouse);
  });

  it('narrows the list by management company', async () => {
    const company = [...filters.managementCompanies].sort((a, b) => b.houses - a.houses)[0]!;
    await choose(tab.page, t.common.managementCompany, `${company.name} (${company.houses})`);
    await waitForList(tab.page);

    const expected = await totalOf(`managementCompanyId=${company.id}`);
    expect(await shownTotal(tab.page)).toBe(expected.total);
    expect(expected.total).toBeLessThan(everyHouse);
  });

  it('narrows the list by cleaning type', async () => {
    const type =
      filters.cleaningTypes.find((option) => option.code === 'first_floor') ??
      filters.cleaningTypes[0]!;
    await choose(tab.page, t.common.type, type.name);
    await waitForList(tab.page);

    const expected = await totalOf(`cleaningType=${type.code}`);
    expect(await shownTotal(tab.page)).toBe(expected.total);
    expect(expected.total).toBeLessThan(everyHouse);
  });

  it('narrows the list by missing data', async () => {
    const problem = filters.problems[0]!;
    await choose(tab.page, t.common.problems, problem.name);
    await waitForList(tab.page);

    const expected = await totalOf(`problem=${problem.code}`);
    expect(await shownTotal(tab.page)).toBe(expected.total);
    expect(expected.total).toBeLessThan(everyHouse);
  });

  it('narrows the list by the date presets', async () => {
    for (const preset of ['today', 'week'] as const) {
      await tab.page.getByTestId(`preset-${preset}`).click();
      await waitForList(tab.page);

      const range = presetRange(preset, new Date());
      const query =
        range.from === range.to ? `date=${range.from}` : `from=${range.from}&to=${range.to}`;
      const expected = await totalOf(query);
      expect(await shownTotal(tab.page)).toBe(expected.total);
      expect(expected.total).toBeLessThan(everyHouse);
    }
  });

  // A bearer token cannot ride on a download the browser starts itself, so the
  // test follows the page's own export links with the same credentials.
  it('exports the filtered list with the same rows, as CSV and XLSX', async () => {
    const brigade = filters.brigades[1] ?? filters.brigades[0]!;
    await choose(tab.page, t.common.brigade, brigade.name);
    await waitForList(tab.page);
    const shown = await shownTotal(tab.page);

    const csvLink = await exportLink('export-csv');
    expect(csvLink.searchParams.get('brigadeId')).toBe(brigade.id);
    expect(csvLink.searchParams.get('format')).toBe('csv');
    const text = (await tab.file(csvLink.pathname + csvLink.search)).toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '');
    expect(lines.length - 1).toBe(shown);

    const xlsxLink = await exportLink('export-xlsx');
    expect(xlsxLink.searchParams.get('brigadeId')).toBe(brigade.id);
    const bytes = await tab.file(xlsxLink.pathname + xlsxLink.search);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  async function exportLink(testId: string): Promise<URL> {
    const link = tab.page.getByTestId(testId);
    expect(await link.getAttribute('download')).not.toBeNull();
    return new URL((await link.getAttribute('href')) ?? '', baseUrl);
  }

  it('switches to cards and pages through the list', async () => {
    await tab.page.getByTestId('view-cards').click();
    await waitForList(tab.page);
    expect(await tab.page.getByTestId('house-card').count()).toBe(Math.min(50, everyHouse));

    if (everyHouse > 50) {
      await tab.page
        .locator('[data-slot="list"] button')
        .filter({ hasText: /^\s*2\s*$/ })
        .click();
      await tab.page.waitForURL(/page=2/);
      await waitForList(tab.page);
      expect(await tab.page.getByTestId('house-card').count()).toBe(Math.min(50, everyHouse - 50));
    }
  });
});
