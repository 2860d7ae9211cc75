import type { DealLayout } from './deal-layout.js';
import type { HouseFieldCatalogue, MonthFields } from './house-fields.js';
import { PERIODICITIES, PERIODICITY_WEIGHTS, type Periodicity } from './house-periodicity.js';
import { daysInMonth, formatPortalDateTime, portalInstant, weekday } from './portal-time.js';
import type { ScheduleMonth } from './schedule-months.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Writes a house's schedule into its month fields: the dates of each slot (a multiple
 * datetime) and the slot's cleaning type (an enumeration item id of that month's own
 * list). A house is cleaned on its own weekday; the lighter cleanings fall in the weeks
 * between the main ones.
 *
 * 100 000 houses hold millions of dates, so identical date lists are one shared frozen
 * array and each date string exists once. Frozen, so an engine that mutated a stored
 * value in place instead of replacing it would fail loudly rather than change many houses.
 */
export interface HouseRoutine {
  periodicity: Periodicity;
  /** 1 = Monday ... 6 = Saturday. */
  weekday: number;
  /** 0 or 1: which alternate weeks hold the main cleanings of a twice-a-month house. */
  phase: number;
  /** Hour of the stored datetimes: 3 (a date picked in the UI) or 0 (typed by another user). */
  hour: number;
}

/** A deal's user-field values by position (see deal-layout.ts). */
export type FieldValues = unknown[];

interface MonthPlan {
  mainDates: readonly string[];
  mainType: string;
  betweenDates: readonly string[] | null;
  betweenType: string;
}

/** Positions of a month's four fields in the field values. */
interface MonthPositions {
  mainDates: number;
  mainType: number;
  betweenDates: number;
  betweenType: number;
}

export class ScheduleWriter {
  private readonly dateLists = new Map<string, readonly string[]>();
  private readonly dateTexts = new Map<number, string>();
  private readonly plans = new Map<MonthFields, Map<number, MonthPlan>>();
  private readonly positions = new Map<MonthFields, MonthPositions>();

  constructor(
    fields: HouseFieldCatalogue,
    layout: DealLayout,
    private readonly random: SeededRandom,
  ) {
    for (const month of fields.months) {
      const [main, between] = month.slots;
      this.positions.set(month, {
        mainDates: layout.position(main.dateField),
        mainType: layout.position(main.typeField),
        betweenDates: layout.position(between.dateField),
        betweenType: layout.position(between.typeField),
      });
    }
  }

  newRoutine(): HouseRoutine {
    return {
      periodicity: this.random.weighted(PERIODICITY_WEIGHTS),
      weekday: this.random.weighted([
        [1, 10],
        [2, 10],
        [3, 10],
        [4, 10],
        [5, 10],
        [6, 3],
      ]),
      phase: this.random.int(0, 1),
      hour: this.random.chance(0.03) ? 0 : 3,
    };
  }

  /** Now and then the office changes a house's periodicity or its day. */
  nextMonthRoutine(routine: HouseRoutine): HouseRoutine {
    if (this.random.chance(0.03))
      return { ...routine, periodicity: this.random.weighted(PERIODICITY_WEIGHTS) };
    if (this.random.chance(0.04)) return { ...routine, weekday: this.random.int(1, 5) };
    return routine;
  }

  writeMonth(values: FieldValues, month: MonthFields, routine: HouseRoutine): void {
    const plan = this.monthPlan(month, routine);
    const at = this.positionsOf(month);
    values[at.mainDates] = plan.mainDates;
    values[at.mainType] = plan.mainType;
    if (plan.betweenDates) {
      values[at.betweenDates] = plan.betweenDates;
      values[at.betweenType] = plan.betweenType;
    }
  }

  /** A month left empty; a cleared multiple field reads `[]`, a never-filled one `false`. */
  clearMonth(values: FieldValues, month: MonthFields, cleared: boolean): void {
    const at = this.positionsOf(month);
    values[at.mainDates] = cleared ? [] : false;
    values[at.betweenDates] = cleared ? [] : false;
    values[at.mainType] = '';
    values[at.betweenType] = '';
  }

