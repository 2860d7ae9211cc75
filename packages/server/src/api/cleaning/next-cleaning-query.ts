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

/** The next cleaning as two columns of a query over houses (null, null: none). */
export interface NextCleaningColumns {
  nextCleaningOn: string | null;
  nextCleaningType: CleaningTypeCode | null;
}

/**
 * The next cleaning of each house of a query, as columns of that query. The date is the
 * one the sync stored (`next_cleaning_date`, the first cleaning on or after its `as of`)
 * while it still holds: worked out today or earlier, and not passed (none then stays
 * none). Otherwise the cleanings are read, as `nextCleaningsOf` does; the type is that
 * day's first slot.
 */
export function nextCleaningColumns(eb: ExpressionBuilder<Database, 'houses'>, today: string) {
  const date = eb
    .case()
    .when(storedNextCleaningHolds(eb, today))
    .then(eb.ref('houses.nextCleaningDate'))
    .else(firstDate(eb, today))
    .end();
  const type = eb
    .selectFrom('cleanings as c')
    .select('c.cleaningType')
    .whereRef('c.memberId', '=', 'houses.memberId')
    .whereRef('c.houseId', '=', 'houses.id')
    .where('c.date', '=', date)
    .orderBy('c.slot')
    .limit(1);
  return [date.as('nextCleaningOn'), type.as('nextCleaningType')];
}

/** The columns as the list shows them: both or nothing. */
export function nextCleaningOfColumns(row: NextCleaningColumns): NextCleaning | undefined {
  if (!row.nextCleaningOn || !row.nextCleaningType) return undefined;
  return { date: row.nextCleaningOn, type: row.nextCleaningType };
}

function storedNextCleaningHolds(eb: ExpressionBuilder<Database, 'houses'>, today: string) {
  const stored = 'houses.nextCleaningDate' as const;
  const notPassed = eb.or([eb(stored, 'is', null), eb(stored, '>=', today)]);
  return eb.and([eb('houses.nextCleaningAsOf', '<=', today), notPassed]);
}
