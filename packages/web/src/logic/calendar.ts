import type { CleaningType, ScheduleItem } from '../api/types.js';
import { addDays, parseIsoDate, toIsoDate } from './date-presets.js';

// The calendar's geometry: which days a view shows, Monday first as in Russia.

export type CalendarView = 'month' | 'week' | 'day';

export function startOfWeek(iso: string): string {
  const day = parseIsoDate(iso);
  const sinceMonday = (day.getDay() + 6) % 7;
  return toIsoDate(addDays(day, -sinceMonday));
}

export function weekDays(iso: string): string[] {
  const monday = parseIsoDate(startOfWeek(iso));
  return Array.from({ length: 7 }, (_, index) => toIsoDate(addDays(monday, index)));
}

/** Whole weeks covering the month of `iso`, so the grid is always rectangular. */
export function monthGrid(iso: string): string[][] {
  const day = parseIsoDate(iso);
  const first = toIsoDate(new Date(day.getFullYear(), day.getMonth(), 1));
  const last = toIsoDate(new Date(day.getFullYear(), day.getMonth() + 1, 0));
  const weeks: string[][] = [];

  for (let monday = startOfWeek(first); monday <= last; monday = shift(monday, 7)) {
    weeks.push(weekDays(monday));
  }
  return weeks;
}

export function viewRange(view: CalendarView, iso: string): { from: string; to: string } {
  if (view === 'day') return { from: iso, to: iso };
  if (view === 'week') {
    const days = weekDays(iso);
    return { from: days[0] ?? iso, to: days[6] ?? iso };
  }
  const grid = monthGrid(iso);
  return { from: grid[0]?.[0] ?? iso, to: grid.at(-1)?.[6] ?? iso };
}

/** The date the «Раньше» / «Позже» buttons move to. */
export function stepDate(view: CalendarView, iso: string, direction: 1 | -1): string {
  if (view === 'day') return shift(iso, direction);
  if (view === 'week') return shift(iso, 7 * direction);
  const day = parseIsoDate(iso);
  return toIsoDate(new Date(day.getFullYear(), day.getMonth() + direction, 1));
}

export function groupByDate(items: readonly ScheduleItem[]): Map<string, ScheduleItem[]> {
  const byDate = new Map<string, ScheduleItem[]>();

  for (const item of items) {
    const list = byDate.get(item.date) ?? [];
    list.push(item);
    byDate.set(item.date, list);
  }
  for (const list of byDate.values()) {
    list.sort((left, right) => (left.address ?? '').localeCompare(right.address ?? '', 'ru'));
  }
  return byDate;
}

function shift(iso: string, days: number): string {
  return toIsoDate(addDays(parseIsoDate(iso), days));
}

export function countByType(items: readonly ScheduleItem[]): Partial<Record<CleaningType, number>> {
  const counts: Partial<Record<CleaningType, number>> = {};
  for (const item of items) counts[item.type] = (counts[item.type] ?? 0) + 1;
  return counts;
}
