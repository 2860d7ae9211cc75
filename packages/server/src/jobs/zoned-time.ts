/** Wall-clock arithmetic in an IANA zone, with Intl only (no time-zone library). */

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClockIn(timeZone: string, instant: Date): WallClock & { second: number } {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);

  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** Offset of the zone from UTC at that instant, in milliseconds (Moscow: +3 h). */
function offsetMs(timeZone: string, instant: Date): number {
  const wall = wallClockIn(timeZone, instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
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
