import { launchChromium } from '../test/browser/support/chromium.js';

const url = process.argv[2] ?? 'http://127.0.0.1:3112';
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
await context.request.post(`${url}/api/auth/demo`);
const page = await context.newPage();
for (let run = 0; run < 3; run++) {
  await page.goto(`${url}/`);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="dashboard"]') &&
      !document.querySelector('[data-state="loading"]'),
    undefined,
    { polling: 'raf' },
  );
  const done = await page.evaluate(() => performance.now());
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map(
        (e) =>
          `${Math.round(e.startTime)}-${Math.round(e.responseEnd)} ${e.name.replace(location.origin, '')}`,
      ),
  );
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return `domContentLoaded ${Math.round(n.domContentLoadedEventEnd)} load ${Math.round(n.loadEventEnd)}`;
  });
  console.log(`run ${run}: drawn ${Math.round(done)} ms; ${nav}`);
  if (run === 2) console.log(entries.join('\n'));
}
await browser.close();
