import { Type } from '@sinclair/typebox';

import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { idOrNull } from '../json-text.js';
import { IdParamSchema, Nullable, protectedErrors } from '../schemas/common-schemas.js';

const schema = {
  tags: ['cleaning'],
  summary: 'Houses that have coordinates, for the map',
  querystring: Type.Object(
    { brigadeId: Type.Optional(IdParamSchema) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      items: Type.Array(
        Type.Object({
          id: Type.String(),
          address: Nullable(Type.String()),
          lat: Type.Number(),
          lon: Type.Number(),
          brigadeId: Nullable(Type.String()),
        }),
      ),
    }),
    ...protectedErrors,
  },
};

export function mapRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/cleaning/map', { schema, config: { cache: true } }, async (request) => {
    const brigadeId = scopedBrigadeId(request.user, request.query.brigadeId);
    let query = context.db
      .selectFrom('houses')
      .select(['id', 'address', 'lat', 'lon', 'brigadeId'])
      .where('memberId', '=', context.memberId())
      .where('deletedAt', 'is', null)
      .where('lat', 'is not', null)
      .where('lon', 'is not', null);
    if (brigadeId) query = query.where('brigadeId', '=', Number(brigadeId));

    const rows = await query.orderBy('id').execute();
    const items = rows.map((row) => ({
      id: String(row.id),
      address: row.address,
      lat: row.lat ?? 0,
      lon: row.lon ?? 0,
      brigadeId: idOrNull(row.brigadeId),
    }));
    return { items };
  });
}
