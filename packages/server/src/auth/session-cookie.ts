import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Config } from '../config/index.js';
import { SESSION_COOKIE } from './authenticate.js';

/**
 * httpOnly keeps the token from scripts; SameSite=Lax from cross-site posts; Secure
 * whenever the user reaches us over HTTPS (directly, or through a proxy that says so,
 * or because the configured public URL is https).
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
  config: Config,
): void {
  const secure =
    request.protocol === 'https' || (config.server.publicUrl?.startsWith('https:') ?? false);

  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: session.expiresAt,
  });
}
