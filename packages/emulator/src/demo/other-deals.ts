import type { SnapshotCompany, SnapshotDeal } from '../snapshot/snapshot-format.js';
import type { DealLayout, StandardDealFields } from './deal-layout.js';
import type { DealSlot } from './deal-timeline.js';
import {
  DEFAULT_CATEGORY_ID,
  type DemoStage,
  PRIVATE_CLEANING_CATEGORY_ID,
  STAFFING_CATEGORY_ID,
  stagesOf,
} from './demo-pipelines.js';
import type { HouseFieldCatalogue } from './house-fields.js';
import { KALUGA_STREETS } from './kaluga-streets.js';
import type { MultiFieldIds } from './multi-field-ids.js';
import { randomCityPhone } from './phone-numbers.js';
import { formatPortalDateTime } from './portal-time.js';
import type { SeededRandom } from './seeded-random.js';
import type { ContactBook } from './senior-residents.js';

/**
 * Deals of the company's other business: private flat cleaning, staffing and the default
 * pipeline. AudioBot must ignore them, so some carry traps: a private deal with the
 * houses' address field filled, a staffing client that is a company like the УК.
 */
const STAFFING_CLIENT_TITLES = [
  'ТЦ «Европейский»',
  'БЦ "Калуга Плаза"',
  'ООО «Калужский турбинный завод»',
  'Гипермаркет «Глобус»',
  'ООО «Фольксваген Груп Рус» (подрядчик)',
];

export interface OtherDealsContext {
  random: SeededRandom;
  fields: HouseFieldCatalogue;
  contacts: ContactBook;
  managerIds: string[];
  layout: DealLayout;
  /** Staffing clients: companies that are not management companies. */
  staffingClients: SnapshotCompany[];
}

/** About 75 for the reference 490 houses, in proportion for other sizes. */
export function otherDealCount(houses: number): number {
  return Math.max(12, Math.round((houses * 75) / 490));
}

export function buildOtherDeals(slots: DealSlot[], context: OtherDealsContext): SnapshotDeal[] {
  return slots.map((slot) => {
    const category = context.random.weighted([
      [PRIVATE_CLEANING_CATEGORY_ID, 55],
      [STAFFING_CATEGORY_ID, 25],
      [DEFAULT_CATEGORY_ID, 20],
    ]);
    const deal = baseDeal(slot, category, context);
    const values = context.layout.emptyFields();
    if (category === PRIVATE_CLEANING_CATEGORY_ID) fillPrivateCleaning(deal, values, slot, context);
    else if (category === STAFFING_CATEGORY_ID) fillStaffing(deal, values, context);
    else fillDefault(deal, values, slot, context);
    return context.layout.build(deal, values);
  });
}

function baseDeal(
  slot: DealSlot,
  category: number,
  context: OtherDealsContext,
): StandardDealFields {
  const { random, managerIds } = context;
  const stage = random.pick(stagesOf(category)) as DemoStage;
  const manager = random.pick(managerIds);

  const deal = context.layout.emptyStandard();
  deal.ID = slot.id;
  deal.CATEGORY_ID = String(category);
  deal.STAGE_ID = stage.statusId;
  deal.STAGE_SEMANTIC_ID = stage.semantics;
  deal.CLOSED = stage.semantics === 'P' ? 'N' : 'Y';
  deal.ASSIGNED_BY_ID = manager;
  deal.CREATED_BY_ID = manager;
  deal.MODIFY_BY_ID = manager;
  deal.BEGINDATE = formatPortalDateTime(slot.createdAt);
  deal.CLOSEDATE = formatPortalDateTime(slot.createdAt + 7 * 86_400_000);
  deal.DATE_CREATE = formatPortalDateTime(slot.createdAt);
  deal.DATE_MODIFY = formatPortalDateTime(slot.createdAt + random.int(0, 20) * 86_400_000);
  return deal;
}

type FieldValues = unknown[];

function fillPrivateCleaning(
  deal: StandardDealFields,
  values: FieldValues,
  slot: DealSlot,
  context: OtherDealsContext,
): void {
  const { random, fields, contacts, layout } = context;
  const street = random.pick(KALUGA_STREETS);
  const [house, flatNumber] = [random.int(1, 120), random.int(1, 180)];
  const area = random.int(28, 140);

  deal.TITLE = random.pick([
    `Уборка квартиры, ${street.short} ${house}-${flatNumber}`,
    `Генеральная уборка после ремонта (${street.short})`,
    `Мойка окон, кв. ${flatNumber}`,
  ]);
  deal.CONTACT_ID = contacts.privateClient(slot.createdAt).ID;
  deal.OPPORTUNITY = (area * random.pick([90, 120, 150])).toFixed(2);
  values[layout.position(fields.privateFlatAddress)] =
    `г. Калуга, ${street.name}, д. ${house}, кв. ${flatNumber}`;
  values[layout.position(fields.privateFlatArea)] = String(area);
  values[layout.position(fields.dealSource)] = random.pick(fields.dealSourceItemIds);

  // A manager reused the houses' address field here: it must not make this a house.
  if (random.chance(0.15)) {
    values[layout.position(fields.address)] =
      `${street.name}, ${house}, Калуга, Калужская область, Россия, ${street.postcode}|` +
      `${street.lat};${street.lon}|${random.int(100, 999)}`;
  }
}

function fillStaffing(
  deal: StandardDealFields,
  values: FieldValues,
  context: OtherDealsContext,
): void {
  const { random, fields, staffingClients, layout } = context;
  const client = random.pick(staffingClients) as SnapshotCompany;
  const workers = random.int(1, 8);

  deal.TITLE = `Аутстаффинг: ${client.TITLE}, ${workers} чел.`;
  deal.COMPANY_ID = client.ID;
  deal.OPPORTUNITY = (workers * random.pick([38_000, 42_000, 45_000])).toFixed(2);
  values[layout.position(fields.staffingWorkers)] = String(workers);
}

function fillDefault(
  deal: StandardDealFields,
  values: FieldValues,
  slot: DealSlot,
  context: OtherDealsContext,
): void {
  const { random, fields, layout } = context;
  deal.TITLE = random.pick([
    `Сделка #${slot.id}`,
    'Запрос коммерческого предложения',
    'Тендер на уборку',
  ]);
  deal.OPPORTUNITY = random.chance(0.5) ? '0.00' : (random.int(10, 300) * 1000).toFixed(2);
  if (random.chance(0.5)) {
    values[layout.position(fields.dealSource)] = random.pick(fields.dealSourceItemIds);
  }
}

/** Companies of the staffing pipeline, created after the management companies. */
export function buildStaffingClients(
  firstId: number,
  managerIds: string[],
  multiFields: MultiFieldIds,
  random: SeededRandom,
  createdAt: number,
): SnapshotCompany[] {
  return STAFFING_CLIENT_TITLES.map((title, index) => ({
    ID: String(firstId + index * 2),
    TITLE: title,
    COMPANY_TYPE: 'CLIENT',
    ASSIGNED_BY_ID: random.pick(managerIds),
    ADDRESS: null,
    PHONE: [multiFields.value('PHONE', 'WORK', randomCityPhone(random))],
    DATE_CREATE: formatPortalDateTime(createdAt + index * 86_400_000),
    DATE_MODIFY: formatPortalDateTime(createdAt + index * 86_400_000),
  }));
}
