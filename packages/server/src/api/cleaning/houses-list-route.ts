import { Type } from '@sinclair/typebox';

import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { protectedErrors } from '../schemas/common-schemas.js';
import { assertDateRange } from './date-range.js';
import { selectHouseListPage } from './house-list-page-query.js';
import { HouseFilterProperties, HouseSummarySchema } from './house-schemas.js';

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
  app.get('/api/cleaning/houses', { schema, config: { cache: true } }, async (request, reply) => {
    const { page, limit, ...query } = request.query;
    const filter = { ...query, brigadeId: scopedBrigadeId(request.user, query.brigadeId) };
    assertDateRange(filter);
    const scope = { memberId: context.memberId(), today: context.today() };

    const window = { limit, offset: (page - 1) * limit };
    const { total, items } = await selectHouseListPage(context.db, filter, scope, window);

    // The items are JSON already: the answer is written around them, not serialized
    // (Fastify sends a JSON text as it is), so the schema's type cannot check it here.
    const head = `{"total":${total},"page":${page},"limit":${limit},"items":[`;
    const body =
      typeof items === 'string'
        ? `${head}${items}]}`
        : Buffer.concat([Buffer.from(head), items, CLOSING]);
    return reply.type('application/json; charset=utf-8').send(body as never);
  });
}

const CLOSING = Buffer.from(']}');
