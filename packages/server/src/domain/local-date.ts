/**
 * Dates in the cleaning company's zone. The portal sends schedule datetimes with the
 * offset of whoever saved them (`2025-09-16T03:00:00+03:00`, or `…T00:00:00+00:00` from
 * an integration); the day that counts is the day in the company's zone. Intl does the
 * zone arithmetic, daylight saving included, so no date library is needed.
 */

import { zoneOffsetMs } from './zone-offset.js';

/** The `YYYY-MM-DD` of an instant in the zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const RUSSIAN = /^(\d{2})\.(\d{2})\.(\d{4})(\s+\d{2}:\d{2}(:\d{2})?)?$/;

/**
 * The company-zone date of a value the portal sends for a date or datetime field:
 * with an offset → converted to the zone; date-only, or a datetime without offset, or
 * «16.09.2025 03:00:00» → taken as already local. Anything else → null.
 */
export function localDateOf(value: unknown, timeZone: string): string | null {
  if (typeof value !== 'string') return null;

  let recent = recentDates.get(timeZone);
  if (!recent) {
    recent = new Map();
    recentDates.set(timeZone, recent);
  }
  const known = recent.get(value);
  if (known !== undefined) return known;

  const date = parseLocalDate(value.trim(), timeZone);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(value, date);
  return date;
}

/**
 * A sync maps every date of every house; the same few hundred datetimes repeat across
 * thousands of houses, and Intl is slow (~30 µs a call), so answers are remembered, by
 * zone and then by the value itself (a joined key was a new string for every date).
 * Bounded: cleared when full, which costs only recomputation.
 */
const recentDates = new Map<string, Map<string, string | null>>();
const RECENT_LIMIT = 50_000;

function parseLocalDate(text: string, timeZone: string): string | null {
  if (DATE_ONLY.test(text)) return validDate(text);
  if (WITH_ZONE.test(text)) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? null : dateInZone(instant, timeZone);
  }
  const local = LOCAL_DATETIME.exec(text);
  if (local?.[1]) return validDate(local[1]);
  const russian = RUSSIAN.exec(text);
  if (russian) return validDate(`${russian[3]}-${russian[2]}-${russian[1]}`);
  return null;
}

/** Refuses 2025-02-30 and the like, which Date would roll over silently. */
function validDate(date: string): string | null {
  const instant = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return null;
  return instant.toISOString().slice(0, 10) === date ? date : null;
}

/** `YYYY-MM` of a `YYYY-MM-DD`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Today in the company's zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateInZone(now, timeZone);
}
