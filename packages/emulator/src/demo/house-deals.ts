import type { SnapshotDeal } from '../snapshot/snapshot-format.js';
import type { DealLayout, StandardDealFields } from './deal-layout.js';
import type { DealSlot } from './deal-timeline.js';
import { type DemoStage, HOUSE_STAGES, HOUSES_CATEGORY_ID } from './demo-pipelines.js';
import type { DemoStaff } from './demo-staff.js';
import { AddressBook, type HouseAddress } from './house-address.js';
import { randomBuilding } from './house-building.js';
import type { HouseFieldCatalogue, MonthFields } from './house-fields.js';
import { type DemoHouseProblem, pickProblemHouses } from './house-problems.js';
import { type FieldValues, type HouseRoutine, ScheduleWriter } from './house-schedule.js';
import { ContractNumbers, randomTariff } from './house-terms.js';
import type { DemoManagementCompanies } from './management-companies.js';
import { formatPortalDateTime, portalDate, portalInstant } from './portal-time.js';
import { monthIndex } from './schedule-months.js';
import type { SeededRandom } from './seeded-random.js';
import type { ContactBook } from './senior-residents.js';

/**
 * The houses: deals of the «Уборка подъездов» pipeline with their user fields filled the
 * way the real portal holds them. Deals are assembled by the layout (deal-layout.ts) and
 * repeated values are shared strings, to keep 100 000 houses fast to build and lean.
 */
export interface HouseDealsContext {
  now: Date;
  random: SeededRandom;
  fields: HouseFieldCatalogue;
  staff: DemoStaff;
  managementCompanies: DemoManagementCompanies;
  contacts: ContactBook;
  layout: DealLayout;
}

const DAY_MS = 86_400_000;
const SENIOR_RESIDENT_SHARE = 0.86;
const GENERAL_CLEANING_SHARE = 0.65;

const COMMENTS = [
  'Ключи от подвала у старшего по дому',
  'Домофон: код 45К1234',
  'Лифт на ремонте, уборка без лифта',
  'Жалоба от 12 кв. — уборка 1 этажа',
  'Не мыть окна на 5 этаже (просьба жильцов)',
];

export function buildHouseDeals(slots: DealSlot[], context: HouseDealsContext): SnapshotDeal[] {
  const builder = new HouseDealBuilder(slots.length, context);
  return slots.map((slot, index) => builder.build(slot, index));
}

class HouseDealBuilder {
  private readonly random: SeededRandom;
  private readonly addresses: AddressBook;
  private readonly schedule: ScheduleWriter;
  private readonly contracts: ContractNumbers;
  private readonly problems: Map<number, DemoHouseProblem>;
  private readonly currentMonth: number;
  private readonly monthIndexes: number[];
  private readonly at: HousePositions;
  /** Scratch field values, reused for every house (the layout copies them). */
  private readonly values: FieldValues;
  private readonly texts = new Map<string, string>();
  private readonly dateTexts = new Map<number, string>();
  private readonly idLists = new Map<string, readonly string[]>();

  constructor(
    houses: number,
    private readonly context: HouseDealsContext,
  ) {
    this.random = context.random;
    this.addresses = new AddressBook(this.random, houses);
    this.schedule = new ScheduleWriter(context.fields, context.layout, this.random);
    this.contracts = new ContractNumbers(this.random);
    this.problems = pickProblemHouses(houses, this.random);
    this.currentMonth = monthIndex(portalDate(context.now.getTime()));
    this.monthIndexes = context.fields.months.map((month) => monthIndex(month.month));
    this.at = housePositions(context.fields, context.layout);
    this.values = context.layout.emptyFields();
  }

  build(slot: DealSlot, index: number): SnapshotDeal {
    const problem = this.problems.get(index);
    const address = this.addresses.next();
    const stage = this.stageOf(slot);
    const serviceStart = this.serviceStartOf(slot, stage);

    const deal = this.context.layout.emptyStandard();
    const values = this.values;
    this.context.layout.clearFields(values);
    this.fillStandardFields(deal, slot, address, stage, serviceStart);
    this.fillRelations(deal, index, address, slot, problem);
    this.fillBuilding(deal, values, address, problem);
    this.fillTerms(values, serviceStart);
    this.fillSchedule(values, serviceStart, stage, problem);
    this.fillGeneralCleaning(values);
    return this.context.layout.build(deal, values);
  }

