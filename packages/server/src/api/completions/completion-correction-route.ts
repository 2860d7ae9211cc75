import { Type } from '@sinclair/typebox';
import type { RequestUser } from '../../auth/request-user.js';
import { completionChanges } from '../../completions/completion-changes.js';
import { completionViews } from '../../completions/completion-views.js';
import { correctCompletion } from '../../completions/correct-completion.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import {
  ErrorSchema,
  IdParamSchema,
  Nullable,
  protectedErrors,
} from '../schemas/common-schemas.js';
import { presentChange, presentCompletion } from './completion-presenter.js';
import {
  CompletionChangeSchema,
  CompletionCorrectionSchema,
  CompletionSchema,
} from './completion-schemas.js';

const schema = {
  tags: ['completions'],
  summary:
    'Correct a wrong mark (office and admins): withdraw it, or turn done into not done ' +
    'and back; the deal’s comment and the day task’s line are rewritten, the change kept',
  params: Type.Object({ id: IdParamSchema }),
  body: CompletionCorrectionSchema,
  response: {
    200: Type.Object({
      completion: Nullable(CompletionSchema),
      change: CompletionChangeSchema,
    }),
    ...protectedErrors,
    404: ErrorSchema,
    409: ErrorSchema,
  },
};

/** `POST /api/completions/:id/correction` */
export function completionCorrectionRoute(app: ApiApp, context: ApiContext): void {
  app.post(
    '/api/completions/:id/correction',
    { schema, config: { access: 'office' } },
    async (request) => {
      const user = request.user as RequestUser;
      const memberId = context.memberId();
      const { body } = request;
      const corrected = await correctCompletion(context.db, {
        memberId,
        completionId: Number(request.params.id),
        status: body.status,
        reason: body.reason?.trim() || null,
        note: body.note.trim(),
        by: { id: /^\d+$/.test(user.id) ? Number(user.id) : null, name: user.name },
        publicUrl: context.config.server.publicUrl,
        now: new Date(),
      });
      context.readCache.invalidate();
      request.log.info(
        { category: 'completions', completionId: corrected.completionId, to: body.status },
        'completion corrected',
      );

      const [view] = await completionViews(context.db, memberId, {
        ids: [corrected.completionId],
      });
      const changes = await completionChanges(context.db, memberId, {
        houseIds: [corrected.houseId],
        date: corrected.date,
      });
      const change = changes.find((one) => one.id === corrected.changeId);
      if (!change) throw new Error(`Change ${corrected.changeId} vanished after it was stored`);
      return { completion: view ? presentCompletion(view) : null, change: presentChange(change) };
    },
  );
}
