import { Type } from '@sinclair/typebox';

import { listApiTokens } from '../../auth/api-token-store.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { protectedErrors } from '../schemas/common-schemas.js';
import { ApiTokenSchema, presentApiToken } from './api-token-schemas.js';

const schema = {
  tags: ['tokens'],
  summary: 'Admins: the API tokens, newest first, without their secrets',
  response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }), ...protectedErrors },
};

export function apiTokensListRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/tokens', { schema, config: { access: 'admin' } }, async () => {
    const rows = await listApiTokens(context.db, context.memberId());
    return { items: rows.map(presentApiToken) };
  });
}
