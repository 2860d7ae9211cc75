import { Type } from '@sinclair/typebox';

import { createApiToken } from '../../auth/api-token-store.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { protectedErrors } from '../schemas/common-schemas.js';
import { ApiTokenSchema, NewApiTokenSchema, presentApiToken } from './api-token-schemas.js';

const schema = {
  tags: ['tokens'],
  summary: 'Admins: a new API token for a script; the secret is in this answer only',
  body: NewApiTokenSchema,
  response: {
    201: Type.Object({
      token: ApiTokenSchema,
      secret: Type.String({ description: 'Send as `Authorization: Bearer …`; not shown again' }),
    }),
    ...protectedErrors,
  },
};

export function apiTokenCreateRoute(app: ApiApp, context: ApiContext): void {
  app.post('/api/tokens', { schema, config: { access: 'admin' } }, async (request, reply) => {
    const name = request.body.name.trim();
    const { row, secret } = await createApiToken(context.db, context.memberId(), {
      name,
      role: request.body.role,
    });
    // From now on the secret is masked in every log line, like the configured ones.
    context.redactor.addSecret(secret);

    request.log.info(
      { category: 'auth', tokenId: String(row.id), role: row.role, userId: request.user?.id },
      'API token created',
    );
    return reply.code(201).send({ token: presentApiToken(row), secret });
  });
}
