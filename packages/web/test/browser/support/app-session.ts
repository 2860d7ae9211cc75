import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { REPO_ROOT } from './audiobot-server.js';
import { DESKTOP } from './chromium.js';

// A signed-in browser tab on the app, and the same user's view of the API so a
// test can compare what the page shows with what the server says.

export const baseUrl = inject('baseUrl');
export const skipReason = inject('skipReason');

export const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts/screenshots');

export interface AppTab {
  context: BrowserContext;
  page: Page;
  api<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

export async function openApp(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<AppTab> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU', acceptDownloads: true });
  const signIn = await context.request.post(`${baseUrl}/api/auth/demo`);
  if (!signIn.ok()) throw new Error(`demo sign-in failed: HTTP ${signIn.status()}`);
  const page = await context.newPage();

  return {
    context,
    page,
    async api<T>(path: string): Promise<T> {
      const response = await context.request.get(`${baseUrl}${path}`);
      if (!response.ok()) throw new Error(`GET ${path}: HTTP ${response.status()}`);
      return (await response.json()) as T;
    },
    close: () => context.close(),
  };
}

/** Opens a path and waits until the page has no loading state left. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await settle(page);
}

export async function settle(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="page-title"]');
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-state="loading"]').length === 0,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The text of the «Найдено: N» line as a number. */
export async function shownTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('houses-total').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}
