import type { Kysely } from 'kysely';
import { type BrigadeWithLeader, brigadeLeaders } from '../dispatch/brigade-leaders.js';
import { CLEANING_TYPE_NAMES } from '../domain/index.js';
import type { CalendarEventUpsertPayload, CalendarLocation } from '../outbox/index.js';
import type { Database } from '../store/index.js';
import { cleaningsWithHouses } from '../store/index.js';

/** Where the cleanings go: `AUDIOBOT_CALENDAR`. */
export type CalendarMode = 'brigade' | 'company' | 'off';

/** One cleaning as the event it should be, under its outbox key. */
export interface CleaningEvent {
  key: string;
  date: string;
  payload: CalendarEventUpsertPayload;
}

type Db = Kysely<Database>;

/**
 * A cleaning's key: the month of its date, the house, the schedule slot and its place
 * among that slot's dates of the month (`cleaning-event:2025-09:12:1:0`). A date moved
 * within the slot keeps its key, so its event moves instead of one being removed and
 * another added.
 */
export function cleaningEventKey(month: string, houseId: number, slot: number, n: number) {
  return `cleaning-event:${month}:${houseId}:${slot}:${n}`;
}

export function cleaningEventMarker(key: string): string {
  return `[AB ${key}]`;
}

/**
 * The events the plan asks for in the given months: one per cleaning of a house with a
 * brigade. In `brigade` mode a brigade without a leader has no calendar: its cleanings
 * are counted in `skipped`.
 */
export async function cleaningEvents(
  db: Db,
  memberId: string,
  months: readonly string[],
  mode: Exclude<CalendarMode, 'off'>,
): Promise<{ events: CleaningEvent[]; skipped: number }> {
  if (months.length === 0) return { events: [], skipped: 0 };
  const rows = await cleaningsOfMonths(db, memberId, months);
  const brigades = await brigadeLeaders(db, memberId);

  const events: CleaningEvent[] = [];
  let skipped = 0;
  const ordinals = new Map<string, number>();
  for (const row of rows) {
    const brigade = brigades.get(Number(row.brigadeId));
    const location = locationOf(mode, brigade);
    if (!location || !brigade) {
      skipped += 1;
      continue;
    }
    const group = `${row.date.slice(0, 7)}:${row.houseId}:${row.slot}`;
    const n = ordinals.get(group) ?? 0;
    ordinals.set(group, n + 1);
    events.push(eventOf(row, brigade.name, location, mode, n));
  }
  return { events, skipped };
}

/** `2025-10` after `2025-09`, `2026-01` after `2025-12`. */
export function monthAfter(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(year, number, 1));
  return next.toISOString().slice(0, 7);
}

type CleaningRow = Awaited<ReturnType<typeof cleaningsOfMonths>>[number];

async function cleaningsOfMonths(db: Db, memberId: string, months: readonly string[]) {
  const sorted = [...months].sort();
  const first = sorted[0] ?? '';
  const last = sorted[sorted.length - 1] ?? first;
  return (
    cleaningsWithHouses(db)
      .select([
        'houses.id as houseId',
        'houses.title',
        'houses.address',
        'houses.entrances',
        'houses.floors',
        'houses.brigadeId',
        'cleanings.date',
        'cleanings.slot',
        'cleanings.cleaningType',
        'cleanings.typeText',
      ])
      .where('cleanings.memberId', '=', memberId)
      .where('cleanings.date', '>=', `${first}-01`)
      .where('cleanings.date', '<', `${monthAfter(last)}-01`)
      .where('houses.deletedAt', 'is', null)
      .where('houses.brigadeId', 'is not', null)
      // Dates in order within a slot: the ordinal that makes the key depends on it.
      .orderBy('houses.id')
      .orderBy('cleanings.slot')
      .orderBy('cleanings.date')
      .orderBy('cleanings.cleaningType')
      .execute()
  );
}

function locationOf(
  mode: Exclude<CalendarMode, 'off'>,
  brigade: BrigadeWithLeader | undefined,
): CalendarLocation | null {
  if (mode === 'company') return { type: 'company_calendar', ownerId: 0, sectionName: null };
  if (!brigade || brigade.leaderId === null) return null;
  return { type: 'user', ownerId: brigade.leaderId, sectionName: `Уборки: ${brigade.name}` };
}

function eventOf(
  row: CleaningRow,
  brigadeName: string,
  location: CalendarLocation,
  mode: Exclude<CalendarMode, 'off'>,
  n: number,
): CleaningEvent {
  // The month of the date itself: a schedule field of one month may hold another's date.
  const month = row.date.slice(0, 7);
  const key = cleaningEventKey(month, Number(row.houseId), Number(row.slot), n);
  const marker = cleaningEventMarker(key);
  const place = row.address ?? row.title;
  const type = row.typeText ?? CLEANING_TYPE_NAMES[row.cleaningType];
  const counts = [
    row.entrances === null ? null : `подъездов: ${row.entrances}`,
    row.floors === null ? null : `этажей: ${row.floors}`,
  ].filter((part) => part !== null);

  const description = [
    `${CLEANING_TYPE_NAMES[row.cleaningType]}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`,
    ...(type === CLEANING_TYPE_NAMES[row.cleaningType] ? [] : [type]),
    `Бригада «${brigadeName}».`,
    'Событие ведёт AudioBot: оно меняется вместе с графиком дома.',
    marker,
  ].join('\n');
  return {
    key,
    date: row.date,
    payload: {
      marker,
      location,
      month,
      event: {
        name: mode === 'company' ? `Уборка: ${place} (${brigadeName})` : `Уборка: ${place}`,
        description,
        date: row.date,
        crmFields: [`D_${row.houseId}`],
      },
    },
  };
}
