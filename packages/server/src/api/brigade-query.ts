import type { Kysely } from 'kysely';

import type { Database } from '../store/index.js';

/**
 * The portal's brigades in the portal's own order (department SORT, then name); only
 * `brigadeId` when given (a brigade user's scope).
 */
export function brigadesOf(db: Kysely<Database>, memberId: string, brigadeId?: string) {
  let query = db
    .selectFrom('brigades')
    .select(['id', 'name', 'headId'])
    .where('memberId', '=', memberId)
    .where('isBrigade', '=', 1);
  if (brigadeId) query = query.where('id', '=', Number(brigadeId));

  return query.orderBy('sort').orderBy('name').orderBy('id').execute();
}
