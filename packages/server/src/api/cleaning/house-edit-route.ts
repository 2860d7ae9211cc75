import { Type } from '@sinclair/typebox';
import type { HouseEdit, HouseEditor, HouseEditStart } from '../../house-edit/index.js';
import { apiError } from '../../http/api-error.js';
import { errorBody } from '../../http/error-handler.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, IdParamSchema, protectedErrors } from '../schemas/common-schemas.js';
import {
  type HouseEditBody,
  HouseEditBodySchema,
  HouseEditConflictSchema,
  HouseEditResultSchema,
} from './house-edit-schemas.js';

const schema = {
  tags: ['cleaning'],
  summary: 'Office: change a house’s counts, brigade or a month’s schedule in its Bitrix24 deal',
  description:
    'Written through the outbox with crm.deal.update. A deal changed in Bitrix24 since ' +
    '`baseVersion` answers 409 with each changed field (theirs, ours) and writes nothing.',
  params: Type.Object({ id: IdParamSchema }),
  body: HouseEditBodySchema,
  response: {
    200: HouseEditResultSchema,
    202: HouseEditResultSchema,
    ...protectedErrors,
    404: ErrorSchema,
    409: Type.Union([HouseEditConflictSchema, ErrorSchema]),
    422: ErrorSchema,
    502: ErrorSchema,
    503: ErrorSchema,
  },
};

/** `PATCH /api/cleaning/houses/:id`; `editor()` is null while no portal is connected. */
export function houseEditRoute(
  app: ApiApp,
  context: Pick<ApiContext, 'memberId'>,
  editor: () => HouseEditor | null,
): void {
  app.patch(
    '/api/cleaning/houses/:id',
    { schema, config: { access: 'office' } },
    async (request, reply) => {
      const memberId = context.memberId();
      const houseEditor = editor();
      if (!houseEditor) throw apiError('portal_not_connected');

      const outcome = await houseEditor.edit({
        memberId,
        houseId: Number(request.params.id),
        baseVersion: request.body.baseVersion,
        edit: houseEditOf(request.body),
        ...startingOf(request.body),
      });

      if (outcome.status === 'conflict') {
        request.log.info(
          { houseId: request.params.id, fields: outcome.conflicts.map((c) => c.field) },
          'house edit conflicts with Bitrix24',
        );
        const { currentVersion, conflicts } = outcome;
        return reply
          .status(409)
          .send({ ...errorBody('house_edit_conflict'), currentVersion, conflicts });
      }
      const { outboxId, ...rest } = outcome;
      const answer = {
        outboxId: String(outboxId),
        version: rest.status === 'written' ? rest.version : null,
        lastError: rest.status === 'pending' ? rest.lastError : null,
        status: rest.status,
      };
      return reply.status(rest.status === 'written' ? 200 : 202).send(answer);
    },
  );
}

function houseEditOf(body: HouseEditBody): HouseEdit {
  const { baseVersion: _base, startingValues: _start, brigadeId, ...rest } = body;
  return {
    ...rest,
    ...(brigadeId === undefined ? {} : { brigadeId: Number(brigadeId) }),
  } as HouseEdit;
}

function startingOf(body: HouseEditBody): { startingValues?: HouseEditStart } {
  if (!body.startingValues) return {};
  const { brigadeId, ...rest } = body.startingValues;
  const brigade =
    brigadeId === undefined ? {} : { brigadeId: brigadeId === null ? null : Number(brigadeId) };
  return { startingValues: { ...rest, ...brigade } as HouseEditStart };
}
