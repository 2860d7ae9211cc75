import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';

import { ErrorSchema } from '../api/schemas/common-schemas.js';
import type { ApplicationServices } from '../application/application-services.js';
import { portalOfApplicationToken } from '../application/application-token.js';
import { apiError } from '../http/api-error.js';
import { eventCallOf } from './event-call.js';
import { EventAcceptedSchema, EventBodySchema } from './event-schemas.js';
import {
  type RecordRefreshPayload,
  recordRefreshJobName,
  registerRecordRefreshJob,
} from './record-refresh-job.js';

export interface EventRoutesOptions {
  services: ApplicationServices;
}

/**
 * The portal's event handler. Only a call carrying the application token stored at
 * install gets past the first line; anything else is a 401 that says nothing more. An
 * accepted event queues a refresh of its one record and answers at once, since the
 * portal waits for no work and never retries (the periodic sync is the safety net).
 */
export const eventRoutes: FastifyPluginAsync<EventRoutesOptions> = async (
  instance,
  { services },
) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  registerRecordRefreshJob(services);

  app.post(
    '/api/bitrix24/events',
    {
      config: { access: 'public' },
      schema: {
        tags: ['bitrix24'],
        summary: 'Event handler: CRM deal, company, contact and user changes',
        body: EventBodySchema,
        response: { 200: EventAcceptedSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const call = eventCallOf(request.body);
      const portal = await portalOfApplicationToken(
        services.db,
        services.box,
        call.memberId,
        call.applicationToken,
      );
      if (!portal) throw apiError('unauthenticated', 'The application token does not match.');

      if (call.record) {
        const payload: RecordRefreshPayload = {
          memberId: portal.memberId,
          ...call.record,
          event: call.event,
        };
        await services.queue.enqueue(recordRefreshJobName, payload);
      }
      request.log.info(
        { category: 'sync', memberId: portal.memberId, event: call.event, id: call.record?.id },
        'portal event accepted',
      );
      return { accepted: true as const, refresh: call.record };
    },
  );
};
