import { launchChromium } from '../test/browser/support/chromium.js';

const [url, selector] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(url!);
await page.waitForTimeout(1500);
console.log(
  await page
    .locator(selector!)
    .first()
    .evaluate((element) => element.outerHTML.slice(0, 3000)),
);
await browser.close();
