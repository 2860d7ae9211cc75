import type { Kysely } from 'kysely';

import { type BrigadeStructure, resolveBrigades } from '../domain/index.js';
import type { Database } from '../store/index.js';

/**
 * The brigade structure the last sync found, rebuilt from the stored departments: the
 * parent of the stored brigades is given as configured, so the domain rule places a
 * user (even one in a sub-department) exactly as the sync did. Null before the first sync.
 */
export async function storedBrigadeStructure(
  db: Kysely<Database>,
  memberId: string,
): Promise<BrigadeStructure | null> {
  const rows = await db
    .selectFrom('brigades')
    .selectAll()
    .where('memberId', '=', memberId)
    .execute();
  if (rows.length === 0) return null;

  const departments = rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    parentId: row.parentId === null ? null : Number(row.parentId),
    headId: row.headId === null ? null : Number(row.headId),
    sort: row.sort,
  }));
  const brigade = departments.find((_, index) => rows[index]?.isBrigade === 1);
  return resolveBrigades(departments, { parentId: brigade?.parentId ?? null });
}
