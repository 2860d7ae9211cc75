import { zoneOffsetMs } from '../domain/zone-offset.js';

/**
 * A schedule date as the portal's own date picker stores it: 03:00 local time with the
 * company's offset (`2025-09-16T03:00:00+03:00`). Three hours past midnight keeps the
 * day the same for a reader in any zone of European Russia, as the picker intends.
 */
export function scheduleDateTime(date: string, timeZone: string): string {
  const wallTime = Date.parse(`${date}T03:00:00Z`);
  const offsetMinutes = Math.round(zoneOffsetMs(wallTime, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${date}T03:00:00${sign}${hours}:${minutes}`;
}
