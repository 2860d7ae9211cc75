import { Type } from '@sinclair/typebox';
import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import { brigadeDay } from '../../completions/brigade-day.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import {
  IdParamSchema,
  IsoDateSchema,
  Nullable,
  protectedErrors,
} from '../schemas/common-schemas.js';
import { presentCompletion } from './completion-presenter.js';
import { DayHouseSchema } from './completion-schemas.js';

const schema = {
  tags: ['completions'],
  summary:
    'A brigade’s day: its houses with cleanings on the date, by address, and what is ' +
    'marked so far (a brigade user always gets their own brigade)',
  querystring: Type.Object(
    {
      date: Type.Optional(IsoDateSchema),
      brigadeId: Type.Optional(IdParamSchema),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      date: IsoDateSchema,
      brigadeId: Nullable(Type.String()),
      houses: Type.Array(DayHouseSchema),
    }),
    ...protectedErrors,
  },
};

/** `GET /api/completions/day`: today by default. */
export function brigadeDayRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/completions/day', { schema, config: { access: 'user' } }, async (request) => {
    const date = request.query.date ?? context.today();
    const brigadeId = scopedBrigadeId(request.user, request.query.brigadeId) ?? null;
    const houses = await brigadeDay(
      context.db,
      context.memberId(),
      date,
      brigadeId === null ? null : Number(brigadeId),
    );

    return {
      date,
      brigadeId,
      houses: houses.map((house) => ({
        ...house,
        houseId: String(house.houseId),
        brigadeId: house.brigadeId === null ? null : String(house.brigadeId),
        cleanings: house.cleanings.map((cleaning) => ({
          ...cleaning,
          completion: cleaning.completion ? presentCompletion(cleaning.completion) : null,
        })),
      })),
    };
  });
}
