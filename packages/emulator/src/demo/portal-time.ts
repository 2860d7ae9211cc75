import { flat } from './flat-string.js';

/**
 * Dates as the demo portal renders them. Kaluga keeps Moscow time, UTC+3 all year round
 * since 2014, so a fixed offset is exact and far faster than `Intl` for 100 000 houses.
 */
export const PORTAL_TIME_ZONE = 'Europe/Moscow';

const OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * `2025-09-16T03:00:00+03:00` for an instant (seconds truncated). Computed with integer
 * arithmetic (the civil-from-days algorithm) because a 100 000-house portal formats
 * half a million of these and `toISOString` dominated its build time.
 */
export function formatPortalDateTime(instantMs: number): string {
  const localSeconds = Math.floor((instantMs + OFFSET_MS) / 1000);
  const days = Math.floor(localSeconds / 86_400);
  const secondOfDay = localSeconds - days * 86_400;
  const { year, month, day } = civilFromDays(days);

  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;
  return flat(
    `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}` +
      `T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}+03:00`,
  );
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));

/** Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm). */
function civilFromDays(daysSinceEpoch: number): { year: number; month: number; day: number } {
  const shifted = daysSinceEpoch + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The instant of a local wall-clock time in Kaluga; `month` is 1-based. */
export function portalInstant(year: number, month: number, day: number, hour = 0): number {
  return Date.UTC(year, month - 1, day, hour) - OFFSET_MS;
}

/** The local calendar date of an instant in Kaluga: `{ year, month (1-12), day }`. */
export function portalDate(instantMs: number): { year: number; month: number; day: number } {
  return civilFromDays(Math.floor((instantMs + OFFSET_MS) / DAY_MS));
}

/** `01.09.2025`, the way people write dates in contracts. */
export function formatRussianDate(instantMs: number): string {
  const { year, month, day } = portalDate(instantMs);
  return `${pad(day)}.${pad(month)}.${year}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of week of a local date: 0 = Sunday ... 6 = Saturday. */
export function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(instantMs: number, days: number): number {
  return instantMs + days * DAY_MS;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
