import { Type } from '@sinclair/typebox';

import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { named } from '../cleaning/house-summary-presenter.js';
import { searchPatterns } from '../cleaning/search-query.js';
import {
  IdNameSchema,
  IdParamSchema,
  Nullable,
  protectedErrors,
} from '../schemas/common-schemas.js';

const schema = {
  tags: ['dashboard'],
  summary: 'Staff with their brigade, by name; by default the working members of brigades',
  querystring: Type.Object(
    {
      brigadeId: Type.Optional(IdParamSchema),
      active: Type.Boolean({
        default: true,
        description: 'true: working staff; false: people who left (deactivated in the portal)',
      }),
      scope: Type.Union([Type.Literal('brigades'), Type.Literal('all')], {
        default: 'brigades',
        description: 'brigades: the cleaning staff (members of a brigade); all: office too',
      }),
      q: Type.Optional(Type.String({ maxLength: 200, description: 'Any part of the name' })),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      total: Type.Integer(),
      items: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          position: Nullable(Type.String()),
          email: Nullable(Type.String()),
          phone: Nullable(Type.String()),
          active: Type.Boolean(),
          brigade: Nullable(IdNameSchema),
          isLeader: Type.Boolean(),
        }),
      ),
    }),
    ...protectedErrors,
  },
};

export function employeesRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/dashboard/employees', { schema, config: { cache: true } }, async (request) => {
    const { active, scope, q } = request.query;
    const brigadeId = scopedBrigadeId(request.user, request.query.brigadeId);
    let query = context.db
      .selectFrom('employees')
      .leftJoin('brigades', (join) =>
        join
          .onRef('brigades.memberId', '=', 'employees.memberId')
          .onRef('brigades.id', '=', 'employees.brigadeId'),
      )
      .select([
        'employees.id',
        'employees.name',
        'employees.position',
        'employees.email',
        'employees.phone',
        'employees.active',
        'employees.brigadeId',
        'brigades.name as brigadeName',
        'employees.isLeader',
      ])
      .where('employees.memberId', '=', context.memberId())
      .where('employees.deletedAt', 'is', null);
    if (brigadeId) query = query.where('employees.brigadeId', '=', Number(brigadeId));
    query = query.where('employees.active', '=', active ? 1 : 0);
    if (scope === 'brigades') query = query.where('employees.brigadeId', 'is not', null);
    for (const pattern of searchPatterns(q ?? '')) {
      query = query.where('employees.searchText', 'like', pattern);
    }

    const rows = await query.orderBy('employees.name').orderBy('employees.id').execute();
    const items = rows.map((row) => ({
      id: String(row.id),
      name: row.name,
      position: row.position,
      email: row.email,
      phone: row.phone,
      active: row.active === 1,
      brigade: named(row.brigadeId, row.brigadeName),
      isLeader: row.isLeader === 1,
    }));
    return { total: items.length, items };
  });
}
