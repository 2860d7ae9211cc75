import { Type } from '@sinclair/typebox';
import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import { checkComplaint } from '../../completions/complaint-check.js';
import { apiError } from '../../http/api-error.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { IdParamSchema, IsoDateSchema, protectedErrors } from '../schemas/common-schemas.js';
import { presentChange, presentCompletion } from './completion-presenter.js';
import { ComplaintAnswerSchema } from './completion-schemas.js';

const schema = {
  tags: ['completions'],
  summary:
    '«Была ли уборка по адресу X такого-то числа?»: the plan of that day (or the ' +
    'nearest), the completion, its photos and the timeline comment in Bitrix24',
  querystring: Type.Object(
    {
      date: IsoDateSchema,
      address: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
      houseId: Type.Optional(IdParamSchema),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({ date: IsoDateSchema, houses: Type.Array(ComplaintAnswerSchema) }),
    ...protectedErrors,
  },
};

/** `GET /api/completions/check?address=…&date=…` (or `houseId`): at most 10 houses. */
export function complaintCheckRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/completions/check', { schema, config: { access: 'user' } }, async (request) => {
    const { date, address, houseId } = request.query;
    if (!address && !houseId) {
      throw apiError('validation_failed', 'address: give an address or a houseId', 'address');
    }
    const brigadeId = scopedBrigadeId(request.user) ?? null;
    const answers = await checkComplaint(context.db, context.memberId(), {
      date,
      ...(address ? { address } : {}),
      ...(houseId ? { houseId: Number(houseId) } : {}),
      brigadeId: brigadeId === null ? null : Number(brigadeId),
    });

    // The demo portal has no deal pages to link to.
    const portal = context.portal();
    const domain = portal && !portal.demo ? portal.domain : null;
    return {
      date,
      houses: answers.map((answer) => ({
        ...answer,
        houseId: String(answer.houseId),
        brigadeId: answer.brigadeId === null ? null : String(answer.brigadeId),
        completions: answer.completions.map(presentCompletion),
        changes: answer.changes.map(presentChange),
        dealUrl: domain ? `https://${domain}/crm/deal/details/${answer.houseId}/` : null,
      })),
    };
  });
}
