import type { Kysely } from 'kysely';
import type { CleaningType } from '../domain/index.js';
import type { Database } from '../store/index.js';
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
  let query = db
    .selectFrom('cleanings')
    .innerJoin('houses', (join) =>
      join
        .onRef('houses.memberId', '=', 'cleanings.memberId')
        .onRef('houses.id', '=', 'cleanings.houseId'),
    )
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

  const houseIds = [...new Set(rows.map((row) => Number(row.houseId)))];
  const completions = await completionViews(db, memberId, { houseIds, date });
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
    const completion = completions.find(
      (one) =>
        one.houseId === houseId && one.cleaningType === row.cleaningType && one.slot === row.slot,
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

// Street names first, house numbers as numbers, as the day's task orders them.
const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

function byAddress(a: DayHouse, b: DayHouse): number {
  return collator.compare(a.address, b.address) || a.houseId - b.houseId;
}
