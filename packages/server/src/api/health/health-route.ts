import { Type } from '@sinclair/typebox';

import { requireAccess } from '../../auth/access-policy.js';
import { getSyncRuns } from '../../sync/sync-runs.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, Nullable } from '../schemas/common-schemas.js';
import { presentSyncRun, SyncRunSchema } from '../sync/sync-run-schema.js';

const DoctorCheckSchema = Type.Object({
  id: Type.String(),
  step: Type.String({ description: 'The setup guide’s step, e.g. 2.1' }),
  title: Type.String(),
  status: Type.Union([
    Type.Literal('ok'),
    Type.Literal('warn'),
    Type.Literal('fail'),
    Type.Literal('skip'),
  ]),
  detail: Type.String(),
  fix: Type.String({ description: 'What to do, in Russian; empty when nothing' }),
});

const DoctorReportSchema = Type.Object({
  ok: Type.Boolean(),
  checkedAt: Type.String({ format: 'date-time' }),
  demo: Type.Boolean(),
  domain: Nullable(Type.String()),
  checks: Type.Array(DoctorCheckSchema),
});

const schema = {
  tags: ['health'],
  summary: 'Is AudioBot working; `?details=1` (admins) runs the doctor',
  querystring: Type.Object(
    { details: Type.Optional(Type.Integer({ minimum: 0, maximum: 1 })) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
      demo: Type.Boolean(),
      portal: Nullable(Type.Object({ domain: Type.String() })),
      lastSync: Nullable(SyncRunSchema),
      version: Type.String(),
      mapTileUrl: Type.String(),
      signIn: Type.Object({
        bitrix24: Type.Boolean({
          description: 'The local application is configured: «Войти через Bitrix24» works',
        }),
      }),
      doctor: Type.Optional(DoctorReportSchema),
    }),
    401: ErrorSchema,
    403: ErrorSchema,
    503: ErrorSchema,
  },
};

export function healthRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/health', { schema, config: { access: 'public' } }, async (request) => {
    const details = request.query.details === 1;
    if (details) requireAccess(request.user, 'admin');

    const portal = context.portal();
    const lastSync = portal
      ? (await getSyncRuns(context.db, portal.memberId, { limit: 1 }))[0]
      : undefined;
    const healthy = portal !== null && lastSync?.status !== 'failed';

    const body = {
      status: healthy ? ('ok' as const) : ('degraded' as const),
      demo: portal?.demo ?? false,
      portal: portal ? { domain: portal.domain } : null,
      lastSync: lastSync ? presentSyncRun(lastSync) : null,
      version: context.version,
      mapTileUrl: context.config.mapTileUrl,
      signIn: { bitrix24: bitrix24SignIn(context) },
    };
    if (!details) return body;

    const doctor = await context.runDoctor();
    return {
      ...body,
      status: doctor.ok && healthy ? ('ok' as const) : ('degraded' as const),
      doctor,
    };
  });
}

/** Sign-in through Bitrix24 needs the local application's credentials (the OAuth client). */
function bitrix24SignIn(context: ApiContext): boolean {
  const portal = context.config.portal;
  return portal.kind !== 'demo' && portal.application !== null;
}
