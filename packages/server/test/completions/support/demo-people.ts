import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/index.js';
import { cleaningsWithHouses } from '../../../src/store/index.js';

export interface DayCleaning {
  houseId: string;
  date: string;
  cleaningType: 'full_wet' | 'sweeping' | 'first_floor' | 'general' | 'unknown';
  slot: number;
  brigadeId: number;
}

/** The cleanings of a date with their house's brigade, in a stable order. */
export async function cleaningsOn(
  db: Kysely<Database>,
  memberId: string,
  date: string,
): Promise<DayCleaning[]> {
  const rows = await cleaningsWithHouses(db)
    .select(['cleanings.houseId', 'cleanings.cleaningType', 'cleanings.slot', 'houses.brigadeId'])
    .where('cleanings.memberId', '=', memberId)
    .where('cleanings.date', '=', date)
    .where('houses.brigadeId', 'is not', null)
    .where('houses.deletedAt', 'is', null)
    .orderBy('cleanings.houseId')
    .orderBy('cleanings.slot')
    .execute();
  return rows.map((row) => ({
    houseId: String(row.houseId),
    date,
    cleaningType: row.cleaningType,
    slot: Number(row.slot),
    brigadeId: Number(row.brigadeId),
  }));
}

/** The brigade with the most cleanings among these (ties: the lowest id). */
export function busiestBrigade(cleanings: DayCleaning[]): number {
  const counts = new Map<number, number>();
  for (const cleaning of cleanings) {
    counts.set(cleaning.brigadeId, (counts.get(cleaning.brigadeId) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return best?.[0] ?? 0;
}

/** The employee who leads the brigade, and one who is only a member of it. */
export async function peopleOf(db: Kysely<Database>, memberId: string, brigadeId: number) {
  const brigade = await db
    .selectFrom('brigades')
    .select('headId')
    .where('memberId', '=', memberId)
    .where('id', '=', brigadeId)
    .executeTakeFirstOrThrow();
  const member = await db
    .selectFrom('employees')
    .select('id')
    .where('memberId', '=', memberId)
    .where('brigadeId', '=', brigadeId)
    .where('isLeader', '=', 0)
    .where('isAdmin', '=', 0)
    .where('active', '=', 1)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { leaderId: Number(brigade.headId), memberId: Number(member.id) };
}

export async function adminIds(db: Kysely<Database>, memberId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('employees')
    .select('id')
    .where('memberId', '=', memberId)
    .where('isAdmin', '=', 1)
    .where('active', '=', 1)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => Number(row.id));
}
