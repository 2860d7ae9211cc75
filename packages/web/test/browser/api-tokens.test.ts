import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { baseUrl, skipReason, visit } from './support/app-session.js';
import { PHONE } from './support/chromium.js';
import { openAppForSuite } from './support/suite-app.js';

describe.skipIf(skipReason)('API tokens and the sign-in screen', () => {
  const { browser, tab } = openAppForSuite();

  /** What the server answers a script that sends `secret` as its bearer token. */
  async function statusFor(secret: string): Promise<number> {
    const response = await tab.context.request.get(`${baseUrl}/api/cleaning/houses?limit=1`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    return response.status();
  }

  it('creates a token on «Подключение», shows it once, and revokes it', async () => {
    const name = `Скрипт ${Date.now()}`;
    await visit(tab.page, '/connection');

    await tab.page.getByTestId('api-token-name').fill(name);
    await tab.page.getByTestId('api-token-create').click();
    const secret = (await tab.page.getByTestId('api-token-secret').textContent())?.trim() ?? '';

    expect(secret).toMatch(/^abt_/);
    expect(await statusFor(secret)).toBe(200);
    const { items } = await tab.api<{ items: { id: string; name: string }[] }>('/api/tokens');
    const token = items.find((item) => item.name === name);
    expect(token).toBeDefined();
    const row = tab.page.locator(`[data-token-id="${token?.id}"]`);
    expect(await row.textContent()).toContain(name);
    expect(await tab.page.content()).toContain(secret); // only until the page changes

    await row.getByTestId('api-token-revoke').click();
    await tab.page.waitForSelector(`[data-token-id="${token?.id}"][data-revoked="true"]`);

    expect(await statusFor(secret)).toBe(401);
    expect(await row.textContent()).toContain(t.apiTokens.revoked);
    await visit(tab.page, '/connection');
    expect(await tab.page.content()).not.toContain(secret);
  });

  it('fits the tokens section on a phone', async () => {
    await tab.page.setViewportSize(PHONE);
    await visit(tab.page, '/connection');

    const overflow = await tab.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await tab.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('keeps the demo to one click and says why a Bitrix24 sign-in was refused', async () => {
    const context = await browser().newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?signInError=portal_not_connected`);
    await page.getByRole('button', { name: t.signIn.demoButton }).waitFor();

    expect(await page.locator('[role="alert"]').textContent()).toContain(
      t.errors.portal_not_connected,
    );
    expect(await page.getByTestId('bitrix24-sign-in').count()).toBe(0);
    // The screen drops the code from the address once the router is ready, not before.
    await page.waitForURL((url) => url.search === '', { timeout: 5_000 });
    await context.close();
  });
});
