import type { PortalSnapshot } from '../snapshot/snapshot-format.js';
import { DealLayout } from './deal-layout.js';
import { buildDealTimeline } from './deal-timeline.js';
import { pipelineCategories, stageStatuses } from './demo-pipelines.js';
import { buildStaff } from './demo-staff.js';
import { buildHouseDeals } from './house-deals.js';
import { buildHouseFields } from './house-fields.js';
import { buildManagementCompanies, managementCompanyCount } from './management-companies.js';
import { MultiFieldIds } from './multi-field-ids.js';
import { buildOtherDeals, buildStaffingClients, otherDealCount } from './other-deals.js';
import { adminWebhook, demoPortal, localApplication } from './portal-access.js';
import { PORTAL_TIME_ZONE } from './portal-time.js';
import { scheduleMonths } from './schedule-months.js';
import { SeededRandom } from './seeded-random.js';
import { ContactBook } from './senior-residents.js';

export interface DemoPortalOptions {
  /** Deals in the houses pipeline. Default 490, the reference customer. */
  houses?: number;
  /** Same seed and `now`, same portal. Default 1. */
  seed?: number;
  /** The portal's "today": decides the months with schedule fields. Default: real now. */
  now?: Date;
}

export const DEFAULT_DEMO_HOUSES = 490;
export const DEFAULT_DEMO_SEED = 1;
/** The earliest `now` the generator accepts. */
export const EARLIEST_NOW = new Date('2023-03-01T00:00:00+03:00');

/** Each part of the portal draws from its own stream, so parts do not shift each other. */
const STREAMS = { access: 1, fields: 2, staff: 3, companies: 4, timeline: 5, houses: 6, others: 7 };

/**
 * The portal of a cleaning company in Kaluga, shaped like the reference customer's
 * (PRODUCT.md, "How the real portal holds the data"), messiness included.
 */
export function buildDemoPortal(options: DemoPortalOptions = {}): PortalSnapshot {
  const houses = validHouseCount(options.houses ?? DEFAULT_DEMO_HOUSES);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const now = validNow(options.now ?? new Date());
  const stream = (salt: number) => new SeededRandom(seed).fork(salt);

  const accessRandom = stream(STREAMS.access);
  const portal = demoPortal(now, PORTAL_TIME_ZONE, accessRandom);
  const fields = buildHouseFields(scheduleMonths(now), stream(STREAMS.fields));
  const staff = buildStaff(stream(STREAMS.staff), now);

  const multiFields = new MultiFieldIds();
  const companyRandom = stream(STREAMS.companies);
  const managementCompanies = buildManagementCompanies(
    managementCompanyCount(houses),
    staff.managerIds,
    multiFields,
    companyRandom,
  );
  const lastCompanyId = Number(managementCompanies.companies.at(-1)?.ID ?? 1);
  const staffingClients = buildStaffingClients(
    lastCompanyId + 5,
    staff.managerIds,
    multiFields,
    companyRandom,
    Date.parse('2024-02-06T09:00:00+03:00'),
  );

  const timeline = buildDealTimeline(houses, otherDealCount(houses), now, stream(STREAMS.timeline));
  const layout = new DealLayout(fields.userFields);
  const houseRandom = stream(STREAMS.houses);
  const contacts = new ContactBook(houseRandom, multiFields, staff.managerIds);
  const houseDeals = buildHouseDeals(timeline.houses, {
    now,
    random: houseRandom,
    fields,
    staff,
    managementCompanies,
    contacts,
    layout,
  });
  const otherDeals = buildOtherDeals(timeline.others, {
    random: stream(STREAMS.others),
    fields,
    contacts,
    managerIds: staff.managerIds,
    layout,
    staffingClients,
  });

  return {
    version: 1,
    portal,
    users: staff.users,
    departments: staff.departments,
    categories: pipelineCategories(),
    statuses: stageStatuses(),
    dealUserFields: fields.userFields,
    deals: mergeByNumericId(houseDeals, otherDeals),
    companies: [...managementCompanies.companies, ...staffingClients],
    contacts: contacts.contacts.sort((a, b) => Number(a.ID) - Number(b.ID)),
    webhooks: [adminWebhook(staff.adminId, accessRandom)],
    applications: [localApplication(accessRandom)],
  };
}

function validHouseCount(houses: number): number {
  if (!Number.isInteger(houses) || houses < 1) {
    throw new RangeError(`houses must be a positive integer, got ${String(houses)}`);
  }
  return houses;
}

/** The company's pipeline was set up in November 2022; a portal "before" that has no
 * history to generate. */
function validNow(now: Date): Date {
  if (Number.isNaN(now.getTime()) || now.getTime() < EARLIEST_NOW.getTime()) {
    throw new RangeError(`now must be a valid date from ${EARLIEST_NOW.toISOString()} on`);
  }
  return now;
}

/** Both lists are in ascending id order already; the portal lists deals by id. */
function mergeByNumericId<T extends { ID: string }>(first: T[], second: T[]): T[] {
  const merged: T[] = [];
  let [a, b] = [0, 0];
  while (a < first.length || b < second.length) {
    const left = first[a];
    const right = second[b];
    if (left && (!right || Number(left.ID) < Number(right.ID))) {
      merged.push(left);
      a += 1;
    } else if (right) {
      merged.push(right);
      b += 1;
    }
  }
  return merged;
}
