import { mkdirSync } from 'node:fs';
import { DESKTOP, launchChromium, PHONE } from '../test/browser/support/chromium.js';

// Screenshots of chosen paths for a designer's look: `tsx dev/shoot.ts URL path...`.

const [base = 'http://127.0.0.1:3199', ...paths] = process.argv.slice(2);
const out = '/tmp/shots';
mkdirSync(out, { recursive: true });

const browser = await launchChromium();
for (const [label, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  const context = await browser.newContext({ viewport, locale: 'ru-RU' });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.log('console:', message.text());
  });
  await page.goto(base);
  await page.request.post(`${base}/api/auth/demo`).catch(() => undefined);
  for (const path of paths.length ? paths : ['/']) {
    await page.goto(base + path);
    await page.waitForTimeout(1200);
    const name = `${out}/${label}${path.replaceAll(/[/?=&]/g, '_')}.png`;
    await page.screenshot({ path: name, fullPage: label === 'desktop' });
    console.log(name);
  }
  await context.close();
}
await browser.close();
