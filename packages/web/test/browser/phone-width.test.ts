import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Department,
  HouseDetail,
  HouseSummary,
  Page as ListPage,
} from '../../src/api/types.js';
import { type AppTab, openApp, settle, skipReason, visit } from './support/app-session.js';
import { launchChromium, PHONE, SMALL_PHONE } from './support/chromium.js';
import { horizontalOverflow } from './support/overflow.js';
import { databasePath, openPhoneAs, type SignedInPhone } from './support/portal-user-session.js';

// Every route of the app at phone width, with the demo portal's hardest data:
// the house with the longest address and the house with the most data. Nothing
// may make the page wider than the phone; wide tables scroll in their own box.

interface Subjects {
  longestAddress: HouseSummary;
  richest: HouseDetail;
  /** The house whose details hold the longest unbroken word (an e-mail, a field code). */
  longestWord: HouseDetail;
  brigade: Department;
  leaderId: string;
}

/** A page, and what to open on it once loaded (the house's edit form). */
type Route = [
  name: string,
  path: (subjects: Subjects) => string,
  open?: (page: Page) => Promise<void>,
];

const houseRoutes: Route[] = [
  ['house with the longest address', (s) => `/houses/${s.longestAddress.id}`],
  ['house with the most data', (s) => `/houses/${s.richest.id}`],
  ['house with the longest word', (s) => `/houses/${s.longestWord.id}`],
];

async function openEditForm(page: Page): Promise<void> {
  await page.getByTestId('house-edit').click();
  await page.getByTestId('edit-save').waitFor();
  await settle(page);
}

// The pages whose content depends on who is signed in: the brigade leader sees them too.
const personalRoutes: Route[] = [
  ['dashboard', () => '/'],
  ['houses', () => '/houses'],
  ...houseRoutes,
  ['houses found by the longest address', (s) => `/houses?q=${addressOf(s)}`],
  ['acts', () => '/acts'],
  ['acts found by the longest address', (s) => `/acts?q=${addressOf(s)}`],
  ['kpi', () => '/kpi'],
  ['my day', () => '/day'],
  ['connection', () => '/connection'],
];

const adminRoutes: Route[] = [
  ...personalRoutes,
  ['house edit form', (s) => `/houses/${s.longestAddress.id}`, openEditForm],
  ['houses as a table', () => '/houses?view=table'],
  ['houses table by the longest address', (s) => `/houses?view=table&q=${addressOf(s)}`],
  ['my day of a brigade', (s) => `/day?date=${dayOf(s)}&brigade=${s.longestAddress.brigade?.id}`],
  ['calendar month', () => '/calendar'],
  ['calendar week', () => '/calendar?view=week'],
  ['calendar day', (s) => `/calendar?view=day&date=${dayOf(s)}`],
  ['brigades', () => '/brigades'],
  ['brigade', (s) => `/brigades/${s.brigade.id}`],
  ['workload', () => '/workload'],
  ['data quality', () => '/quality'],
  ['complaint check', () => '/check'],
  ['complaint check answered', (s) => `/check?house=${s.longestAddress.id}&date=${dayOf(s)}`],
  ['dispatch', (s) => `/dispatch?date=${dayOf(s)}`],
  ['map', () => '/map'],
  ['not found', () => '/no-such-page'],
];

const viewports = [PHONE, SMALL_PHONE];

describe.skipIf(skipReason)('every route fits a phone', () => {
  let browser: Browser;
  let subjects: Subjects;
  const admins = new Map<number, AppTab>();

  beforeAll(async () => {
    browser = await launchChromium();
    for (const viewport of viewports) admins.set(viewport.width, await openApp(browser, viewport));
    subjects = await findSubjects(admins.get(PHONE.width) as AppTab);
  });

  afterAll(async () => {
    for (const tab of admins.values()) await tab.close();
    await browser?.close();
  });

  for (const viewport of viewports) {
    for (const [name, path, open] of adminRoutes) {
      it(`${name} at ${viewport.width} px, as an admin`, async () => {
        const { page } = admins.get(viewport.width) as AppTab;
        await expectNoOverflow(page, path(subjects), open);
      });
    }
  }

  describe.skipIf(!databasePath)('as a brigade leader', () => {
    const leaders = new Map<number, SignedInPhone>();

    beforeAll(async () => {
      for (const viewport of viewports) {
        leaders.set(viewport.width, await openPhoneAs(browser, subjects.leaderId, viewport));
      }
    });

    afterAll(async () => {
      for (const { context } of leaders.values()) await context.close();
    });

    for (const viewport of viewports) {
      for (const [name, path] of personalRoutes) {
        it(`${name} at ${viewport.width} px, as a brigade leader`, async () => {
          const { page } = leaders.get(viewport.width) as SignedInPhone;
          await expectNoOverflow(page, path(subjects));
        });
      }
    }
  });
});

