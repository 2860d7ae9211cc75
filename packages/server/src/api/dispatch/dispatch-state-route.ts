import { Type } from '@sinclair/typebox';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, IsoDateSchema, protectedErrors } from '../schemas/common-schemas.js';
import { dayDispatchState } from './day-dispatch-state.js';
import { checkRealDate, DayDispatchStateSchema } from './dispatch-schemas.js';

const schema = {
  tags: ['dispatch'],
  summary: 'Office: a date’s dispatch — its tasks and calendar events, sent, waiting or failed',
  querystring: Type.Object({ date: IsoDateSchema }, { additionalProperties: false }),
  response: { 200: DayDispatchStateSchema, ...protectedErrors, 503: ErrorSchema },
};

/** `GET /api/dispatch?date=YYYY-MM-DD` (office and admins). */
export function dispatchStateRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/dispatch', { schema, config: { access: 'office' } }, async (request) => {
    checkRealDate(request.query.date, 'date');
    return dayDispatchState(context, context.memberId(), request.query.date);
  });
}
