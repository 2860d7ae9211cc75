import { Type } from '@sinclair/typebox';

import { loadEditForm } from '../../house-edit/index.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, IdParamSchema, protectedErrors } from '../schemas/common-schemas.js';
import { HouseEditFormSchema, type HouseEditFormView } from './house-edit-schemas.js';

const schema = {
  tags: ['cleaning'],
  summary: 'Office: what the house edit form starts from, with its version',
  params: Type.Object({ id: IdParamSchema }),
  response: { 200: HouseEditFormSchema, ...protectedErrors, 404: ErrorSchema, 503: ErrorSchema },
};

/** `GET /api/cleaning/houses/:id/edit`: never cached, the version must be the latest. */
export function houseEditFormRoute(
  app: ApiApp,
  context: Pick<ApiContext, 'db' | 'memberId' | 'config'>,
): void {
  app.get(
    '/api/cleaning/houses/:id/edit',
    { schema, config: { access: 'office' } },
    async (request): Promise<HouseEditFormView> => {
      const form = await loadEditForm(
        context.db,
        context.memberId(),
        Number(request.params.id),
        context.config.timeZone,
      );
      return {
        ...form,
        houseId: String(form.houseId),
        brigadeId: form.brigadeId === null ? null : String(form.brigadeId),
        brigades: form.brigades.map((brigade) => ({ id: String(brigade.id), name: brigade.name })),
      };
    },
  );
}