  private fillStandardFields(
    deal: StandardDealFields,
    slot: DealSlot,
    address: HouseAddress,
    stage: DemoStage,
    serviceStart: number,
  ): void {
    const { staff, now } = this.context;
    const modifiedAt = slot.createdAt + this.random.next() * (now.getTime() - slot.createdAt);
    const author = slot.imported ? staff.adminId : this.random.pick(staff.managerIds);

    deal.ID = slot.id;
    deal.TITLE = address.title;
    deal.CATEGORY_ID = String(HOUSES_CATEGORY_ID);
    deal.STAGE_ID = stage.statusId;
    deal.STAGE_SEMANTIC_ID = stage.semantics;
    deal.CLOSED = stage.semantics === 'P' ? 'N' : 'Y';
    deal.CREATED_BY_ID = author;
    deal.MODIFY_BY_ID = this.random.chance(0.7) ? author : this.random.pick(staff.managerIds);
    deal.COMMENTS = this.random.chance(0.08) ? this.random.pick(COMMENTS) : null;
    deal.BEGINDATE = this.dateValue(serviceStart);
    deal.CLOSEDATE = this.dateValue(slot.createdAt + 7 * DAY_MS);
    deal.DATE_CREATE = formatPortalDateTime(slot.createdAt);
    deal.DATE_MODIFY = formatPortalDateTime(modifiedAt);
  }

  /** The brigade serving the house's district is responsible; the УК and the senior
   * resident come from the CRM. */
  private fillRelations(
    deal: StandardDealFields,
    index: number,
    address: HouseAddress,
    slot: DealSlot,
    problem: DemoHouseProblem | undefined,
  ): void {
    const { staff, managementCompanies, contacts, now } = this.context;
    const brigade = staff.brigades[address.street.district % staff.brigades.length];
    if (!brigade) throw new Error('The demo staff has no brigades');

    deal.ASSIGNED_BY_ID = this.random.chance(0.65)
      ? brigade.leaderId
      : this.random.pick(brigade.memberIds);
    if (problem === 'no_brigade') deal.ASSIGNED_BY_ID = staff.cleaningHeadId;
    else if (index % 97 === 41) deal.ASSIGNED_BY_ID = staff.formerCleanerId;

    // The first houses take one company each, so every УК has at least one house.
    const companies = managementCompanies.companies;
    const company =
      index < companies.length
        ? companies[index]
        : companies[this.random.pickIndex(managementCompanies.weights)];
    deal.COMPANY_ID = problem === 'no_management_company' || !company ? '0' : company.ID;

    if (this.random.chance(SENIOR_RESIDENT_SHARE)) {
      const modifiedAt = slot.createdAt + this.random.next() * (now.getTime() - slot.createdAt);
      deal.CONTACT_ID = contacts.seniorResident(slot.createdAt + 3_600_000, modifiedAt).ID;
    }
  }

  private fillBuilding(
    deal: StandardDealFields,
    values: FieldValues,
    address: HouseAddress,
    problem?: DemoHouseProblem,
  ): void {
    const { at } = this;
    const building = randomBuilding(this.random);

    if (problem === 'no_address') values[at.address] = '';
    else if (problem === 'no_coordinates') values[at.address] = address.valueWithoutCoordinates;
    else values[at.address] = address.value;

    values[at.apartments] = this.shared(String(building.apartments));
    values[at.floors] = this.shared(String(building.floors));
    values[at.entrances] = this.shared(String(building.entrances));

    const area = building.area.toFixed(1);
    values[at.area] = this.random.chance(0.05) ? area.replace('.', ',') : area;

    const tariff = randomTariff(this.random);
    values[at.tariff] = this.shared(tariff.text);
    deal.OPPORTUNITY = (Math.round((building.area * tariff.rate) / 10) * 10).toFixed(2);
  }

  private fillTerms(values: FieldValues, serviceStart: number): void {
    values[this.at.serviceStart] = this.dateValue(serviceStart);
    const signedAt = serviceStart - this.random.int(3, 25) * DAY_MS;
    values[this.at.contract] = this.contracts.next(signedAt);
  }

