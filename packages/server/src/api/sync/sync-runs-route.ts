import { Type } from '@sinclair/typebox';

import { apiError } from '../../http/api-error.js';
import { getSyncRun, getSyncRuns } from '../../sync/sync-runs.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, IdParamSchema, protectedErrors } from '../schemas/common-schemas.js';
import { presentSyncRun, SyncRunSchema } from './sync-run-schema.js';

const listSchema = {
  tags: ['sync'],
  summary: 'The latest sync runs, newest first, with live progress',
  querystring: Type.Object(
    { limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) },
    { additionalProperties: false },
  ),
  response: { 200: Type.Object({ items: Type.Array(SyncRunSchema) }), ...protectedErrors },
};

const oneSchema = {
  tags: ['sync'],
  summary: 'One sync run',
  params: Type.Object({ id: IdParamSchema }),
  response: { 200: SyncRunSchema, ...protectedErrors, 404: ErrorSchema },
};

export function syncRunsRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/sync/runs', { schema: listSchema }, async (request) => {
    const runs = await getSyncRuns(context.db, context.memberId(), { limit: request.query.limit });
    return { items: runs.map(presentSyncRun) };
  });

  app.get('/api/sync/runs/:id', { schema: oneSchema }, async (request) => {
    const run = await getSyncRun(context.db, context.memberId(), Number(request.params.id));
    if (!run) throw apiError('sync_run_not_found', `No sync run with id ${request.params.id}.`);
    return presentSyncRun(run);
  });
}
