import { apiError } from '../http/api-error.js';
import type { ApplicationServices } from './application-services.js';
import { portalOfApplicationToken } from './application-token.js';

/**
 * ONAPPUNINSTALL carries only the portal and the application token (docs:
 * api-reference/common/events/on-app-uninstall.md). After the token matches, the
 * tokens and the application token are forgotten and the portal's sessions end; the
 * mirrored data stays until an admin removes it.
 */
export async function uninstallPortal(
  services: ApplicationServices,
  memberId: string | null,
  applicationToken: string | null,
): Promise<{ memberId: string }> {
  const { db, box } = services;
  const portal = await portalOfApplicationToken(db, box, memberId, applicationToken);
  if (!portal) throw apiError('unauthenticated', 'The application token does not match.');

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('portals')
      .set({
        accessToken: null,
        refreshToken: null,
        accessExpiresAt: null,
        applicationToken: null,
        status: 'uninstalled',
        updatedAt: services.now().toISOString(),
      })
      .where('memberId', '=', portal.memberId)
      .execute();
    await trx.deleteFrom('sessions').where('memberId', '=', portal.memberId).execute();
  });
  services.clients.forget(portal.memberId);

  services.logger.info(
    { category: 'portal', memberId: portal.memberId },
    'application uninstalled',
  );
  return { memberId: portal.memberId };
}
