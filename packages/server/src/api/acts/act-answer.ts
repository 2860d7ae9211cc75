import type { ApiContext } from '../api-context.js';
import { actMonthsWithStatus } from './act-month-query.js';
import { presentAct } from './act-presenter.js';
import type { Act } from './act-schemas.js';

/**
 * One house's act of a month as the list shows it; null when the house owes no act that
 * month (not in the store, deleted, or nothing planned and not signed).
 */
export async function actOf(
  context: ApiContext,
  houseId: number,
  month: string,
): Promise<Act | null> {
  const scope = { memberId: context.memberId(), month, today: context.today(), houseId };
  const row = await context.db
    .selectFrom(actMonthsWithStatus(context.db, scope).as('a'))
    .selectAll('a')
    .executeTakeFirst();
  return row ? presentAct(row, month) : null;
}

/** Whether the house is in the store at all, to tell "no such house" from "no act". */
export async function houseExists(context: ApiContext, houseId: number): Promise<boolean> {
  const house = await context.db
    .selectFrom('houses')
    .select('id')
    .where('memberId', '=', context.memberId())
    .where('id', '=', houseId)
    .executeTakeFirst();
  return house !== undefined;
}
