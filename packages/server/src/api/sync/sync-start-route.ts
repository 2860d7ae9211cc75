import { Type } from '@sinclair/typebox';

import { startSync } from '../../sync/sync-service.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, protectedErrors } from '../schemas/common-schemas.js';
import { presentSyncRun, SyncRunSchema } from './sync-run-schema.js';

const schema = {
  tags: ['sync'],
  summary: 'Admins: queue a sync now; answers at once with its run (or the one under way)',
  body: Type.Object(
    {
      mode: Type.Union([Type.Literal('full'), Type.Literal('incremental')], {
        default: 'incremental',
      }),
    },
    { additionalProperties: false },
  ),
  response: { 202: Type.Object({ run: SyncRunSchema }), ...protectedErrors, 503: ErrorSchema },
};

export function syncStartRoute(app: ApiApp, context: ApiContext): void {
  app.post('/api/sync', { schema, config: { access: 'admin' } }, async (request, reply) => {
    const memberId = context.memberId();
    const run = await startSync(
      { db: context.db, queue: context.queue },
      { memberId, mode: request.body.mode },
    );

    request.log.info({ category: 'sync', syncRunId: run.id, mode: run.mode }, 'sync requested');
    return reply.status(202).send({ run: presentSyncRun(run) });
  });
}
