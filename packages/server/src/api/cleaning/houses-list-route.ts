import { Type } from '@sinclair/typebox';

import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { protectedErrors } from '../schemas/common-schemas.js';
import { assertDateRange } from './date-range.js';
import { HouseFilterProperties, HouseSummarySchema } from './house-schemas.js';
import { presentHouseSummary } from './house-summary-presenter.js';
import { countHouses, selectHouseSummaryPage } from './house-summary-query.js';
import { nextCleaningOfColumns } from './next-cleaning-query.js';

const schema = {
  tags: ['cleaning'],
  summary: 'Houses: search, filter, sort, one page at a time',
  querystring: Type.Object(
    {
      ...HouseFilterProperties,
      page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
      limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      total: Type.Integer(),
      page: Type.Integer(),
      limit: Type.Integer(),
      items: Type.Array(HouseSummarySchema),
    }),
    ...protectedErrors,
  },
};

export function housesListRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/cleaning/houses', { schema, config: { cache: true } }, async (request) => {
    const { page, limit, ...query } = request.query;
    const filter = { ...query, brigadeId: scopedBrigadeId(request.user, query.brigadeId) };
    assertDateRange(filter);
    const scope = { memberId: context.memberId(), today: context.today() };

    const [total, rows] = await Promise.all([
      countHouses(context.db, filter, scope),
      selectHouseSummaryPage(context.db, filter, scope, { limit, offset: (page - 1) * limit }),
    ]);

    const items = rows.map((row) => presentHouseSummary(row, nextCleaningOfColumns(row)));
    return { total, page, limit, items };
  });
}