  private positionsOf(month: MonthFields): MonthPositions {
    const positions = this.positions.get(month);
    if (!positions) throw new Error(`No schedule fields for ${month.month.key}`);
    return positions;
  }

  /** The values of one routine in one month, computed once and shared by every house
   * with that routine. */
  private monthPlan(month: MonthFields, routine: HouseRoutine): MonthPlan {
    let plans = this.plans.get(month);
    if (!plans) {
      plans = new Map();
      this.plans.set(month, plans);
    }
    const key = routineKey(routine);
    let plan = plans.get(key);
    if (!plan) {
      plan = this.planMonth(month, routine);
      plans.set(key, plan);
    }
    return plan;
  }

  private planMonth(month: MonthFields, routine: HouseRoutine): MonthPlan {
    const { year, month: number } = month.month;
    const days = weekdayDates(month.month, routine.weekday);
    const { main, between } = routine.periodicity;
    const [mainDays, betweenDays] = splitDays(days, main.count, between?.count ?? 0, routine);
    const lastDay = daysInMonth(year, number);

    const [slot1, slot2] = month.slots;
    return {
      mainDates: this.dateList(month.month, mainDays, routine.hour),
      mainType: slot1.typeItemIds[main.type],
      betweenDates: between
        ? this.dateList(
            month.month,
            betweenDays.filter((day) => day <= lastDay),
            routine.hour,
          )
        : null,
      betweenType: between ? slot2.typeItemIds[between.type] : '',
    };
  }

  private dateList(month: ScheduleMonth, days: number[], hour: number): readonly string[] {
    const key = `${month.key}|${hour}|${days.join(',')}`;
    let list = this.dateLists.get(key);
    if (!list) {
      list = Object.freeze(days.map((day) => this.dateText(month, day, hour)));
      this.dateLists.set(key, list);
    }
    return list;
  }

  private dateText(month: ScheduleMonth, day: number, hour: number): string {
    const instant = portalInstant(month.year, month.month, day, hour);
    let text = this.dateTexts.get(instant);
    if (!text) {
      text = formatPortalDateTime(instant);
      this.dateTexts.set(instant, text);
    }
    return text;
  }
}

function routineKey(routine: HouseRoutine): number {
  const periodicity = PERIODICITIES.indexOf(routine.periodicity);
  return ((periodicity * 8 + routine.weekday) * 2 + routine.phase) * 24 + routine.hour;
}

/** The days of a month falling on a weekday (1 = Monday ... 6 = Saturday): 4 or 5. */
function weekdayDates(month: ScheduleMonth, day: number): number[] {
  const first = ((day - weekday(month.year, month.month, 1) + 7) % 7) + 1;
  const days: number[] = [];
  for (let date = first; date <= daysInMonth(month.year, month.month); date += 7) days.push(date);
  return days;
}

/**
 * Main cleanings on alternate weeks with the lighter ones between them; eight cleanings
 * a month add a second weekday three days later (four from Thursday, to skip Sunday).
 */
function splitDays(
  days: number[],
  main: number,
  between: number,
  routine: HouseRoutine,
): [number[], number[]] {
  const weeks = days.slice(0, 4);
  const { phase } = routine;
  if (main + between <= 4 && main <= 2 && between > 0) {
    const mainWeeks = main === 1 ? [phase] : [phase, phase + 2];
    const rest = weeks.filter((_, index) => !mainWeeks.includes(index)).slice(0, between);
    return [mainWeeks.map((index) => weeks[index] as number), rest];
  }
  if (main === 2) return [[weeks[phase] as number, weeks[phase + 2] as number], []];
  if (between === 0) return [weeks.slice(0, main), []];

  const shift = routine.weekday === 4 ? 4 : 3;
  return [weeks.slice(0, main), weeks.slice(0, between).map((date) => date + shift)];
}
