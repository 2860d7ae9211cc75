import { Type } from '@sinclair/typebox';
import { enqueueDayDispatch } from '../../dispatch/index.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, IsoDateSchema, protectedErrors } from '../schemas/common-schemas.js';
import { dayDispatchState } from './day-dispatch-state.js';
import { checkRealDate, DayDispatchStateSchema } from './dispatch-schemas.js';

const schema = {
  tags: ['dispatch'],
  summary: 'Office: send a date’s plans now (tasks and calendar events), through the outbox',
  description:
    'Stores the writes at once and answers 202 with the date’s outbox state; the worker ' +
    'sends them within seconds and retries what the portal refuses for a while. Sending ' +
    'again updates the same tasks and events.',
  body: Type.Object({ date: IsoDateSchema }, { additionalProperties: false }),
  response: { 202: DayDispatchStateSchema, ...protectedErrors, 503: ErrorSchema },
};

/** `POST /api/dispatch` (office and admins): the web app's «Отправить сейчас». */
export function dispatchSendRoute(app: ApiApp, context: ApiContext): void {
  app.post('/api/dispatch', { schema, config: { access: 'office' } }, async (request, reply) => {
    const { date } = request.body;
    checkRealDate(date, 'date');
    const memberId = context.memberId();

    const dispatch = await enqueueDayDispatch(context.db, {
      memberId,
      date,
      timeZone: context.config.timeZone,
      tasks: context.config.dispatch.tasks,
      calendar: context.config.dispatch.calendar,
    });
    context.readCache.invalidate();
    request.log.info(
      {
        category: 'dispatch',
        date,
        plans: dispatch.plans.length,
        events: dispatch.calendar?.outboxIds.length ?? 0,
      },
      'dispatch requested',
    );
    return reply.status(202).send(await dayDispatchState(context, memberId, date));
  });
}
