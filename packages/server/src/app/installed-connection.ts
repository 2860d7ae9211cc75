import { type ApplicationServices, applicationBatchSender } from '../application/index.js';
import type { PortalConnection } from '../portal/connect-portal.js';

/**
 * The connection to a portal the local application was installed on, made from what the
 * install stored: every call goes through the portal's one shared client, as the sync,
 * the events and the sign-in already do in application mode.
 */
export async function installedConnection(
  services: ApplicationServices,
  portal: { memberId: string; domain: string },
): Promise<PortalConnection> {
  const client = await services.clients.clientFor(portal.memberId);
  return {
    client,
    send: applicationBatchSender(services, portal.memberId),
    memberId: portal.memberId,
    domain: portal.domain,
    demo: false,
    kind: 'application',
    emulator: null,
    requests: () => client.getStats().requests,
    stop: async () => {},
  };
}

/**
 * The portal an earlier run installed, when the configuration does not name one yet
 * (BITRIX_MEMBER_ID unset): the pinned one if set, else the only active install.
 */
export async function storedInstall(
  services: ApplicationServices,
): Promise<{ memberId: string; domain: string } | null> {
  const installs = await services.db
    .selectFrom('portals')
    .select(['memberId', 'domain'])
    .where('authKind', '=', 'application')
    .where('status', '=', 'active')
    .execute();

  const pinned = services.expected.memberId;
  if (pinned) return installs.find((install) => install.memberId === pinned) ?? null;
  return installs.length === 1 ? (installs[0] ?? null) : null;
}
