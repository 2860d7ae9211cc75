import type { Kysely } from 'kysely';

import type { CleaningTypeCode, Database } from '../../store/index.js';

export interface NextCleaning {
  date: string;
  type: CleaningTypeCode;
}

/**
 * The next cleaning from today of each given house, in one query for the whole page.
 * The primary key (member, house, date ...) serves it.
 */
export async function nextCleaningsOf(
  db: Kysely<Database>,
  memberId: string,
  houseIds: number[],
  today: string,
): Promise<Map<number, NextCleaning>> {
  const next = new Map<number, NextCleaning>();
  if (houseIds.length === 0) return next;

  const rows = await db
    .selectFrom('cleanings')
    .select(['houseId', 'date', 'cleaningType'])
    .where('memberId', '=', memberId)
    .where('houseId', 'in', houseIds)
    .where('date', '>=', today)
    .orderBy('houseId')
    .orderBy('date')
    .orderBy('slot')
    .execute();

  for (const row of rows) {
    const houseId = Number(row.houseId);
    if (!next.has(houseId)) next.set(houseId, { date: row.date, type: row.cleaningType });
  }
  return next;
}
