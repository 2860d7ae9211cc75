import type { Kysely } from 'kysely';

import type { RequestUser } from '../../auth/request-user.js';
import type { Database } from '../../store/index.js';

export interface ActKey {
  memberId: string;
  houseId: number;
  month: string;
}

/**
 * Marks the act signed; false when it already was. A conflict is left to the primary
 * key, so two offices signing at once give one signature and one 409, never two rows.
 */
export async function signAct(
  db: Kysely<Database>,
  act: ActKey,
  signature: { date: string; by: RequestUser; at: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('acts')
    .values({
      ...act,
      signedOn: signature.date,
      signedById: employeeIdOf(signature.by),
      signedByName: signature.by.name,
      signedAt: signature.at.toISOString(),
    })
    .onConflict((conflict) => conflict.columns(['memberId', 'houseId', 'month']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes the signature back; false when there was none. */
export async function unsignAct(db: Kysely<Database>, act: ActKey): Promise<boolean> {
  const result = await db
    .deleteFrom('acts')
    .where('memberId', '=', act.memberId)
    .where('houseId', '=', act.houseId)
    .where('month', '=', act.month)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// The bootstrap admin token is nobody in the portal: its signature keeps only a name.
function employeeIdOf(user: RequestUser): number | null {
  return /^\d+$/.test(user.id) ? Number(user.id) : null;
}
