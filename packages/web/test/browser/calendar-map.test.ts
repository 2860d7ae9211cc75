import { describe, expect, it } from 'vitest';
import type { HouseSummary, Page, Schedule } from '../../src/api/types.js';
import { viewRange } from '../../src/logic/calendar.js';
import { toIsoDate } from '../../src/logic/date-presets.js';
import { type AppTab, skipReason, visit } from './support/app-session.js';
import { openAppForSuite } from './support/suite-app.js';

describe.skipIf(skipReason)('calendar and map', () => {
  const { tab } = openAppForSuite();

  it('shows the cleanings of a date chosen in the month view', async () => {
    const range = viewRange('month', toIsoDate(new Date()));
    const schedule = await tab.api<Schedule>(
      `/api/cleaning/schedule?from=${range.from}&to=${range.to}`,
    );
    const busiest = busiestDate(schedule);

    await visit(tab.page, '/calendar');
    await tab.page
      .locator(`[data-testid="calendar-month"] button[data-date="${busiest.date}"]`)
      .click();
    await tab.page.waitForSelector(`[data-testid="calendar-day"][data-date="${busiest.date}"]`);
    await tab.page.waitForLoadState('networkidle');

    const shown = await tab.page.getByTestId('calendar-item').locator('a').allTextContents();
    const expected = schedule.items
      .filter((item) => item.date === busiest.date)
      .map((item) => item.address);
    expect(shown.map((text) => text.trim()).sort()).toEqual(
      expected.map((text) => text ?? '').sort(),
    );
  });

  it('shows a marker for every house with coordinates, with tiles unreachable', async () => {
    const houses = await allHouses(tab);
    const located = houses.filter((house) => house.lat !== null && house.lon !== null);

    await visit(tab.page, '/map');
    await tab.page.waitForSelector('path.house-marker');

    expect(located.length).toBeGreaterThan(0);
    expect(await tab.page.locator('path.house-marker').count()).toBe(located.length);
    expect(located.length).toBeLessThan(houses.length);
  });
});

function busiestDate(schedule: Schedule): { date: string; count: number } {
  const counts = new Map<string, number>();
  for (const item of schedule.items) counts.set(item.date, (counts.get(item.date) ?? 0) + 1);
  const [date, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return { date, count };
}

async function allHouses(tab: AppTab): Promise<HouseSummary[]> {
  const houses: HouseSummary[] = [];
  for (let page = 1; ; page++) {
    const answer = await tab.api<Page<HouseSummary>>(`/api/cleaning/houses?limit=500&page=${page}`);
    houses.push(...answer.items);
    if (houses.length >= answer.total || answer.items.length === 0) return houses;
  }
}
