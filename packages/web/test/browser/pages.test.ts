import { beforeAll, describe, expect, it } from 'vitest';
import type {
  Department,
  Filters,
  HouseDetail,
  HouseSummary,
  Page,
  Statistics,
} from '../../src/api/types.js';
import {
  type AppTab,
  baseUrl,
  openApp,
  screenshot,
  shownTotal,
  skipReason,
  visit,
} from './support/app-session.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { PHONE } from './support/chromium.js';
import { openAppForSuite } from './support/suite-app.js';

// Every page with the demo portal's real data: what it shows agrees with the
// API, axe finds nothing serious, and a screenshot is kept at both widths.

describe.skipIf(skipReason)('every page', () => {
  const { browser, tab } = openAppForSuite();
  let house: HouseSummary;
  let brigade: Department;

  beforeAll(async () => {
    house = (await tab.api<Page<HouseSummary>>('/api/cleaning/houses?limit=1')).items[0]!;
    brigade = (await tab.api<{ items: Department[] }>('/api/dashboard/departments')).items[0]!;
  });

  const pages: [string, () => string, (tab: AppTab) => Promise<void>][] = [
    ['dashboard', () => '/', checkDashboard],
    ['houses', () => '/houses', checkHouses],
    ['house', () => `/houses/${house.id}`, async () => checkHouse(house)],
    ['calendar', () => '/calendar', checkCalendar],
    ['brigades', () => '/brigades', checkBrigades],
    ['brigade', () => `/brigades/${brigade.id}`, async () => checkBrigade(brigade)],
    ['workload', () => '/workload', checkWorkload],
    ['quality', () => '/quality', checkQuality],
    ['map', () => '/map', checkMap],
    ['connection', () => '/connection', checkConnection],
  ];

  for (const [name, path, check] of pages) {
    it(`${name}: shows real data, passes axe, and is photographed`, async () => {
      await visit(tab.page, path());

      await expect(tab.page.getByTestId('demo-banner').isVisible()).resolves.toBe(true);
      await check(tab);

      const violations = await seriousViolations(tab.page);
      expect(describeViolations(violations)).toBe('');
      await screenshot(tab.page, `${name}-desktop`);

      const phone = await openApp(browser(), PHONE);
      await visit(phone.page, path());
      await screenshot(phone.page, `${name}-phone`);
      await phone.close();
    });
  }

  async function checkDashboard(): Promise<void> {
    const statistics = await tab.api<Statistics>('/api/dashboard/statistics');
    const first = await tab.page.getByTestId('stat-value').first().textContent();

    expect(statistics.houses).toBeGreaterThan(0);
    expect(Number(first?.replace(/\D/g, ''))).toBe(statistics.houses);
  }

  async function checkHouses(): Promise<void> {
    const answer = await tab.api<Page<HouseSummary>>('/api/cleaning/houses');
    const rows = tab.page.locator('[data-testid="houses-table"] tbody tr');

    expect(await shownTotal(tab.page)).toBe(answer.total);
    expect(await rows.count()).toBe(answer.items.length);
  }

  async function checkHouse(expected: HouseSummary): Promise<void> {
    const detail = await tab.api<HouseDetail>(`/api/cleaning/houses/${expected.id}`);
    const address = await tab.page.getByTestId('house-address').textContent();
    const links = tab.page.getByTestId('bitrix-link');

    expect(address?.trim()).toBe(expected.address ?? expected.title);
    expect(await tab.page.getByTestId('house-fields').locator('dt').count()).toBe(
      detail.fields.length,
    );
    // The demo portal has no deal pages: the server sends no link, the page shows none.
    if (detail.bitrixUrl === null) {
      expect(await links.count()).toBe(0);
      return;
    }
    const link = await links.getAttribute('href');
    expect(link).toBe(detail.bitrixUrl);
    expect(link).not.toMatch(/\/rest\/|auth=|token/i);
  }

  async function checkCalendar(): Promise<void> {
    const withCleanings = tab.page.locator('[data-testid="calendar-month"] button[data-date]');
    expect(await withCleanings.count()).toBeGreaterThanOrEqual(28);
  }

  async function checkBrigades(): Promise<void> {
    const departments = await tab.api<{ items: Department[] }>('/api/dashboard/departments');
    expect(await tab.page.getByTestId('brigade-card').count()).toBe(departments.items.length);
  }

  async function checkBrigade(expected: Department): Promise<void> {
    await expect(tab.page.getByRole('heading', { name: expected.name }).count()).resolves.toBe(1);
  }

  async function checkWorkload(): Promise<void> {
    const rows = tab.page.locator('[data-testid="workload-table"] tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(28);
  }

  async function checkQuality(): Promise<void> {
    const filters = await tab.api<Filters>('/api/cleaning/filters');
    const totals = await Promise.all(
      filters.problems.map(async (problem) => {
        const answer = await tab.api<Page<HouseSummary>>(
          `/api/cleaning/houses?problem=${problem.code}&limit=1`,
        );
        return answer.total;
      }),
    );
    const groups = tab.page.getByTestId('problem-group');

    expect(await groups.count()).toBe(totals.filter((total) => total > 0).length);
    expect(totals.some((total) => total > 0)).toBe(true);
  }

  async function checkMap(): Promise<void> {
    const markers = tab.page.locator('path.house-marker');
    expect(await markers.count()).toBeGreaterThan(0);
  }

  async function checkConnection(): Promise<void> {
    expect(await tab.page.locator('[data-testid="sync-runs"] tbody tr').count()).toBeGreaterThan(0);
    expect(await tab.page.locator('[data-testid="doctor-checks"] li').count()).toBeGreaterThan(0);
  }

  it('serves the app itself from the server with an SPA fallback', async () => {
    const response = await fetch(`${baseUrl}/calendar?view=day`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="app"');
  });
});
