import { Type } from '@sinclair/typebox';

import { apiError } from '../../http/api-error.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { monthOf } from '../local-date.js';
import { ErrorSchema, IsoDateSchema, protectedErrors } from '../schemas/common-schemas.js';
import { actOf, houseExists } from './act-answer.js';
import { ActParamsSchema, ActSchema } from './act-schemas.js';
import { signAct } from './act-signature-store.js';

const schema = {
  tags: ['acts'],
  summary: 'Office: mark the act of a house and month signed (on which date; by the caller)',
  params: ActParamsSchema,
  body: Type.Object(
    { date: Type.Optional({ ...IsoDateSchema, description: 'Date of signing; default today' }) },
    { additionalProperties: false },
  ),
  response: {
    200: ActSchema,
    ...protectedErrors,
    404: ErrorSchema,
    409: ErrorSchema,
  },
};

export function actSignRoute(app: ApiApp, context: ApiContext): void {
  app.put(
    '/api/acts/:month/houses/:id/signature',
    { schema, config: { access: 'office' } },
    async (request) => {
      const { month } = request.params;
      const houseId = Number(request.params.id);
      const date = request.body.date ?? context.today();
      assertSignable(date, month, context.today());

      await assertActOwed(context, houseId, month);
      const key = { memberId: context.memberId(), houseId, month };
      const signed = await signAct(context.db, key, { date, by: request.user!, at: new Date() });
      if (!signed) throw apiError('act_already_signed');

      context.readCache.invalidate();
      request.log.info(
        { category: 'acts', houseId, month, userId: request.user!.id },
        'act signed',
      );
      return (await actOf(context, houseId, month))!;
    },
  );
}

function assertSignable(date: string, month: string, today: string): void {
  if (date > today) {
    throw apiError('validation_failed', 'An act cannot be signed in the future.', 'date');
  }
  if (month > monthOf(today)) {
    throw apiError('validation_failed', 'The act of a month ahead cannot be signed.', 'month');
  }
}

async function assertActOwed(context: ApiContext, houseId: number, month: string) {
  const act = await actOf(context, houseId, month);
  if (act && act.planned > 0) return;
  if (act?.signature) return;
  if (!(await houseExists(context, houseId))) throw apiError('house_not_found');
  throw apiError('act_nothing_planned');
}
