import { Type } from '@sinclair/typebox';
import { seesBrigade } from '../../auth/brigade-scope.js';
import type { RequestUser } from '../../auth/request-user.js';
import { findPlannedCleaning } from '../../completions/cleaning-lookup.js';
import { completionViews } from '../../completions/completion-views.js';
import { PhotoStore } from '../../completions/photo-store.js';
import { COMPLETION_BODY_LIMIT, decodePhotos } from '../../completions/photo-upload.js';
import { recordCompletion } from '../../completions/record-completion.js';
import { apiError } from '../../http/api-error.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, protectedErrors } from '../schemas/common-schemas.js';
import { presentCompletion } from './completion-presenter.js';
import { CompletionCreateSchema, CompletionSchema } from './completion-schemas.js';

const schema = {
  tags: ['completions'],
  summary:
    'Mark a planned cleaning done (with photos) or not done (with a reason); ' +
    'AudioBot then comments on the deal, closes the house in the day’s task and, ' +
    'for a cleaning not done, notifies the portal admins',
  body: CompletionCreateSchema,
  response: {
    201: Type.Object({ completion: CompletionSchema }),
    ...protectedErrors,
    404: ErrorSchema,
    409: ErrorSchema,
    413: ErrorSchema,
  },
};

/** `POST /api/completions`: brigade leaders for their brigade; office and admins for any. */
export function completionCreateRoute(app: ApiApp, context: ApiContext): void {
  const photos = new PhotoStore(context.config.photoDir);

  app.post(
    '/api/completions',
    { schema, bodyLimit: COMPLETION_BODY_LIMIT, config: { access: 'user' } },
    async (request, reply) => {
      const user = request.user as RequestUser;
      if (user.role === 'brigade_member') {
        throw apiError('forbidden', 'Only the brigade leader marks cleanings.');
      }
      const memberId = context.memberId();
      const { body } = request;
      const cleaning = await findPlannedCleaning(context.db, memberId, {
        houseId: Number(body.houseId),
        date: body.date,
        cleaningType: body.cleaningType,
        slot: body.slot,
      });
      // Another brigade's cleaning is as absent as a missing one.
      if (!cleaning || !seesBrigade(user, cleaning.brigadeId)) throw apiError('cleaning_not_found');

      const recorded = await recordCompletion(context.db, photos, {
        memberId,
        cleaning,
        status: body.status,
        reason: body.reason?.trim() || null,
        photos: decodePhotos(body.photos),
        author: { id: /^\d+$/.test(user.id) ? Number(user.id) : null, name: user.name },
        today: context.today(),
        publicUrl: context.config.server.publicUrl,
        now: new Date(),
      });
      context.readCache.invalidate();
      request.log.info(
        { category: 'completions', completionId: recorded.id, houseId: cleaning.houseId },
        'cleaning marked',
      );

      const [view] = await completionViews(context.db, memberId, { ids: [recorded.id] });
      if (!view) throw new Error(`Completion ${recorded.id} vanished after it was stored`);
      return reply.status(201).send({ completion: presentCompletion(view) });
    },
  );
}
