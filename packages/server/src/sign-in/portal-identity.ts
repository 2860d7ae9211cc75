import { isBitrix24Error } from '@audiobot/bitrix24';

import type { ApplicationServices } from '../application/application-services.js';
import { portalOrigin } from '../application/portal-clients.js';
import { tokenClient } from '../application/token-client.js';
import { departmentIdsOf, type UserRow } from '../domain/index.js';
import { apiError } from '../http/api-error.js';
import type { Portal } from '../store/index.js';

/** Who a user token belongs to, as the portal says now. */
export interface PortalIdentity {
  userId: number;
  name: string;
  departmentIds: number[];
  /** From `user.admin` (or `profile`); null when the portal answered neither. */
  isAdmin: boolean | null;
}

/**
 * Asks the portal who holds `accessToken`: `user.current`, and whether they are an
 * administrator (`user.admin`, falling back to `profile.ADMIN`), in one batch. The
 * portal is the stored one: the address comes from the install, not from the request.
 */
export async function identifyPortalUser(
  services: ApplicationServices,
  portal: Portal,
  accessToken: string,
): Promise<PortalIdentity> {
  services.redactor.addSecret(accessToken);
  const client = tokenClient({
    portalUrl: portalOrigin(portal),
    application: services.application(),
    accessToken,
    logger: services.logger,
    fetch: services.fetch,
  });

  const answer = await client
    .batch({
      current: { method: 'user.current' },
      admin: { method: 'user.admin' },
      profile: { method: 'profile' },
    })
    .catch((error: unknown) => {
      if (isBitrix24Error(error) && (error.kind === 'network' || error.kind === 'timeout')) {
        throw apiError('portal_unavailable');
      }
      throw apiError('unauthenticated', 'Bitrix24 did not accept the sign-in: sign in again.');
    });

  const user = answer.results.current as UserRow | undefined;
  if (!user || answer.errors.current) {
    throw apiError('unauthenticated', 'Bitrix24 did not say who is signing in.');
  }
  return {
    userId: Number(user.ID),
    name: nameOf(user),
    departmentIds: departmentIdsOf(user.UF_DEPARTMENT),
    isAdmin: adminOf(answer.results.admin, answer.results.profile),
  };
}

function adminOf(admin: unknown, profile: unknown): boolean | null {
  if (typeof admin === 'boolean') return admin;
  const flag = (profile as { ADMIN?: unknown } | undefined)?.ADMIN;
  return typeof flag === 'boolean' ? flag : null;
}

function nameOf(user: UserRow): string {
  const name = [user.LAST_NAME, user.NAME]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return name || `Пользователь ${user.ID}`;
}
