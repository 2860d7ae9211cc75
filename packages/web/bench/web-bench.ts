import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import {
  buildWebIfStale,
  REPO_ROOT,
  type RunningServer,
  startAudioBot,
} from '../test/browser/support/audiobot-server.js';
import { DESKTOP, hasChromium, launchChromium } from '../test/browser/support/chromium.js';

// `npm run bench:web`: the two promises of issue 4, measured in Chromium
// against the real server with the demo portal.
//  1. the JavaScript the first screen (the dashboard) downloads, gzipped, < 350 KB;
//  2. the dashboard fully drawn (every figure in place) < 1.5 s after navigation.

const JS_BUDGET_KB = 350;
const DRAW_BUDGET_MS = 1500;
const RUNS = 5;
const DIST = join(REPO_ROOT, 'packages/web/dist');

async function main(): Promise<void> {
  if (!hasChromium()) {
    console.log('bench:web skipped: Chromium is not installed at /usr/bin/chromium');
    return;
  }
  buildWebIfStale();
  const server = await serverForBench();
  const browser = await launchChromium();
  const target = { url: server.url, token: server.adminToken };

  try {
    const scripts = await initialScripts(browser, target);
    const kilobytes = scripts.reduce((sum, path) => sum + gzippedKb(path), 0);
    const timings = await drawTimings(browser, target);

    report(scripts.length, kilobytes, timings);
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function serverForBench(): Promise<RunningServer> {
  const external = process.env.AUDIOBOT_TEST_BASE_URL;
  if (external) {
    const adminToken = process.env.AUDIOBOT_ADMIN_TOKEN ?? '';
    return { url: external.replace(/\/+$/, ''), adminToken, stop: async () => {} };
  }
  return startAudioBot();
}

/** The script files a signed-in user's browser fetches to show the dashboard. */
async function initialScripts(browser: Browser, target: Target): Promise<string[]> {
  const { url } = target;
  const context = await signedIn(browser, target);
  const page = await context.newPage();
  const scripts = new Set<string>();

  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.resourceType() === 'script' && path.startsWith('/assets/')) scripts.add(path);
  });
  await page.goto(`${url}/`);
  await dashboardDrawn(page);
  await context.close();
  return [...scripts];
}

function gzippedKb(assetPath: string): number {
  return gzipSync(readFileSync(join(DIST, assetPath))).length / 1024;
}

/** Milliseconds from navigation start to the last figure of the dashboard, per run. */
async function drawTimings(browser: Browser, target: Target): Promise<number[]> {
  const { url } = target;
  const context = await signedIn(browser, target);
  const page = await context.newPage();
  const timings: number[] = [];

  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${url}/`);
    timings.push(await dashboardDrawn(page));
  }
  await context.close();
  return timings;
}

async function dashboardDrawn(page: import('playwright-core').Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const dashboard = document.querySelector('[data-testid="dashboard"]');
      const loading = document.querySelector('[data-state="loading"]');
      return dashboard && !loading ? performance.now() : null;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return Number(await handle.jsonValue());
}

interface Target {
  url: string;
  /** Bootstrap admin token; '' = sign in with the demo button's endpoint. */
  token: string;
}

async function signedIn(browser: Browser, { url, token }: Target) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'ru-RU' });
  if (token) {
    await context.route(`${url}/api/**`, (route) =>
      route.continue({
        headers: { ...route.request().headers(), authorization: `Bearer ${token}` },
      }),
    );
    return context;
  }
  const answer = await context.request.post(`${url}/api/auth/demo`);
  if (!answer.ok()) throw new Error(`demo sign-in failed: HTTP ${answer.status()}`);
  return context;
}

function report(files: number, kilobytes: number, timings: number[]): void {
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const first = timings[0] ?? 0;
  const verdict = (ok: boolean) => (ok ? 'OK' : 'OVER BUDGET');

  console.log(
    `initial route JS: ${kilobytes.toFixed(1)} KB gzipped in ${files} files ` +
      `(budget ${JS_BUDGET_KB} KB) ${verdict(kilobytes < JS_BUDGET_KB)}`,
  );
  console.log(
    `dashboard drawn after navigation: median ${median.toFixed(0)} ms, ` +
      `first ${first.toFixed(0)} ms, ` +
      `runs ${timings.map((ms) => ms.toFixed(0)).join('/')} (budget ${DRAW_BUDGET_MS} ms) ` +
      verdict(median < DRAW_BUDGET_MS),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
