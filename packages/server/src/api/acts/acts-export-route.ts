import { Type } from '@sinclair/typebox';
import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { monthOf } from '../local-date.js';
import { protectedErrors } from '../schemas/common-schemas.js';
import { actMonthsWithStatus } from './act-month-query.js';
import { presentAct } from './act-presenter.js';
import { ActFilterProperties, ActStatusSchema } from './act-schemas.js';
import { actStatistics } from './act-statistics-query.js';
import { actsWorkbook } from './acts-workbook.js';

const schema = {
  tags: ['acts'],
  summary: 'The acts of a month as an XLSX workbook: one line per house, and the totals',
  querystring: Type.Object(
    { ...ActFilterProperties, status: Type.Optional(ActStatusSchema) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'XLSX' }),
    ...protectedErrors,
  },
};

export function actsExportRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/acts/export', { schema }, async (request, reply) => {
    const { status, q } = request.query;
    const month = request.query.month ?? monthOf(context.today());
    const brigadeId = scopedBrigadeId(request.user, request.query.brigadeId);
    const scope = { memberId: context.memberId(), month, today: context.today(), brigadeId };

    let query = context.db
      .selectFrom(actMonthsWithStatus(context.db, { ...scope, q }).as('a'))
      .selectAll('a');
    if (status) query = query.where('a.status', '=', status);
    const rows = await query.orderBy('a.searchText').orderBy('a.houseId').execute();
    const statistics = await actStatistics(context.db, scope);

    const workbook = await actsWorkbook(
      month,
      rows.map((row) => presentAct(row, month)),
      statistics,
    );
    reply.header('content-disposition', `attachment; filename="acts-${month}.xlsx"`);
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(workbook);
  });
}