async function expectNoOverflow(
  page: Page,
  path: string,
  open?: (page: Page) => Promise<void>,
): Promise<void> {
  await visit(page, path);
  await open?.(page);
  const overflow = await horizontalOverflow(page);

  expect(overflow.outside.join('\n'), `${path}: elements outside the viewport or the content`).toBe(
    '',
  );
  expect(overflow.scrollWidth, `${path}: the page scrolls sideways`).toBeLessThanOrEqual(
    overflow.clientWidth,
  );
}

async function findSubjects(admin: AppTab): Promise<Subjects> {
  const houses = await allHouses(admin);
  const details = await houseDetails(admin, houses);
  const { items: brigades } = await admin.api<{ items: Department[] }>(
    '/api/dashboard/departments',
  );
  const longestAddress = maxBy(houses, (house) => (house.address ?? house.title).length);
  const brigade = maxBy(brigades, (department) => department.houses);
  const ownBrigade = brigades.find((item) => item.id === longestAddress.brigade?.id);
  const leaderId = ownBrigade?.leader?.id ?? brigade.leader?.id;
  if (!leaderId) throw new Error('the demo portal has no brigade leader');

  return {
    longestAddress,
    richest: maxBy(details, detailSize),
    longestWord: maxBy(details, longestWord),
    brigade,
    leaderId,
  };
}

async function allHouses(admin: AppTab): Promise<HouseSummary[]> {
  const houses: HouseSummary[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await admin.api<ListPage<HouseSummary>>(
      `/api/cleaning/houses?limit=500&page=${page}`,
    );
    houses.push(...answer.items);
    if (answer.items.length === 0 || houses.length >= answer.total) return houses;
  }
}

// A few at a time: the server shares two cores with this browser.
async function houseDetails(admin: AppTab, houses: HouseSummary[]): Promise<HouseDetail[]> {
  const details: HouseDetail[] = [];
  for (let start = 0; start < houses.length; start += 8) {
    const chunk = houses.slice(start, start + 8);
    details.push(
      ...(await Promise.all(
        chunk.map((house) => admin.api<HouseDetail>(`/api/cleaning/houses/${house.id}`)),
      )),
    );
  }
  return details;
}

/** Cleanings, filled fields and contact lines: what makes the house page long. */
function detailSize(house: HouseDetail): number {
  const cleanings = house.schedule.reduce((sum, month) => sum + month.cleanings.length, 0);
  const fields = house.fields.filter((field) => field.value !== null && field.value !== '');
  const contacts = [house.managementCompany, house.seniorResident].reduce(
    (sum, contact) => sum + (contact ? contact.phones.length + contact.emails.length + 1 : 0),
    0,
  );
  return cleanings + fields.length + contacts;
}

// Only what the page shows: ids and field codes never reach the screen.
function longestWord(house: HouseDetail): number {
  const shown = JSON.stringify(house, (key, value) =>
    ['id', 'code'].includes(key) ? undefined : value,
  );
  const words = shown.split(/[\s",:{}[\]]+/);
  return Math.max(...words.map((word) => word.length));
}

function addressOf(subjects: Subjects): string {
  const house = subjects.longestAddress;
  return encodeURIComponent(house.address ?? house.title);
}

/** The next cleaning of the house with the longest address: a day with work to show. */
function dayOf(subjects: Subjects): string {
  const next = subjects.longestAddress.nextCleaning?.date;
  return next ?? new Date().toISOString().slice(0, 10);
}

function maxBy<T>(items: T[], size: (item: T) => number): T {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('the demo portal returned an empty list');
  return rest.reduce((best, item) => (size(item) > size(best) ? item : best), first);
}
