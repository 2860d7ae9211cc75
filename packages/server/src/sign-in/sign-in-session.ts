import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApplicationServices } from '../application/application-services.js';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import { createSession } from '../auth/session-store.js';
import type { SignedInUser } from './signed-in-user.js';

/** Reached over HTTPS: directly, through a proxy that says so, or by the public URL. */
export function isSecure(request: FastifyRequest, services: ApplicationServices): boolean {
  return request.protocol === 'https' || (services.publicUrl()?.startsWith('https:') ?? false);
}

/**
 * Starts the session of a signed-in portal user. Inside the portal's frame the page is
 * a third-party context, where browsers send only SameSite=None cookies, and those only
 * with Secure; so the frame gets None+Secure over HTTPS. Standalone, SameSite=Lax.
 */
export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  services: ApplicationServices,
  session: { memberId: string; user: SignedInUser; inFrame: boolean },
): Promise<void> {
  const { token, expiresAt } = await createSession(services.db, session.memberId, session.user);
  const secure = isSecure(request, services);

  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: session.inFrame && secure ? 'none' : 'lax',
    secure,
    expires: expiresAt,
  });
  request.log.info(
    { category: 'auth', userId: session.user.id, role: session.user.role, frame: session.inFrame },
    'signed in with Bitrix24',
  );
}
