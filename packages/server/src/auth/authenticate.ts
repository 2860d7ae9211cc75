import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';

import type { Database } from '../store/index.js';
import { accessOf, requireAccess } from './access-policy.js';
import { findApiTokenUser } from './api-token-store.js';
import type { RequestUser } from './request-user.js';
import { findSessionUser } from './session-store.js';
import { secretsEqual } from './session-token.js';

export const SESSION_COOKIE = 'audiobot_session';

const ADMIN_TOKEN_USER: RequestUser = {
  id: 'admin-token',
  name: 'Администратор (токен)',
  role: 'admin',
  brigadeId: null,
  via: 'admin_token',
};

export interface AuthenticationOptions {
  db: Kysely<Database>;
  adminToken: string | null;
}

/**
 * Finds who is asking (session cookie or bearer token) and enforces the route's access
 * before anything else runs. This hook is where issue 5 adds Bitrix24 sign-in sessions
 * and brigade scoping; routes only read `request.user`.
 */
export function installAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  app.decorateRequest('user', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (!request.routeOptions.url) return; // unknown route: the 404 handler answers

    request.user = await userOf(request, options);
    requireAccess(request.user, accessOf(request));
  });
}

async function userOf(
  request: FastifyRequest,
  options: AuthenticationOptions,
): Promise<RequestUser | null> {
  const bearer = bearerTokenOf(request.headers.authorization);
  if (bearer) {
    if (options.adminToken && secretsEqual(bearer, options.adminToken)) return ADMIN_TOKEN_USER;
    return findApiTokenUser(options.db, bearer);
  }

  const session = request.cookies[SESSION_COOKIE];
  return session ? findSessionUser(options.db, session) : null;
}

function bearerTokenOf(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}
