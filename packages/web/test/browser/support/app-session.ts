import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { REPO_ROOT } from './audiobot-server.js';
import { DESKTOP } from './chromium.js';

// A signed-in browser tab on the app, and the same user's view of the API so a
// test can compare what the page shows with what the server says.

export const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
export const skipReason = inject('skipReason');

export const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts/screenshots');

export interface AppTab {
  context: BrowserContext;
  page: Page;
  api<T>(path: string): Promise<T>;
  /** The raw bytes of an API answer, e.g. an export file. */
  file(path: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openApp(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<AppTab> {
  const context = await signedInContext(browser, viewport);
  const page = await context.newPage();

  return {
    context,
    page,
    async api<T>(path: string): Promise<T> {
      const headers = adminToken ? { authorization: `Bearer ${adminToken}` } : undefined;
      const response = await context.request.get(`${baseUrl}${path}`, { headers });
      if (!response.ok()) throw new Error(`GET ${path}: HTTP ${response.status()}`);
      return (await response.json()) as T;
    },
    async file(path: string): Promise<Buffer> {
      const headers = adminToken ? { authorization: `Bearer ${adminToken}` } : undefined;
      const response = await context.request.get(`${baseUrl}${path}`, { headers });
      if (!response.ok()) throw new Error(`GET ${path}: HTTP ${response.status()}`);
      return response.body();
    },
    close: () => context.close(),
  };
}

// Pages are tested as the server's bootstrap admin (a bearer token on every
// request), so a fault in one sign-in path fails its own test, not all of them.
// The demo sign-in button has a test of its own.
async function signedInContext(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU', acceptDownloads: true });
  if (adminToken) {
    await authorizeApiCalls(context, adminToken);
    return context;
  }

  const signIn = await context.request.post(`${baseUrl}/api/auth/demo`);
  if (!signIn.ok()) throw new Error(`demo sign-in failed: HTTP ${signIn.status()}`);
  return context;
}

/** Adds the token to AudioBot's own API calls only; map tiles and others never see it. */
export async function authorizeApiCalls(context: BrowserContext, token: string): Promise<void> {
  await context.route(`${baseUrl}/api/**`, (route) =>
    route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${token}` } }),
  );
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
