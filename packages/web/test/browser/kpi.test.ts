import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../src/api/types.js';
import { t } from '../../src/i18n/index.js';
import { openApp, screenshot, settle, skipReason, visit } from './support/app-session.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { PHONE } from './support/chromium.js';
import { openAppForSuite } from './support/suite-app.js';

// The plan-against-fact page on the demo portal: a row and a bar per brigade with the
// API's figures, the figure switch, at desktop and phone width.

const numberIn = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

describe.skipIf(skipReason)('KPI page', () => {
  const { browser, tab } = openAppForSuite();

  it('shows plan, plan to date and fact per brigade as the API counts them', async () => {
    const kpi = await tab.api<Kpi>('/api/kpi');
    expect(kpi.brigades.length).toBeGreaterThan(0);
    await visit(tab.page, `/kpi?month=${kpi.month}`);

    const rows = tab.page.getByTestId('kpi-row');
    expect(await rows.count()).toBe(kpi.brigades.length + 1);
    expect(await tab.page.getByTestId('kpi-bar').count()).toBe(kpi.brigades.length);
    const tiles = await tab.page.getByTestId('stat-value').allTextContents();
    expect(tiles.slice(0, 3).map(numberIn)).toEqual([
      kpi.total.plan.cleanings,
      kpi.total.planToDate.cleanings,
      kpi.total.fact.cleanings,
    ]);

    await tab.page.getByRole('button', { name: t.kpi.metrics.floorCleanings }).click();
    await tab.page.waitForURL(/metric=floorCleanings/);
    await settle(tab.page);
    const first = kpi.brigades[0]!;
    const cells = await rows.first().locator('td').allTextContents();
    expect(numberIn(cells[0] ?? '')).toBe(first.plan.floorCleanings);
    expect(numberIn(cells[2] ?? '')).toBe(first.fact.floorCleanings);

    const violations = await seriousViolations(tab.page);
    expect(describeViolations(violations)).toBe('');
    await screenshot(tab.page, 'kpi-desktop');

    const phone = await openApp(browser(), PHONE);
    await visit(phone.page, '/kpi');
    expect(await phone.page.getByTestId('kpi-bar').count()).toBe(kpi.brigades.length);
    await screenshot(phone.page, 'kpi-phone');
    await phone.close();
  });
});
