/** Wall-clock arithmetic in an IANA zone, with Intl only (no time-zone library). */

import { zoneOffsetMs } from '../domain/zone-offset.js';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function wallClockIn(timeZone: string, instant: Date): WallClock & { second: number } {
  const local = new Date(instant.getTime() + offsetMs(timeZone, instant));

  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** Offset of the zone from UTC at that instant, in milliseconds (Moscow: +3 h). */
function offsetMs(timeZone: string, instant: Date): number {
  return zoneOffsetMs(instant.getTime(), timeZone);
}

/** The instant a wall clock in the zone shows the given time. */
export function instantOf(timeZone: string, wall: WallClock): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = guess - offsetMs(timeZone, new Date(guess));

  // A second pass settles the offset when the first guess fell across a DST change.
  return new Date(guess - offsetMs(timeZone, new Date(first)));
}

/** The first instant after `after` at which the zone's clock shows that time. */
export function nextDailyAt(
  timeZone: string,
  time: { hour: number; minute: number },
  after: Date,
): Date {
  const { hour, minute } = time;
  const today = wallClockIn(timeZone, after);

  for (let dayOffset = 0; dayOffset <= 2; dayOffset += 1) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + dayOffset));
    const candidate = instantOf(timeZone, {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour,
      minute,
    });
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error(`No daily time ${hour}:${minute} found in ${timeZone}`);
}
