import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { baseUrl, settle, skipReason, visit } from './support/app-session.js';
import { openAppForSuite } from './support/suite-app.js';

describe.skipIf(skipReason)('keyboard and live sync', () => {
  const { browser, tab } = openAppForSuite();

  it('skips to the content and reaches every section by keyboard', async () => {
    await visit(tab.page, '/');

    await tab.page.keyboard.press('Tab');
    expect(await activeText()).toBe(t.app.skipToContent);
    await tab.page.keyboard.press('Enter');
    expect(await tab.page.evaluate(() => document.activeElement?.id)).toBe('main');

    await visit(tab.page, '/');
    await tabUntil(t.nav.houses);
    await tab.page.keyboard.press('Enter');
    await tab.page.waitForURL(/\/houses$/);
    await settle(tab.page);

    await tabUntilSelector('[data-testid="house-search"]');
    await tab.page.keyboard.type('ул');
    await tab.page.waitForURL(/q=/);
  });

  it('signs in with the demo button when there is no session', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);

    await page.getByRole('button', { name: t.signIn.demoButton }).click();
    await page.waitForSelector('[data-testid="page-title"], [role="alert"]');

    const refusal = await page.locator('[role="alert"]').allTextContents();
    expect(refusal.join(' ')).toBe('');
    expect(await page.getByTestId('user-name').textContent()).not.toBe('');
    await context.close();
  });

  it('runs a sync from «Синхронизировать» and follows it to the end', async () => {
    await visit(tab.page, '/connection');
    await tab.page.getByTestId('sync-button').click();

    await tab.page.waitForSelector('[data-testid="sync-progress"]');
    await tab.page.waitForSelector('[data-testid="sync-progress"][data-status="succeeded"]', {
      timeout: 120_000,
    });
  }, 150_000);

  async function activeText(): Promise<string> {
    return tab.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  }

  async function tabUntil(text: string): Promise<void> {
    for (let step = 0; step < 40; step++) {
      await tab.page.keyboard.press('Tab');
      if ((await activeText()) === text) return;
    }
    throw new Error(`«${text}» is not reachable with Tab`);
  }

  async function tabUntilSelector(selector: string): Promise<void> {
    for (let step = 0; step < 40; step++) {
      await tab.page.keyboard.press('Tab');
      const reached = await tab.page.evaluate(
        (target) => document.activeElement?.matches(target),
        selector,
      );
      if (reached) return;
    }
    throw new Error(`${selector} is not reachable with Tab`);
  }
});