  private fillSchedule(
    values: FieldValues,
    serviceStart: number,
    stage: DemoStage,
    problem: DemoHouseProblem | undefined,
  ): void {
    const firstMonth = monthIndex(portalDate(serviceStart));
    const lastMonth = stage.semantics === 'P' ? this.currentMonth + 2 : this.currentMonth;
    const months = this.context.fields.months;
    let routine: HouseRoutine = this.schedule.newRoutine();

    for (let position = 0; position < months.length; position++) {
      const index = this.monthIndexes[position] as number;
      const month = months[position] as MonthFields;
      if (index < firstMonth || index > lastMonth || this.notPlannedYet(index)) continue;

      if (index === this.currentMonth && problem === 'no_schedule_this_month') {
        this.schedule.clearMonth(values, month, this.random.chance(0.5));
        continue;
      }
      this.schedule.writeMonth(values, month, routine);
      routine = this.schedule.nextMonthRoutine(routine);
    }
  }

  /** Next month is mostly planned already, the month after only for half the houses. */
  private notPlannedYet(index: number): boolean {
    if (index === this.currentMonth + 1) return this.random.chance(0.1);
    if (index === this.currentMonth + 2) return this.random.chance(0.5);
    return false;
  }

  private fillGeneralCleaning(values: FieldValues): void {
    if (!this.random.chance(GENERAL_CLEANING_SHARE)) return;

    const { fields, now } = this.context;
    const items = fields.generalCleaningItemIds.filter(
      (_, index) => index === 0 || this.random.chance(0.6),
    );
    values[this.at.generalCleaning] = this.sharedIds(items);

    const { year } = portalDate(now.getTime());
    const day = portalInstant(year, this.random.int(4, 10), this.random.int(1, 28));
    values[this.at.generalCleaningDate] = this.dateValue(day);
  }

  private stageOf(slot: DealSlot): DemoStage {
    const recent = this.context.now.getTime() - slot.createdAt < 45 * DAY_MS;
    if (recent) return this.random.chance(0.4) ? HOUSE_STAGES.new : HOUSE_STAGES.contract;

    return this.random.weighted<DemoStage>([
      [HOUSE_STAGES.serviced, 90],
      [HOUSE_STAGES.suspended, 4],
      [HOUSE_STAGES.terminated, 3],
      [HOUSE_STAGES.finished, 3],
    ]);
  }

  /** Imported houses were served for years before; new ones start on a first of the
   * month soon after the deal, never later than this month. */
  private serviceStartOf(slot: DealSlot, stage: DemoStage): number {
    const now = this.context.now.getTime();
    const today = portalDate(now);
    const thisMonth = portalInstant(today.year, today.month, 1);
    if (stage === HOUSE_STAGES.new || stage === HOUSE_STAGES.contract) return thisMonth;

    if (slot.imported) {
      return portalInstant(this.random.int(2017, 2022), this.random.int(1, 10), 1);
    }
    const created = portalDate(slot.createdAt);
    const start = portalInstant(created.year, created.month + (created.day > 20 ? 1 : 0), 1);
    return Math.min(start, thisMonth);
  }

  /** A date field's value: midnight in Kaluga, `2025-09-01T00:00:00+03:00`, one string
   * per day. */
  private dateValue(instant: number): string {
    const { year, month, day } = portalDate(instant);
    const midnight = portalInstant(year, month, day);
    let text = this.dateTexts.get(midnight);
    if (text === undefined) {
      text = formatPortalDateTime(midnight);
      this.dateTexts.set(midnight, text);
    }
    return text;
  }

  /** One string object per distinct text, however many houses hold it. */
  private shared(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    this.texts.set(text, text);
    return text;
  }

  private sharedIds(ids: string[]): readonly string[] {
    const key = ids.join(',');
    let list = this.idLists.get(key);
    if (!list) {
      list = Object.freeze([...ids]);
      this.idLists.set(key, list);
    }
    return list;
  }
}

/** Positions of the house fields in a deal's field values, looked up once. */
interface HousePositions {
  address: number;
  apartments: number;
  floors: number;
  entrances: number;
  tariff: number;
  area: number;
  serviceStart: number;
  contract: number;
  generalCleaning: number;
  generalCleaningDate: number;
}

function housePositions(fields: HouseFieldCatalogue, layout: DealLayout): HousePositions {
  return {
    address: layout.position(fields.address),
    apartments: layout.position(fields.apartments),
    floors: layout.position(fields.floors),
    entrances: layout.position(fields.entrances),
    tariff: layout.position(fields.tariff),
    area: layout.position(fields.area),
    serviceStart: layout.position(fields.serviceStart),
    contract: layout.position(fields.contract),
    generalCleaning: layout.position(fields.generalCleaning),
    generalCleaningDate: layout.position(fields.generalCleaningDate),
  };
}
