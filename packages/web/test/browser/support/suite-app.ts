import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type AppTab, openApp } from './app-session.js';
import { DESKTOP, launchChromium } from './chromium.js';

// One Chromium and one admin tab for all the tests of a describe block: opened
// before the first test, closed after the last. Call it at the top of the block,
// so that the block's own hooks run after the tab is open and before it closes.

export interface SuiteApp {
  /** The suite's Chromium, for a context of its own (another user, no session). */
  browser(): Browser;
  /** The admin's tab; its fields can be read in tests and hooks, not while declaring them. */
  tab: AppTab;
}

export function openAppForSuite(viewport: { width: number; height: number } = DESKTOP): SuiteApp {
  let browser: Browser | undefined;
  let opened: AppTab | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    opened = await openApp(browser, viewport);
  });

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
  });

  return { browser: () => ready(browser), tab: lateTab(() => ready(opened)) };
}

/** The tab opened in beforeAll, reachable through a name the suite holds from the start. */
function lateTab(current: () => AppTab): AppTab {
  return {
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    api: <T>(path: string) => current().api<T>(path),
    file: (path: string) => current().file(path),
    close: () => current().close(),
  };
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the suite opens its browser in beforeAll');
  return value;
}
