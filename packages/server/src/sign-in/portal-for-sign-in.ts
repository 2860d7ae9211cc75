import type { ApplicationServices } from '../application/application-services.js';
import { apiError } from '../http/api-error.js';
import type { Portal } from '../store/index.js';

/**
 * The installed portal a sign-in is for: the one named by host, else the configured
 * one, else the only one installed. Sign-in needs the application installed: its
 * stored addresses are where the user is sent and where the code is redeemed.
 */
export async function portalForSignIn(
  services: ApplicationServices,
  choice: { domain?: string | null; memberId?: string | null },
): Promise<Portal> {
  const portals = await services.db
    .selectFrom('portals')
    .selectAll()
    .where('authKind', '=', 'application')
    .where('status', '=', 'active')
    .execute();

  const chosen =
    choice.memberId !== undefined && choice.memberId !== null
      ? portals.find((portal) => portal.memberId === choice.memberId)
      : choice.domain
        ? portals.find((portal) => portal.domain === choice.domain)
        : (portals.find((portal) => portal.memberId === services.expected.memberId) ??
          (portals.length === 1 ? portals[0] : undefined));

  if (!chosen) {
    throw apiError(
      'portal_not_connected',
      'AudioBot is not installed on this Bitrix24 portal yet: install the local application first.',
    );
  }
  return chosen;
}
