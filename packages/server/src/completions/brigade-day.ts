import type { Kysely } from 'kysely';
import type { CleaningType } from '../domain/index.js';
import type { Database } from '../store/index.js';
import { cleaningsWithHouses } from '../store/index.js';
import { type CompletionView, completionViews } from './completion-views.js';

/** One house of a brigade's day, each planned cleaning with its completion if marked. */
export interface DayHouse {
  houseId: number;
  address: string;
  brigadeId: number | null;
  entrances: number | null;
  floors: number | null;
  cleanings: Array<{
    cleaningType: CleaningType;
    typeText: string | null;
    slot: number;
    completion: CompletionView | null;
  }>;
}

/**
 * The houses with cleanings on the date (of one brigade, or of all), ordered by address
 * as the day's task lists them, with what has been marked so far.
 */
export async function brigadeDay(
  db: Kysely<Database>,
  memberId: string,
  date: string,
  brigadeId: number | null,
): Promise<DayHouse[]> {
  let query = cleaningsWithHouses(db)
    .select([
      'houses.id as houseId',
      'houses.address',
      'houses.title',
      'houses.brigadeId',
      'houses.entrances',
      'houses.floors',
      'cleanings.cleaningType',
      'cleanings.typeText',
      'cleanings.slot',
    ])
    .where('cleanings.memberId', '=', memberId)
    .where('cleanings.date', '=', date)
    .where('houses.deletedAt', 'is', null);
  if (brigadeId !== null) query = query.where('houses.brigadeId', '=', brigadeId);
  const rows = await query.orderBy('cleanings.slot').execute();

  // The day's completions by date (an index), matched to the houses here.
  const completions = rows.length === 0 ? [] : await completionViews(db, memberId, { date });
  const markOf = new Map(completions.map((one) => [cleaningKey(one), one]));
  const houses = new Map<number, DayHouse>();
  for (const row of rows) {
    const houseId = Number(row.houseId);
    const house = houses.get(houseId) ?? {
      houseId,
      address: row.address ?? row.title,
      brigadeId: row.brigadeId === null ? null : Number(row.brigadeId),
      entrances: row.entrances,
      floors: row.floors,
      cleanings: [],
    };
    const completion = markOf.get(
      cleaningKey({ houseId, cleaningType: row.cleaningType, slot: Number(row.slot) }),
    );
    house.cleanings.push({
      cleaningType: row.cleaningType,
      typeText: row.typeText,
      slot: Number(row.slot),
      completion: completion ?? null,
    });
    houses.set(houseId, house);
  }
  return [...houses.values()].sort(byAddress);
}

function cleaningKey(cleaning: Pick<CompletionView, 'houseId' | 'cleaningType' | 'slot'>) {
  return `${cleaning.houseId}:${cleaning.cleaningType}:${cleaning.slot}`;
}

// Street names first, house numbers as numbers, as the day's task orders them.
const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

function byAddress(a: DayHouse, b: DayHouse): number {
  return collator.compare(a.address, b.address) || a.houseId - b.houseId;
}
