import { portalDate } from './portal-time.js';

/**
 * The months that have schedule fields in the demo portal: every month of the current
 * year and the two months after the current one (which reach into the next year from
 * November on), as an admin who adds the fields ahead of time leaves them.
 */
export interface ScheduleMonth {
  year: number;
  /** 1–12. */
  month: number;
  /** `2025-09`. */
  key: string;
  /** The nominative Russian name used in labels: `Сентябрь`. */
  name: string;
}

export const RUSSIAN_MONTH_NAMES = [
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
] as const;

export function scheduleMonths(now: Date): ScheduleMonth[] {
  const today = portalDate(now.getTime());
  const lastIndex = Math.max(today.year * 12 + 11, today.year * 12 + today.month - 1 + 2);

  const months: ScheduleMonth[] = [];
  for (let index = today.year * 12; index <= lastIndex; index++) {
    months.push(monthAt(index));
  }
  return months;
}

/** The month of `now` in the portal's zone, as `YYYY-MM`. */
export function currentMonthKey(now: Date): string {
  const today = portalDate(now.getTime());
  return monthAt(today.year * 12 + today.month - 1).key;
}

/** `index` counts months from year 0: `year * 12 + (month - 1)`. */
export function monthAt(index: number): ScheduleMonth {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return {
    year,
    month,
    key: `${year}-${String(month).padStart(2, '0')}`,
    name: RUSSIAN_MONTH_NAMES[month - 1] as string,
  };
}

export function monthIndex(month: { year: number; month: number }): number {
  return month.year * 12 + month.month - 1;
}
