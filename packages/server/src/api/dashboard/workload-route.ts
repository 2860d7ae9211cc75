import { Type } from '@sinclair/typebox';

import type { ApiApp, ApiContext } from '../api-context.js';
import { idOrNull } from '../json-text.js';
import { monthOf, monthRange } from '../local-date.js';
import {
  IdParamSchema,
  IsoDateSchema,
  MonthSchema,
  Nullable,
  protectedErrors,
} from '../schemas/common-schemas.js';
import { floorCleaningsSql } from './floor-cleanings.js';

const WorkloadFigures = {
  houses: Type.Integer({ description: 'Distinct houses visited' }),
  entrances: Type.Integer({ description: 'Entrances cleaned, summed over the visits' }),
  floorCleanings: Type.Integer({
    description: 'Landings cleaned: entrances × floors, one per entrance for a first-floor visit',
  }),
};

const schema = {
  tags: ['dashboard'],
  summary: 'Planned workload per brigade and day of a month',
  querystring: Type.Object(
    { month: Type.Optional(MonthSchema), brigadeId: Type.Optional(IdParamSchema) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      month: MonthSchema,
      days: Type.Array(
        Type.Object({
          date: IsoDateSchema,
          brigadeId: Nullable(Type.String()),
          ...WorkloadFigures,
        }),
      ),
      totals: Type.Array(
        Type.Object({
          brigadeId: Nullable(Type.String()),
          name: Type.String(),
          ...WorkloadFigures,
        }),
      ),
    }),
    ...protectedErrors,
  },
};

export function workloadRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/dashboard/workload', { schema }, async (request) => {
    const month = request.query.month ?? monthOf(context.today());
    const { brigadeId } = request.query;

    const [days, totals] = await Promise.all([
      workload(context, month, brigadeId, true),
      workload(context, month, brigadeId, false),
    ]);
    return {
      month,
      days: days.map(({ name: _name, ...day }) => ({ ...day, date: day.date ?? '' })),
      totals: totals.map(({ date: _date, ...total }) => total),
    };
  });
}

async function workload(
  context: ApiContext,
  month: string,
  brigadeId: string | undefined,
  byDay: boolean,
) {
  const range = monthRange(month);
  let query = context.db
    .selectFrom('cleanings')
    .innerJoin('houses', (join) =>
      join
        .onRef('houses.memberId', '=', 'cleanings.memberId')
        .onRef('houses.id', '=', 'cleanings.houseId'),
    )
    .leftJoin('brigades', (join) =>
      join
        .onRef('brigades.memberId', '=', 'houses.memberId')
        .onRef('brigades.id', '=', 'houses.brigadeId'),
    )
    .select(['houses.brigadeId', 'brigades.name'])
    .select((eb) => [
      eb.fn.count<number>('cleanings.houseId').distinct().as('houses'),
      eb.fn.sum<number>('houses.entrances').as('entrances'),
      floorCleaningsSql.as('floorCleanings'),
    ])
    .where('cleanings.memberId', '=', context.memberId())
    .where('cleanings.date', '>=', range.from)
    .where('cleanings.date', '<=', range.to)
    .where('houses.deletedAt', 'is', null)
    .groupBy(['houses.brigadeId', 'brigades.name']);
  if (brigadeId) query = query.where('houses.brigadeId', '=', Number(brigadeId));

  const rows = byDay
    ? await query
        .select('cleanings.date')
        .groupBy('cleanings.date')
        .orderBy('cleanings.date')
        .orderBy('brigades.name')
        .execute()
    : await query.orderBy('brigades.name').execute();

  return rows.map((row) => ({
    date: 'date' in row ? (row.date as string) : null,
    brigadeId: idOrNull(row.brigadeId),
    name: row.name ?? 'Без бригады',
    houses: Number(row.houses),
    entrances: Number(row.entrances ?? 0),
    floorCleanings: Number(row.floorCleanings ?? 0),
  }));
}
