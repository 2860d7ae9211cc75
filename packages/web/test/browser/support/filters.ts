import type { Page } from 'playwright-core';

/** Picks an option of one of the kit's selects, found by its accessible name. */
export async function choose(page: Page, selectName: string, optionLabel: string): Promise<void> {
  await page.getByRole('combobox', { name: selectName, exact: true }).click();
  await page.getByRole('option', { name: optionLabel, exact: true }).click();
}

/** Waits until the list shows the answer to the latest filters. */
export async function waitForList(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}
