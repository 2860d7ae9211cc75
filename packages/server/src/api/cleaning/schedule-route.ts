import { Type } from '@sinclair/typebox';
import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import { CLEANING_TYPE_NAMES } from '../../domain/cleaning-type.js';
import { apiError } from '../../http/api-error.js';
import { cleaningsWithBrigades } from '../../store/index.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { idOrNull } from '../json-text.js';
import { addDays } from '../local-date.js';
import {
  CleaningTypeSchema,
  IdParamSchema,
  IsoDateSchema,
  Nullable,
  protectedErrors,
} from '../schemas/common-schemas.js';
import { assertDateRange } from './date-range.js';

// A calendar shows at most a few months; a wider range is a mistake or a scrape.
const MAX_DAYS = 93;

const schema = {
  tags: ['cleaning'],
  summary: 'Planned cleanings between two days (default: the next 7 days), by date',
  querystring: Type.Object(
    {
      from: Type.Optional(IsoDateSchema),
      to: Type.Optional(IsoDateSchema),
      brigadeId: Type.Optional(IdParamSchema),
      limit: Type.Integer({
        minimum: 1,
        maximum: 20_000,
        default: 5_000,
        description: 'At most this many cleanings; `truncated` tells when more exist',
      }),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      from: IsoDateSchema,
      to: IsoDateSchema,
      truncated: Type.Boolean(),
      items: Type.Array(
        Type.Object({
          date: IsoDateSchema,
          houseId: Type.String(),
          address: Nullable(Type.String()),
          brigadeId: Nullable(Type.String()),
          brigadeName: Nullable(Type.String()),
          type: CleaningTypeSchema,
          typeText: Type.String(),
          entrances: Nullable(Type.Integer()),
          floors: Nullable(Type.Integer()),
        }),
      ),
    }),
    ...protectedErrors,
  },
};

export function scheduleRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/cleaning/schedule', { schema, config: { cache: true } }, async (request) => {
    const from = request.query.from ?? context.today();
    const to = request.query.to ?? addDays(from, 6);
    assertDateRange({ from, to });
    if (addDays(from, MAX_DAYS) < to) {
      throw apiError('validation_failed', `to: at most ${MAX_DAYS} days after from`, 'to');
    }

    const { limit } = request.query;
    const brigadeId = scopedBrigadeId(request.user, request.query.brigadeId);
    const rows = await scheduleRows(context, { from, to, brigadeId, limit: limit + 1 });
    const truncated = rows.length > limit;
    const items = rows.slice(0, limit).map((row) => ({
      date: row.date,
      houseId: String(row.houseId),
      address: row.address ?? row.title,
      brigadeId: idOrNull(row.brigadeId),
      brigadeName: row.brigadeName,
      type: row.cleaningType,
      typeText: row.typeText ?? CLEANING_TYPE_NAMES[row.cleaningType],
      entrances: row.entrances,
      floors: row.floors,
    }));
    return { from, to, truncated, items };
  });
}

interface ScheduleQuery {
  from: string;
  to: string;
  brigadeId: string | undefined;
  limit: number;
}

function scheduleRows(context: ApiContext, { from, to, brigadeId, limit }: ScheduleQuery) {
  const memberId = context.memberId();
  let query = cleaningsWithBrigades(context.db)
    .select([
      'cleanings.date',
      'cleanings.houseId',
      'cleanings.cleaningType',
      'cleanings.typeText',
      'houses.title',
      'houses.address',
      'houses.brigadeId',
      'brigades.name as brigadeName',
      'houses.entrances',
      'houses.floors',
    ])
    .where('cleanings.memberId', '=', memberId)
    .where('cleanings.date', '>=', from)
    .where('cleanings.date', '<=', to)
    .where('houses.deletedAt', 'is', null);
  if (brigadeId) query = query.where('houses.brigadeId', '=', Number(brigadeId));

  return query
    .orderBy('cleanings.date')
    .orderBy('houses.brigadeId')
    .orderBy('houses.searchText')
    .orderBy('cleanings.slot')
    .limit(limit)
    .execute();
}
