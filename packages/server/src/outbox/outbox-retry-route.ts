import { Type } from '@sinclair/typebox';
import type { ApiApp, ApiContext } from '../api/api-context.js';
import { ErrorSchema, IdParamSchema, protectedErrors } from '../api/schemas/common-schemas.js';
import { apiError } from '../http/api-error.js';
import { getOutboxEntries, retryOutbox } from './outbox-repository.js';
import { OutboxEntrySchema, presentOutboxEntry } from './outbox-route.js';

const schema = {
  tags: ['outbox'],
  summary: 'Office: try a failed write to Bitrix24 again, its attempts from zero',
  params: Type.Object({ id: IdParamSchema }),
  response: {
    200: Type.Object({ item: OutboxEntrySchema }),
    ...protectedErrors,
    404: ErrorSchema,
    409: ErrorSchema,
    503: ErrorSchema,
  },
};

/** `POST /api/outbox/:id/retry` (office and admins): the «Повторить» of a failed entry. */
export function outboxRetryRoute(app: ApiApp, context: ApiContext): void {
  app.post('/api/outbox/:id/retry', { schema, config: { access: 'office' } }, async (request) => {
    const memberId = context.memberId();
    const id = Number(request.params.id);
    const [entry] = await getOutboxEntries(context.db, [id]);
    if (!entry || entry.memberId !== memberId) throw apiError('outbox_entry_not_found');
    if (!(await retryOutbox(context.db, memberId, id, new Date())))
      throw apiError('outbox_entry_not_failed');

    context.readCache.invalidate();
    request.log.info({ category: 'outbox', outboxId: id, kind: entry.kind }, 'retry requested');
    const [retried] = await getOutboxEntries(context.db, [id]);
    return { item: presentOutboxEntry(retried ?? entry) };
  });
}
