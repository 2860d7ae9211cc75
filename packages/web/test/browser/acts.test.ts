import { describe, expect, it } from 'vitest';
import type { ActsMonth } from '../../src/api/types.js';
import { t } from '../../src/i18n/index.js';
import { baseUrl, openApp, screenshot, settle, skipReason, visit } from './support/app-session.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { PHONE } from './support/chromium.js';
import { openAppForSuite } from './support/suite-app.js';

// The acts page on the demo portal: the month's acts as the API counts them, an act
// signed and unsigned from its row, the XLSX link, at desktop width and as cards on a phone;
// the dashboard's summary of the month's acts.

describe.skipIf(skipReason)('acts page', () => {
  const { browser, tab } = openAppForSuite();

  it('lists the acts, signs and unsigns one, exports XLSX, passes axe', async () => {
    const month = (await tab.api<ActsMonth>('/api/acts?limit=1')).month;
    const before = await tab.api<ActsMonth>(`/api/acts?month=${month}&limit=50`);
    expect(before.total).toBeGreaterThan(0);
    await visit(tab.page, `/acts?month=${month}`);

    const tiles = await tab.page.getByTestId('stat-value').allTextContents();
    expect(tiles.map((text) => Number(text.replace(/\D/g, '')))).toEqual([
      before.statistics.houses,
      before.statistics.behind,
      before.statistics.inProgress,
      before.statistics.ready,
      before.statistics.signed,
    ]);
    const rows = tab.page.getByTestId('act-row');
    expect(await rows.count()).toBe(before.items.length);

    const first = before.items[0]!;
    const row = tab.page.locator(`[data-testid="act-row"][data-house-id="${first.house.id}"]`);
    expect(await row.getByTestId('act-planned').textContent()).toContain(String(first.planned));

    await row
      .getByRole('button', { name: t.acts.signHouse(first.house.address ?? first.house.title) })
      .click();
    await row.getByText(t.acts.status.signed).waitFor();
    const signed = await tab.api<ActsMonth>(`/api/acts?month=${month}&status=signed&limit=500`);
    const mine = signed.items.find((act) => act.house.id === first.house.id);
    expect(mine?.signature?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await row.getByTestId('act-signature').textContent()).toContain(
      mine?.signature?.by.name ?? '?',
    );

    await tab.page.getByTestId('acts-status-signed').click();
    await tab.page.waitForURL(/status=signed/);
    // The filtered list replaces the full one once its answer is in: poll, a loaded
    // machine may render it after the page looks settled.
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(signed.items.length);

    await row
      .getByRole('button', { name: t.acts.unsignHouse(first.house.address ?? first.house.title) })
      .click();
    await tab.page.getByText(t.acts.emptyFilter).or(rows.first()).first().waitFor();
    await tab.page.waitForLoadState('networkidle');
    const after = await tab.api<ActsMonth>(`/api/acts?month=${month}&limit=1`);
    expect(after.statistics).toEqual(before.statistics);

    const link = new URL(
      (await tab.page.getByTestId('acts-xlsx').getAttribute('href')) ?? '',
      baseUrl,
    );
    expect(link.searchParams.get('status')).toBe('signed');
    const bytes = await tab.file(link.pathname + link.search);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    await tab.page.getByRole('button', { name: t.acts.allStatuses, exact: true }).click();
    await tab.page.waitForURL((url) => !url.search.includes('status='));
    await settle(tab.page);
    const violations = await seriousViolations(tab.page);
    expect(describeViolations(violations)).toBe('');
    await screenshot(tab.page, 'acts-desktop');

    await visit(tab.page, '/');
    const summary = await tab.page.getByTestId('acts-summary').textContent();
    expect(summary).toContain(
      t.dashboard.actsSigned(after.statistics.signed, after.statistics.houses),
    );

    const phone = await openApp(browser(), PHONE);
    await visit(phone.page, `/acts?month=${month}`);
    expect(await phone.page.getByTestId('act-card').count()).toBe(before.items.length);
    await screenshot(phone.page, 'acts-phone');
    await phone.close();
  });
});
