import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrigadeDay, ComplaintCheck } from '../../src/api/completion-types.js';
import type { Department } from '../../src/api/types.js';
import { t } from '../../src/i18n/index.js';
import { type AppTab, baseUrl, screenshot, settle, skipReason } from './support/app-session.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { PHONE } from './support/chromium.js';
import { databasePath, openPhoneAs } from './support/portal-user-session.js';
import { openAppForSuite } from './support/suite-app.js';

// The brigade leader's phone: today's houses, «Убрано» with the camera's photo,
// «Не убрано» with a reason; then the office checks a complaint about that day.

describe.skipIf(skipReason || !databasePath)(
  '«Мой день» on a phone, and the complaint check',
  () => {
    const { browser, tab: office } = openAppForSuite();
    let leader: BrowserContext;
    let phone: Page;
    let day: BrigadeDay;

    beforeAll(async () => {
      day = await dayWithWork(office);
      const departments = await office.api<{ items: Department[] }>('/api/dashboard/departments');
      const leaderId = departments.items.find((item) => item.id === day.brigadeId)?.leader?.id;
      if (!leaderId) throw new Error(`brigade ${day.brigadeId} has no leader`);

      ({ context: leader, page: phone } = await openPhoneAs(browser(), leaderId));
    });

    afterAll(async () => {
      await leader?.close();
    });

    const houseCard = (index: number) => phone.getByTestId('day-house').nth(index);

    it('lists the brigade’s houses of the day in the order of the API', async () => {
      await phone.goto(`${baseUrl}/day?date=${day.date}`);
      await settle(phone);

      const cards = phone.getByTestId('day-house');
      await expect(cards.count()).resolves.toBe(day.houses.length);
      const shown = await cards.evaluateAll((items) =>
        items.map((item) => item.getAttribute('data-house-id')),
      );
      expect(shown).toEqual(day.houses.map((house) => house.houseId));
      await expect(phone.getByTestId('day-progress').textContent()).resolves.toContain(
        t.day.progress(0, cleaningsOf(day)),
      );
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
    });

    it('marks a house done with a photo from the camera', async () => {
      const card = houseCard(0);
      const chooser = phone.waitForEvent('filechooser');
      await card.getByTestId('done').first().click();
      const camera = await chooser;
      expect(await camera.element().getAttribute('capture')).toBe('environment');
      expect(await camera.element().getAttribute('accept')).toBe('image/*');
      await camera.setFiles({
        name: 'podezd.jpg',
        mimeType: 'image/jpeg',
        buffer: await cameraShot(phone),
      });

      await card.getByTestId('photo-previews').locator('img').first().waitFor();
      await expect(card.getByTestId('photo-previews').locator('img').count()).resolves.toBe(1);
      await card.getByTestId('send').click();
      await card.getByTestId('mark-done').waitFor();
      await expect(card.getByTestId('mark-done').textContent()).resolves.toContain(
        t.day.doneWithPhotos(1),
      );
    });

    it('marks another house not done with the reason', async () => {
      const card = houseCard(1);
      await card.getByTestId('not-done').first().click();
      await expect(card.getByTestId('send').isDisabled()).resolves.toBe(true);
      await card.getByTestId('reason').fill('Подъезд закрыт, ключа нет');
      await card.getByTestId('send').click();

      await card.getByTestId('mark-not-done').waitFor();
      await expect(card.getByTestId('mark-not-done').textContent()).resolves.toContain(
        'Подъезд закрыт, ключа нет',
      );
      await screenshot(phone, 'my-day-phone');
      const violations = await seriousViolations(phone);
      expect(violations, describeViolations(violations)).toEqual([]);
    });

    it('keeps both marks after a reload, and the server has them with the photo', async () => {
      await phone.reload();
      await settle(phone);
      await expect(houseCard(0).getByTestId('mark-done').count()).resolves.toBeGreaterThan(0);
      await expect(houseCard(1).getByTestId('mark-not-done').count()).resolves.toBeGreaterThan(0);

      const check = await checkOf(office, day.houses[0]?.houseId ?? '', day.date);
      const [completion] = check.houses[0]?.completions ?? [];
      expect(completion).toMatchObject({ status: 'done', date: day.date });
      const photo = await office.file(completion?.photos[0]?.url ?? '');
      expect(photo.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    });

    it('turns the house not done into done when the brigade comes back', async () => {
      const card = houseCard(1);
      await expect(card.getByTestId('not-done').count()).resolves.toBe(0);
      const chooser = phone.waitForEvent('filechooser');
      await card.getByTestId('done').first().click();
      await (await chooser).setFiles({
        name: 'vernulis.jpg',
        mimeType: 'image/jpeg',
        buffer: await cameraShot(phone),
      });
      await card.getByTestId('photo-previews').locator('img').first().waitFor();
      await card.getByTestId('send').click();

      await card.getByTestId('mark-done').waitFor();
      await expect(card.getByTestId('mark-not-done').count()).resolves.toBe(0);
      await expect(phone.getByTestId('day-progress').textContent()).resolves.toContain(
        t.day.progress(2, cleaningsOf(day)),
      );
    });

    it('shows the office the plan, the mark, its photo and the Bitrix24 comment', async () => {
      const house = day.houses[0];
      // The outbox worker polls every 5 s: wait for the comment to be written.
      const written = await until(async () => {
        const check = await checkOf(office, house?.houseId ?? '', day.date);
        return check.houses[0]?.completions[0]?.bitrix24.commentId ?? null;
      });

      await office.page.setViewportSize(PHONE);
      await office.page.goto(`${baseUrl}/check`);
      await settle(office.page);
      await office.page.getByTestId('check-address').fill(house?.address ?? '');
      await office.page.getByTestId('check-date').fill(day.date);
      await office.page.getByTestId('check-submit').click();
      await office.page.getByTestId('check-completion').first().waitFor();

      const card = office.page.getByTestId('check-house').filter({ hasText: house?.address ?? '' });
      await expect(card.getByTestId('check-verdict').first().textContent()).resolves.toBe(
        t.check.verdicts[
          (await checkOf(office, house?.houseId ?? '', day.date)).houses[0]?.verdict ?? ''
        ],
      );
      await expect(card.getByTestId('check-comment').first().textContent()).resolves.toContain(
        t.check.commentId(written),
      );
      const loaded = await card
        .getByTestId('check-photo')
        .first()
        .evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0);
      expect(loaded).toBe(true);
      await screenshot(office.page, 'complaint-check-phone');
      const violations = await seriousViolations(office.page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  },
);

function cleaningsOf(day: BrigadeDay): number {
  return day.houses.reduce((sum, house) => sum + house.cleanings.length, 0);
}

/** A day (today or a few days back) on which one brigade has two houses or more. */
async function dayWithWork(office: AppTab): Promise<BrigadeDay> {
  for (let back = 0; back < 10; back += 1) {
    const date = new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    const all = await office.api<BrigadeDay>(`/api/completions/day?date=${date}`);
    const byBrigade = new Map<string, number>();
    for (const house of all.houses) {
      if (house.brigadeId)
        byBrigade.set(house.brigadeId, (byBrigade.get(house.brigadeId) ?? 0) + 1);
    }
    const [brigadeId] = [...byBrigade.entries()].find(([, count]) => count >= 2) ?? [];
    if (brigadeId)
      return office.api<BrigadeDay>(`/api/completions/day?date=${date}&brigadeId=${brigadeId}`);
  }
  throw new Error('no day with two houses of one brigade in the last ten days');
}

function checkOf(office: AppTab, houseId: string, date: string): Promise<ComplaintCheck> {
  return office.api<ComplaintCheck>(`/api/completions/check?houseId=${houseId}&date=${date}`);
}

/** A 2000×1500 JPEG as a phone camera would give it (the page shrinks it to 1600). */
async function cameraShot(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2000;
    canvas.height = 1500;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.fillStyle = '#8fb3d9';
    context.fillRect(0, 0, 2000, 1500);
    context.fillStyle = '#3b5f87';
    context.fillRect(400, 300, 1200, 900);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}

async function until<T>(probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('the outbox did not write in time');
    await new Promise((done) => setTimeout(done, 500));
  }
}
