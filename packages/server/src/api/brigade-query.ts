import type { Kysely } from 'kysely';

import type { Database } from '../store/index.js';

/** The portal's brigades in the portal's own order (department SORT, then name). */
export function brigadesOf(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom('brigades')
    .select(['id', 'name', 'headId'])
    .where('memberId', '=', memberId)
    .where('isBrigade', '=', 1)
    .orderBy('sort')
    .orderBy('name')
    .orderBy('id')
    .execute();
}
