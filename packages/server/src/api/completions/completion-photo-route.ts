import { Type } from '@sinclair/typebox';
import { seesBrigade } from '../../auth/brigade-scope.js';
import { PhotoStore } from '../../completions/photo-store.js';
import { apiError } from '../../http/api-error.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, IdParamSchema, protectedErrors } from '../schemas/common-schemas.js';

const schema = {
  tags: ['completions'],
  summary: 'A completion photo (JPEG, PNG or WebP), for signed-in users who see its house',
  params: Type.Object({ id: IdParamSchema }),
  response: {
    200: Type.Unsafe<string>({ type: 'string', format: 'binary', description: 'The image' }),
    ...protectedErrors,
    404: ErrorSchema,
  },
};

/** `GET /api/completions/photos/:id`: the file, never cached by shared caches. */
export function completionPhotoRoute(app: ApiApp, context: ApiContext): void {
  const photos = new PhotoStore(context.config.photoDir);

  app.get(
    '/api/completions/photos/:id',
    { schema, config: { access: 'user' } },
    async (request, reply) => {
      const row = await context.db
        .selectFrom('completionPhotos')
        .innerJoin('completions', (join) =>
          join
            .onRef('completions.memberId', '=', 'completionPhotos.memberId')
            .onRef('completions.id', '=', 'completionPhotos.completionId'),
        )
        .select(['completionPhotos.fileName', 'completionPhotos.contentType', 'brigadeId'])
        .where('completionPhotos.memberId', '=', context.memberId())
        .where('completionPhotos.id', '=', Number(request.params.id))
        .executeTakeFirst();
      const brigadeId = row?.brigadeId == null ? null : Number(row.brigadeId);
      if (!row || !seesBrigade(request.user, brigadeId)) throw apiError('photo_not_found');

      const file = await photos.open(row.fileName);
      if (!file) throw apiError('photo_not_found', 'The photo file is missing from its folder.');
      return (
        reply
          .header('content-type', row.contentType)
          .header('content-length', file.size)
          .header('cache-control', 'private, max-age=86400')
          // A stream is sent as it is: the 200 schema documents the bytes, not a JSON shape.
          .send(file.stream as unknown as string)
      );
    },
  );
}
