import { Type } from '@sinclair/typebox';

import { seesBrigade } from '../../auth/brigade-scope.js';
import { apiError } from '../../http/api-error.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, IdParamSchema, protectedErrors } from '../schemas/common-schemas.js';
import { presentHouseDetail } from './house-detail-presenter.js';
import { loadHouseDetail } from './house-detail-query.js';
import { HouseDetailSchema } from './house-schemas.js';

const schema = {
  tags: ['cleaning'],
  summary: 'One house: its card, contacts, schedule by month and every deal field',
  params: Type.Object({ id: IdParamSchema }),
  response: { 200: HouseDetailSchema, ...protectedErrors, 404: ErrorSchema },
};

export function houseDetailRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/cleaning/houses/:id', { schema, config: { cache: true } }, async (request) => {
    const memberId = context.memberId();
    const rows = await loadHouseDetail(context.db, memberId, Number(request.params.id));
    // Another brigade's house is as absent as a missing one: its existence is not told.
    if (!rows || !seesBrigade(request.user, rows.house.brigadeId)) {
      throw apiError('house_not_found', `No house with id ${request.params.id}.`);
    }

    // The demo portal has no deal pages to link to.
    const portal = context.portal();
    const domain = portal && !portal.demo ? portal.domain : null;
    return presentHouseDetail(rows, domain, context.today());
  });
}
