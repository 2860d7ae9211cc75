import { Type } from '@sinclair/typebox';

import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { brigadesOf } from '../brigade-query.js';
import { IdNameSchema, Nullable, protectedErrors } from '../schemas/common-schemas.js';

const schema = {
  tags: ['dashboard'],
  summary: 'Brigades with their leader, members and the houses they serve',
  response: {
    200: Type.Object({
      items: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          leader: Nullable(IdNameSchema),
          members: Type.Array(
            Type.Object({
              id: Type.String(),
              name: Type.String(),
              position: Nullable(Type.String()),
            }),
          ),
          houses: Type.Integer(),
          entrances: Type.Integer(),
          apartments: Type.Integer(),
        }),
      ),
    }),
    ...protectedErrors,
  },
};

export function departmentsRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/dashboard/departments', { schema, config: { cache: true } }, async (request) => {
    const memberId = context.memberId();
    // Members and totals are picked per listed brigade: the scope of the list is enough.
    const brigadeId = scopedBrigadeId(request.user);
    const [brigades, members, totals] = await Promise.all([
      brigadesOf(context.db, memberId, brigadeId),
      brigadeMembers(context, memberId),
      houseTotalsByBrigade(context, memberId),
    ]);

    const items = brigades.map((brigade) => {
      const own = members.filter((member) => member.brigadeId === brigade.id);
      const leader = own.find((member) => member.id === brigade.headId || member.isLeader === 1);
      const total = totals.get(brigade.id);
      return {
        id: String(brigade.id),
        name: brigade.name,
        leader: leader ? { id: String(leader.id), name: leader.name } : null,
        members: own.map((member) => ({
          id: String(member.id),
          name: member.name,
          position: member.position,
        })),
        houses: total?.houses ?? 0,
        entrances: total?.entrances ?? 0,
        apartments: total?.apartments ?? 0,
      };
    });
    return { items };
  });
}

function brigadeMembers(context: ApiContext, memberId: string) {
  return context.db
    .selectFrom('employees')
    .select(['id', 'name', 'position', 'brigadeId', 'isLeader'])
    .where('memberId', '=', memberId)
    .where('deletedAt', 'is', null)
    .where('active', '=', 1)
    .where('brigadeId', 'is not', null)
    .orderBy('isLeader', 'desc')
    .orderBy('name')
    .execute();
}

async function houseTotalsByBrigade(context: ApiContext, memberId: string) {
  const rows = await context.db
    .selectFrom('houses')
    .select('brigadeId')
    .select((eb) => [
      eb.fn.countAll<number>().as('houses'),
      eb.fn.coalesce(eb.fn.sum<number>('entrances'), eb.lit(0)).as('entrances'),
      eb.fn.coalesce(eb.fn.sum<number>('apartments'), eb.lit(0)).as('apartments'),
    ])
    .where('memberId', '=', memberId)
    .where('deletedAt', 'is', null)
    .where('brigadeId', 'is not', null)
    .groupBy('brigadeId')
    .execute();

  return new Map(
    rows.map((row) => [
      Number(row.brigadeId),
      {
        houses: Number(row.houses),
        entrances: Number(row.entrances),
        apartments: Number(row.apartments),
      },
    ]),
  );
}
