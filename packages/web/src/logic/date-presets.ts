// Date presets of the houses filter. Dates are local calendar days
// ('YYYY-MM-DD'), the same form the API uses for cleanings, so a preset never
// shifts by a day across time zones.

export type DatePreset = 'today' | 'tomorrow' | 'week' | 'month';

export interface DateRange {
  from: string;
  to: string;
}

export const DATE_PRESETS: readonly DatePreset[] = ['today', 'tomorrow', 'week', 'month'];

export function toIsoDate(day: Date): string {
  const month = String(day.getMonth() + 1).padStart(2, '0');
  const date = String(day.getDate()).padStart(2, '0');
  return `${day.getFullYear()}-${month}-${date}`;
}

export function parseIsoDate(iso: string): Date {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

export function addDays(day: Date, count: number): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + count);
}

/** «Неделя» is the next seven days from today; «Месяц» is the calendar month of today. */
export function presetRange(preset: DatePreset, today: Date): DateRange {
  switch (preset) {
    case 'today':
      return { from: toIsoDate(today), to: toIsoDate(today) };
    case 'tomorrow': {
      const tomorrow = toIsoDate(addDays(today, 1));
      return { from: tomorrow, to: tomorrow };
    }
    case 'week':
      return { from: toIsoDate(today), to: toIsoDate(addDays(today, 6)) };
    case 'month': {
      const first = new Date(today.getFullYear(), today.getMonth(), 1);
      const last = new Date(today.getFullYear(), today.getMonth() + 1, 0);
      return { from: toIsoDate(first), to: toIsoDate(last) };
    }
  }
}

/** The preset a range came from, so the preset button stays lit after a reload. */
export function presetOf(range: DateRange, today: Date): DatePreset | null {
  return DATE_PRESETS.find((preset) => sameRange(presetRange(preset, today), range)) ?? null;
}

function sameRange(left: DateRange, right: DateRange): boolean {
  return left.from === right.from && left.to === right.to;
}

export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

export function daysOfMonth(month: string): string[] {
  const first = parseIsoDate(`${month}-01`);
  const count = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return Array.from({ length: count }, (_, index) => toIsoDate(addDays(first, index)));
}

export function shiftMonth(month: string, delta: number): string {
  const first = parseIsoDate(`${month}-01`);
  return toIsoDate(new Date(first.getFullYear(), first.getMonth() + delta, 1)).slice(0, 7);
}

/** The address bar's `YYYY-MM`, or `fallback` when it is missing or not a real month. */
export function monthOrDefault(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : fallback;
}
