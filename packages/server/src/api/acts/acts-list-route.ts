import { Type } from '@sinclair/typebox';
import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { monthOf } from '../local-date.js';
import { MonthSchema, protectedErrors } from '../schemas/common-schemas.js';
import { type ActStatus, actMonthsWithStatus } from './act-month-query.js';
import { presentAct } from './act-presenter.js';
import {
  ActFilterProperties,
  ActSchema,
  type ActStatistics,
  ActStatisticsSchema,
  ActStatusSchema,
} from './act-schemas.js';
import { actStatistics } from './act-statistics-query.js';

const schema = {
  tags: ['acts'],
  summary: 'Acts of a month: each house with planned and done cleanings, and the totals',
  description:
    'Brigade leaders and members see their own brigade only. `statistics` counts every ' +
    'house in that scope; `status`, `q` and the page narrow `items` and `total` only.',
  querystring: Type.Object(
    {
      ...ActFilterProperties,
      status: Type.Optional(ActStatusSchema),
      page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
      limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      month: MonthSchema,
      statistics: ActStatisticsSchema,
      total: Type.Integer(),
      page: Type.Integer(),
      limit: Type.Integer(),
      items: Type.Array(ActSchema),
    }),
    ...protectedErrors,
  },
};

export function actsListRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/acts', { schema }, async (request) => {
    const { page, limit, status, q } = request.query;
    const month = request.query.month ?? monthOf(context.today());
    const brigadeId = scopedBrigadeId(request.user, request.query.brigadeId);
    const scope = { memberId: context.memberId(), month, today: context.today(), brigadeId };

    let acts = context.db.selectFrom(actMonthsWithStatus(context.db, { ...scope, q }).as('a'));
    if (status) acts = acts.where('a.status', '=', status);

    const [statistics, rows] = await Promise.all([
      actStatistics(context.db, scope),
      acts
        .selectAll('a')
        .orderBy('a.searchText')
        .orderBy('a.houseId')
        .limit(limit)
        .offset((page - 1) * limit)
        .execute(),
    ]);
    // Without an address search the totals already hold the count: one pass fewer.
    const total = q?.trim()
      ? Number(
          (await acts.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
        )
      : countOf(statistics, status);

    const items = rows.map((row) => presentAct(row, month));
    return { month, statistics, total, page, limit, items };
  });
}

function countOf(statistics: ActStatistics, status: ActStatus | undefined): number {
  if (!status) return statistics.houses;
  return statistics[status === 'in_progress' ? 'inProgress' : status];
}
