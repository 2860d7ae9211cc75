import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HouseEditForm } from '../../src/api/house-edit-api.js';
import type { FieldMapping, Health, HouseSummary } from '../../src/api/types.js';
import { t } from '../../src/i18n/index.js';
import { SCREENSHOTS, skipReason, visit } from './support/app-session.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { PHONE } from './support/chromium.js';
import { openAppForSuite } from './support/suite-app.js';

// The office changes a house at phone width: the change reaches the Bitrix24 deal, and a
// deal changed in the portal meanwhile opens the conflict dialog instead of being
// overwritten. The demo portal is the emulator, changed here "as a person would".

describe.skipIf(skipReason)('house edit', () => {
  const { tab } = openAppForSuite(PHONE);
  let houses: HouseSummary[];
  let apartmentsField: string;
  let generalDateField: string;
  let generalItemsField: string;
  let emulator: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    houses = (await tab.api<{ items: HouseSummary[] }>('/api/cleaning/houses?limit=5')).items;
    const mapping = await tab.api<FieldMapping>('/api/connection/mapping');
    const fieldOf = (name: string) => mapping.roles.find((role) => role.role === name)?.field;
    apartmentsField = fieldOf('apartments') ?? '';
    generalDateField = fieldOf('generalCleaningDate') ?? '';
    generalItemsField = fieldOf('generalCleaning') ?? '';
    const health = await tab.api<Health>('/api/health');
    emulator = `http://${health.portal?.domain}/_emulator`;
  });

  async function openForm(id: string): Promise<Page> {
    const { page } = tab;
    await visit(page, `/houses/${id}`);
    await page.getByTestId('house-edit').click();
    await page.getByTestId('edit-apartments').waitFor();
    return page;
  }

  async function changeInPortal(id: string, apartments: string): Promise<void> {
    await changeFieldsInPortal(id, { [apartmentsField]: apartments });
  }

  async function changeFieldsInPortal(id: string, fields: object): Promise<void> {
    const response = await fetch(`${emulator}/deals/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields }),
    });
    expect(response.status).toBe(200);
  }

  /** The deal as Bitrix24 answers crm.deal.get, through the portal's own webhook. */
  async function dealInPortal(id: string): Promise<Record<string, unknown>> {
    const webhooks = (await (await fetch(`${emulator}/webhooks`)).json()) as {
      items: { url: string }[];
    };
    const url = `${webhooks.items[0]?.url.replace(/\/?$/, '/')}crm.deal.get.json`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { result: Record<string, unknown> }).result;
  }

  const apartmentsInStore = async (id: string) =>
    (await tab.api<HouseEditForm>(`/api/cleaning/houses/${id}/edit`)).counts.apartments;

  it('writes a changed count to Bitrix24 and shows it on the house', async () => {
    const id = houses[0]!.id;
    const page = await openForm(id);

    await page.getByTestId('edit-apartments').fill('211');
    await page.getByTestId('edit-save').click();

    await expect(page.getByTestId('edit-notice').textContent()).resolves.toContain(
      t.houseEdit.written,
    );
    expect(await apartmentsInStore(id)).toBe(211);
    // At phone width the form fits the screen and passes axe.
    const box = await page.getByTestId('house-edit-form').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await page.getByTestId('house').textContent()).toContain('211');
  });

  it('asks when the deal changed in Bitrix24, and overwrites only when told', async () => {
    const id = houses[1]!.id;
    const page = await openForm(id);
    await changeInPortal(id, '77');

    await page.getByTestId('edit-apartments').fill('120');
    await page.getByTestId('edit-save').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('conflict-theirs').textContent()).toContain('77');
    expect(await dialog.getByTestId('conflict-ours').textContent()).toContain('120');
    expect(await apartmentsInStore(id)).toBe(77);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'house-edit-conflict-phone.png') });

    await dialog.getByTestId('conflict-overwrite').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByTestId('edit-notice').textContent()).resolves.toContain(
      t.houseEdit.written,
    );
    expect(await apartmentsInStore(id)).toBe(120);
  });

  it('reloads the portal’s values when the user chooses so', async () => {
    const id = houses[2]!.id;
    const page = await openForm(id);
    await changeInPortal(id, '88');

    await page.getByTestId('edit-apartments').fill('130');
    await page.getByTestId('edit-save').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('conflict-reload').click();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => page.getByTestId('edit-apartments').inputValue()).toBe('88');
    expect(await apartmentsInStore(id)).toBe(88);
  });

  it('sets the general cleaning in the deal, then clears its date', async () => {
    const id = houses[3]!.id;
    const page = await openForm(id);
    const choices =
      (await tab.api<HouseEditForm>(`/api/cleaning/houses/${id}/edit`)).generalCleaning?.choices ??
      [];
    expect(choices.length).toBeGreaterThan(1);
    const chosen = choices.at(-1)!;

    const general = page.getByTestId('edit-general');
    await general.getByTestId('edit-general-date').fill('2026-07-14');
    for (const choice of choices) {
      const box = general.getByRole('checkbox', { name: choice.name });
      if ((await box.isChecked()) !== (choice === chosen)) await box.click();
    }
    await page.getByTestId('edit-save').click();
    await expect(page.getByTestId('edit-notice').textContent()).resolves.toContain(
      t.houseEdit.written,
    );

    const deal = await dealInPortal(id);
    expect(deal[generalDateField]).toBe('2026-07-14');
    expect(deal[generalItemsField]).toEqual([chosen.id]);
    await expect.poll(() => page.getByTestId('house').textContent()).toContain(chosen.name);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    const box = await general.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'house-edit-general-phone.png') });

    await general.getByTestId('edit-general-date').fill('');
    await page.getByTestId('edit-save').click();
    await expect.poll(async () => (await dealInPortal(id))[generalDateField]).toBe('');
    expect((await dealInPortal(id))[generalItemsField]).toEqual([chosen.id]);
  });

  it('asks about a general cleaning date changed in Bitrix24 meanwhile', async () => {
    const id = houses[4]!.id;
    const page = await openForm(id);
    await changeFieldsInPortal(id, { [generalDateField]: '2026-08-01' });

    await page.getByTestId('edit-general-date').fill('2026-08-20');
    await page.getByTestId('edit-save').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const conflicts = dialog.getByTestId('edit-conflicts');
    expect(await conflicts.textContent()).toContain(t.houseEdit.generalDate);
    expect(await dialog.getByTestId('conflict-theirs').textContent()).toContain('01.08.2026');
    expect(await dialog.getByTestId('conflict-ours').textContent()).toContain('20.08.2026');
    expect((await dealInPortal(id))[generalDateField]).toBe('2026-08-01');

    await dialog.getByTestId('conflict-reload').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('edit-general-date').inputValue()).toBe('2026-08-01');
  });
});
