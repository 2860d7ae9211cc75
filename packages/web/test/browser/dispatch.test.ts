import { describe, expect, inject, it } from 'vitest';
import { createStore } from '../../../server/src/store/index.js';
import type { DayDispatchState } from '../../src/api/dispatch-api.js';
import { t } from '../../src/i18n/index.js';
import { screenshot, skipReason, visit } from './support/app-session.js';
import { PHONE } from './support/chromium.js';
import { openAppForSuite } from './support/suite-app.js';

const databasePath = inject('databasePath');

/** Tomorrow, or the day after when tomorrow is a Sunday (the demo schedule skips them). */
function workday(): string {
  for (let days = 1; ; days += 1) {
    const day = new Date(Date.now() + days * 86_400_000);
    if (day.getDay() !== 0) return day.toISOString().slice(0, 10);
  }
}

describe.skipIf(skipReason)('«Отправка планов»: send a day now and watch the outbox', () => {
  const { tab } = openAppForSuite();
  const date = workday();
  const state = () => tab.api<DayDispatchState>(`/api/dispatch?date=${date}`);

  it('sends the day’s tasks and events, and shows them arriving in Bitrix24', async () => {
    await visit(tab.page, `/dispatch?date=${date}`);
    expect(await tab.page.getByTestId('dispatch-settings').textContent()).toContain(
      t.dispatch.tasksModes.brigade,
    );

    await tab.page.getByTestId('dispatch-send').click();
    await tab.page.getByTestId('dispatch-notice').waitFor();

    const items = tab.page.locator('[data-testid="dispatch-items"] li');
    await items.first().waitFor();
    const sent = await state();
    expect(sent.items.length).toBeGreaterThan(6);
    expect(await tab.page.textContent('[data-testid="dispatch-items"]')).toContain(
      t.dispatch.kinds.brigadeTask,
    );
    // The server's worker sends them; the page follows without a reload.
    await tab.page.waitForSelector('[data-testid="dispatch-items"] li[data-status="done"]', {
      timeout: 30_000,
    });
  }, 60_000);

  it('shows a refused write with its reason and tries it again on «Повторить»', async () => {
    const done = (await state()).items.find((item) => item.status === 'done');
    expect(done).toBeDefined();
    await markFailed(Number(done?.id));
    await visit(tab.page, `/dispatch?date=${date}`);

    const row = tab.page.locator(`[data-outbox-id="${done?.id}"]`);
    expect(await row.getAttribute('data-status')).toBe('failed');
    expect(await row.getByTestId('dispatch-reason').textContent()).toContain(
      'ERROR_CORE: Task not found or not accessible',
    );
    expect(await row.getByTestId('dispatch-retried').textContent()).toContain(
      t.dispatch.attempts(10),
    );
    await screenshot(tab.page, 'dispatch-failed');
    await row.getByTestId('dispatch-retry').click();

    await tab.page.waitForSelector(`[data-outbox-id="${done?.id}"]:not([data-status="failed"])`);
    const retried = (await state()).items.find((item) => item.id === done?.id);
    expect(retried?.status).not.toBe('failed');
    expect(await row.getByTestId('dispatch-retry').count()).toBe(0);
  }, 60_000);

  it('fits a phone', async () => {
    await tab.page.setViewportSize(PHONE);
    await visit(tab.page, `/dispatch?date=${date}`);

    const overflow = await tab.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(tab.page, 'dispatch-phone');
    await tab.page.setViewportSize({ width: 1280, height: 900 });
  });
});

/** As the worker leaves an entry Bitrix24 refused for good. */
async function markFailed(id: number): Promise<void> {
  const store = createStore({ databaseUrl: `sqlite:${databasePath}` });
  try {
    await store.db
      .updateTable('outbox')
      .set({
        status: 'failed',
        attempts: 10,
        lastErrorCode: 'ERROR_CORE',
        lastErrorMessage: 'Task not found or not accessible',
      })
      .where('id', '=', id)
      .execute();
  } finally {
    await store.close();
  }
}
