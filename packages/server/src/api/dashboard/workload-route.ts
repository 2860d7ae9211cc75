import { Type } from '@sinclair/typebox';

import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { monthOf } from '../local-date.js';
import {
  IdParamSchema,
  IsoDateSchema,
  MonthSchema,
  Nullable,
  protectedErrors,
} from '../schemas/common-schemas.js';
import { monthWorkload, workloadTotals } from './workload-query.js';

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
  app.get('/api/dashboard/workload', { schema, config: { cache: true } }, async (request) => {
    const month = request.query.month ?? monthOf(context.today());
    const brigadeId = scopedBrigadeId(request.user, request.query.brigadeId);

    const { days, names, houses } = await monthWorkload(context, month, brigadeId);
    return { month, days, totals: workloadTotals(days, names, houses) };
  });
}
