import { Type } from '@sinclair/typebox';
import { apiError } from '../../http/api-error.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, protectedErrors } from '../schemas/common-schemas.js';
import { ActParamsSchema } from './act-schemas.js';
import { unsignAct } from './act-signature-store.js';

const schema = {
  tags: ['acts'],
  summary: 'Office: take back the signature of an act (a mistake, or the act is redone)',
  params: ActParamsSchema,
  response: {
    204: Type.Null({ description: 'Unsigned' }),
    ...protectedErrors,
    404: ErrorSchema,
  },
};

export function actUnsignRoute(app: ApiApp, context: ApiContext): void {
  app.delete(
    '/api/acts/:month/houses/:id/signature',
    { schema, config: { access: 'office' } },
    async (request, reply) => {
      const { month } = request.params;
      const houseId = Number(request.params.id);

      const key = { memberId: context.memberId(), houseId, month };
      if (!(await unsignAct(context.db, key))) throw apiError('act_not_signed');

      context.readCache.invalidate();
      const userId = request.user!.id;
      request.log.info({ category: 'acts', houseId, month, userId }, 'act unsigned');
      return reply.status(204).send(null);
    },
  );
}
