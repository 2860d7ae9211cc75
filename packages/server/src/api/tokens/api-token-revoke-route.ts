import { Type } from '@sinclair/typebox';

import { revokeApiToken } from '../../auth/api-token-store.js';
import { apiError } from '../../http/api-error.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema, IdParamSchema, protectedErrors } from '../schemas/common-schemas.js';
import { ApiTokenSchema, presentApiToken } from './api-token-schemas.js';

const schema = {
  tags: ['tokens'],
  summary: 'Admins: revoke an API token; its next request gets 401',
  params: Type.Object({ id: IdParamSchema }),
  response: { 200: Type.Object({ token: ApiTokenSchema }), ...protectedErrors, 404: ErrorSchema },
};

export function apiTokenRevokeRoute(app: ApiApp, context: ApiContext): void {
  app.delete('/api/tokens/:id', { schema, config: { access: 'admin' } }, async (request) => {
    const row = await revokeApiToken(context.db, context.memberId(), Number(request.params.id));
    if (!row) throw apiError('api_token_not_found', `No API token with id ${request.params.id}.`);

    request.log.info(
      { category: 'auth', tokenId: String(row.id), userId: request.user?.id },
      'API token revoked',
    );
    return { token: presentApiToken(row) };
  });
}
