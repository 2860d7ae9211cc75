import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrigadeDay, ComplaintCheck } from '../../src/api/completion-types.js';
import { t } from '../../src/i18n/index.js';
import {
  type AppTab,
  baseUrl,
  openApp,
  screenshot,
  settle,
  skipReason,
} from './support/app-session.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchChromium, PHONE } from './support/chromium.js';
import { horizontalOverflow } from './support/overflow.js';

// The office takes back a brigade's wrong mark on the complaint check page, at
// phone width: the house is not marked any more and the change stays in sight.

describe.skipIf(skipReason)('the office corrects a wrong mark', () => {
  let browser: Browser;
  let office: AppTab;
  let houseId: string;
  let date: string;

  beforeAll(async () => {
    browser = await launchChromium();
    office = await openApp(browser, PHONE);
    ({ houseId, date } = await markedNotDone(office));
  });

  afterAll(async () => {
    await office?.close();
    await browser?.close();
  });

  it('withdraws the mark with a note; the page shows the change, not the mark', async () => {
    const page = office.page;
    await page.goto(`${baseUrl}/check?house=${houseId}&date=${date}`);
    await settle(page);
    await page.getByTestId('check-completion').first().waitFor();

    await page.getByTestId('correct-open').first().click();
    await page.getByTestId('correct-withdrawn').click();
    await page.getByTestId('correct-note').fill('Бригада отметила не тот дом');
    await page.getByTestId('correct-save').click();
    await page.getByTestId('check-change').first().waitFor();

    const change = (await page.getByTestId('check-change').first().textContent()) ?? '';
    expect(change).toContain(
      t.check.change(t.check.states.not_done ?? '', t.check.states.withdrawn ?? ''),
    );
    expect(change).toContain('Бригада отметила не тот дом');
    await expect(page.getByTestId('check-completion').count()).resolves.toBe(0);
    await expect(page.getByTestId('check-verdict').first().textContent()).resolves.toBe(
      t.check.verdicts.not_marked,
    );
    const check = await office.api<ComplaintCheck>(
      `/api/completions/check?houseId=${houseId}&date=${date}`,
    );
    expect(check.houses[0]?.changes[0]?.after.status).toBe('withdrawn');
    const overflow = await horizontalOverflow(page);
    expect(overflow.outside).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    await screenshot(page, 'completion-withdrawn-phone');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

/** An admin marks a cleaning of a recent day not done, as a leader would by mistake. */
async function markedNotDone(office: AppTab): Promise<{ houseId: string; date: string }> {
  for (let back = 0; back < 10; back += 1) {
    const date = new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    const day = await office.api<BrigadeDay>(`/api/completions/day?date=${date}`);
    const house = day.houses.find((one) => one.cleanings.every((item) => !item.completion));
    const cleaning = house?.cleanings[0];
    if (!house || !cleaning) continue;

    const token = inject('adminToken');
    const answer = await office.context.request.post(`${baseUrl}/api/completions`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      data: {
        houseId: house.houseId,
        date,
        cleaningType: cleaning.cleaningType,
        slot: cleaning.slot,
        status: 'not_done',
        reason: 'Подъезд закрыт',
      },
    });
    if (!answer.ok()) throw new Error(`marking failed: HTTP ${answer.status()}`);
    return { houseId: house.houseId, date };
  }
  throw new Error('no day with an unmarked house in the last ten days');
}
