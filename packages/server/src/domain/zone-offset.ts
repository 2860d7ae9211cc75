/**
 * The UTC offset of a time zone at an instant, from Intl (daylight saving included).
 * Intl is slow (~30 µs a call) and a sync asks for every date of every house, so the
 * offset is remembered per quarter hour: every zone changes its offset only on a quarter
 * hour (Lord Howe's 30-minute shift, Nepal's +5:45 included), so within one it is fixed.
 */

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const CACHE_LIMIT = 100_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

export function zoneOffsetMs(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${timeZone} ${quarter}`;

  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = computeOffset(quarter, timeZone);
    if (offsets.size >= CACHE_LIMIT) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Local wall time read by Intl, taken as if it were UTC, minus the instant itself. */
function computeOffset(ms: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((entry) => entry.type === type)?.value ?? 0);

  const wallTime = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallTime - ms;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
