import { Type } from '@sinclair/typebox';
import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { monthOf } from '../local-date.js';
import { IdParamSchema, MonthSchema, protectedErrors } from '../schemas/common-schemas.js';
import { kpiByBrigade, kpiTotal } from './kpi-query.js';
import { KpiSchema } from './kpi-schemas.js';

const schema = {
  tags: ['kpi'],
  summary: 'Plan against fact per brigade and month: cleanings, entrances, floor-cleanings',
  description: 'Brigade leaders and members see their own brigade only.',
  querystring: Type.Object(
    { month: Type.Optional(MonthSchema), brigadeId: Type.Optional(IdParamSchema) },
    { additionalProperties: false },
  ),
  response: { 200: KpiSchema, ...protectedErrors },
};

export function kpiRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/kpi', { schema }, async (request) => {
    const month = request.query.month ?? monthOf(context.today());
    const brigadeId = scopedBrigadeId(request.user, request.query.brigadeId);

    const scope = { memberId: context.memberId(), month, today: context.today(), brigadeId };
    const brigades = await kpiByBrigade(context.db, scope);
    return { month, brigades, total: kpiTotal(brigades) };
  });
}
