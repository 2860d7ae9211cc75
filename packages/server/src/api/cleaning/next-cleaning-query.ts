import type { ExpressionBuilder, Kysely } from 'kysely';

import type { CleaningTypeCode, Database } from '../../store/index.js';

export interface NextCleaning {
  date: string;
  type: CleaningTypeCode;
}

/**
 * The next cleaning from today of each given house, in one query for the whole page:
 * per house, seeks into the cleanings primary key (member, house, date …) for its
 * first day and that day's first slot, instead of reading the page's whole future.
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
    .selectFrom('houses')
    .where('houses.memberId', '=', memberId)
    .where('houses.id', 'in', houseIds)
    .select((eb) => [
      'houses.id',
      firstDate(eb, today).as('date'),
      eb
        .selectFrom('cleanings as c')
        .select('c.cleaningType')
        .where('c.memberId', '=', memberId)
        .whereRef('c.houseId', '=', 'houses.id')
        .where('c.date', '=', firstDate(eb, today))
        .orderBy('c.slot')
        .limit(1)
        .as('cleaningType'),
    ])
    .execute();

  for (const row of rows) {
    if (row.date && row.cleaningType) {
      next.set(Number(row.id), { date: row.date, type: row.cleaningType });
    }
  }
  return next;
}

/**
 * The day of the house's first cleaning on or after `today`: `min` over the key's date
 * is one seek (an `order by date, slot` would sort the house's whole future first).
 */
function firstDate(eb: ExpressionBuilder<Database, 'houses'>, today: string) {
  return eb
    .selectFrom('cleanings as c')
    .select((inner) => inner.fn.min('c.date').as('date'))
    .whereRef('c.memberId', '=', 'houses.memberId')
    .whereRef('c.houseId', '=', 'houses.id')
    .where('c.date', '>=', today);
}
