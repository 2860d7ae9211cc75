/**
 * Formats instants the way a portal renders them: ISO 8601 in the portal's zone with
 * its offset, e.g. `2025-09-16T03:00:00+03:00`.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
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

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function localIso(parts: Record<string, string>): string {
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return `${date}T${parts.hour}:${parts.minute}:${parts.second}`;
}

function localParts(instant: Date, timeZone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return parts;
}

/** Offset of the zone from UTC at that instant, in minutes (Moscow: 180). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = localParts(instant, timeZone);
  const local = localIso(parts);
  return Math.round(
    (Date.parse(`${local}Z`) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000,
  );
}

let lastFormatted = { second: Number.NaN, timeZone: '', text: '' };

/** Every answer formats its start and finish; most fall in the same second. */
export function formatZoned(instant: Date, timeZone: string): string {
  const second = Math.floor(instant.getTime() / 1000);
  if (second === lastFormatted.second && timeZone === lastFormatted.timeZone)
    return lastFormatted.text;

  const text = formatZonedUncached(instant, timeZone);
  lastFormatted = { second, timeZone, text };
  return text;
}

function formatZonedUncached(instant: Date, timeZone: string): string {
  const parts = localParts(instant, timeZone);
  const local = localIso(parts);
  const offsetMinutes = zoneOffsetMinutes(instant, timeZone);

  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** The portal's display format, as the calendar answers: `16.09.2025 10:00:00`. */
export function formatPortalDate(instant: Date, timeZone: string): string {
  const parts = localParts(instant, timeZone);
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const isoLocal = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const russianLocal = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads a date a client sends: ISO with an offset, or a local `YYYY-MM-DD[ HH:mm[:ss]]`
 * or `DD.MM.YYYY[ HH:mm[:ss]]` taken in `timeZone`. Null when unreadable.
 */
export function parsePortalDate(text: string, timeZone: string): Date | null {
  const value = text.trim();
  if (isoWithZone.test(value)) return new Date(value);

  const iso = isoLocal.exec(value);
  const russian = russianLocal.exec(value);
  const [year, month, day, hour, minute, second] = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
    : russian
      ? [russian[3], russian[2], russian[1], russian[4], russian[5], russian[6]]
      : [];
  if (!year) return null;

  const guess = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
  );
  const offset = zoneOffsetMinutes(new Date(guess), timeZone);
  return new Date(guess - offset * 60_000);
}
