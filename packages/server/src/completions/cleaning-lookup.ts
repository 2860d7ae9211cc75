import type { Kysely } from 'kysely';
import type { CleaningType } from '../domain/index.js';
import type { Database } from '../store/index.js';
import { cleaningsWithBrigades } from '../store/index.js';

/** A planned cleaning with what a completion needs of its house. */
export interface PlannedCleaning {
  houseId: number;
  date: string;
  cleaningType: CleaningType;
  slot: number;
  address: string;
  brigadeId: number | null;
  brigadeName: string | null;
}

export interface CleaningKey {
  houseId: number;
  date: string;
  cleaningType: CleaningType;
  slot: number;
}

/** The cleaning as planned in the schedule, or null when there is no such cleaning. */
export async function findPlannedCleaning(
  db: Kysely<Database>,
  memberId: string,
  key: CleaningKey,
): Promise<PlannedCleaning | null> {
  const row = await cleaningsWithBrigades(db)
    .select(['houses.address', 'houses.title', 'houses.brigadeId', 'brigades.name'])
    .where('cleanings.memberId', '=', memberId)
    .where('cleanings.houseId', '=', key.houseId)
    .where('cleanings.date', '=', key.date)
    .where('cleanings.cleaningType', '=', key.cleaningType)
    .where('cleanings.slot', '=', key.slot)
    .where('houses.deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return null;

  return {
    ...key,
    address: row.address ?? row.title,
    brigadeId: row.brigadeId === null ? null : Number(row.brigadeId),
    brigadeName: row.name ?? null,
  };
}
