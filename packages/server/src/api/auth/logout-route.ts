import { Type } from '@sinclair/typebox';

import { SESSION_COOKIE } from '../../auth/authenticate.js';
import { deleteSession } from '../../auth/session-store.js';
import type { ApiApp, ApiContext } from '../api-context.js';

const schema = {
  tags: ['auth'],
  summary: 'Sign out: ends the session of the cookie',
  response: { 200: Type.Object({ ok: Type.Boolean() }) },
};

export function logoutRoute(app: ApiApp, context: ApiContext): void {
  app.post('/api/auth/logout', { schema, config: { access: 'public' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(context.db, token);

    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
}
