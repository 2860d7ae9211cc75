import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

export interface BrigadeWithLeader {
  name: string;
  /** Who receives the brigade's work: the department's head, else an active leader. */
  leaderId: number | null;
}

/** Every brigade of the portal with the user its tasks and calendar events belong to. */
export async function brigadeLeaders(
  db: Kysely<Database>,
  memberId: string,
): Promise<Map<number, BrigadeWithLeader>> {
  const brigades = await db
    .selectFrom('brigades')
    .select(['id', 'name', 'headId'])
    .where('memberId', '=', memberId)
    .execute();
  const leaders = await db
    .selectFrom('employees')
    .select(['id', 'brigadeId'])
    .where('memberId', '=', memberId)
    .where('isLeader', '=', 1)
    .where('active', '=', 1)
    .where('deletedAt', 'is', null)
    .execute();

  const leaderOf = new Map(leaders.map((leader) => [Number(leader.brigadeId), Number(leader.id)]));
  return new Map(
    brigades.map((brigade) => {
      const id = Number(brigade.id);
      const head = brigade.headId === null ? null : Number(brigade.headId);
      return [id, { name: brigade.name, leaderId: head ?? leaderOf.get(id) ?? null }];
    }),
  );
}
