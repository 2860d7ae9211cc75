import type { FastifyRequest } from 'fastify';

import { apiError } from '../http/api-error.js';
import type { RequestUser } from './request-user.js';
import type { UserRole } from './user-role.js';

/**
 * Who may call a route. Routes declare it in `config.access`; an /api route that does
 * not is closed (`user`), so a new endpoint is never public by accident. Paths outside
 * /api are the web app's static files: public.
 */
export type RouteAccess = 'public' | 'user' | UserRole;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

// Registered by plugins that take no route config: the OpenAPI viewer and document.
const PUBLIC_PREFIXES = ['/api/docs'];

export function accessOf(request: FastifyRequest): RouteAccess {
  const declared = request.routeOptions.config.access;
  if (declared) return declared;

  const url = request.routeOptions.url ?? '';
  if (!url.startsWith('/api/')) return 'public';
  if (PUBLIC_PREFIXES.some((prefix) => url.startsWith(prefix))) return 'public';
  return 'user';
}

/**
 * The one place that decides whether a request may go on. Issue 5 extends it (brigade
 * scoping is then applied by the routes from `request.user.brigadeId`).
 */
export function requireAccess(user: RequestUser | null, access: RouteAccess): void {
  if (access === 'public') return;
  if (!user) throw apiError('unauthenticated');
  if (access === 'user') return;
  if (user.role !== access && user.role !== 'admin') throw apiError('forbidden');
}
