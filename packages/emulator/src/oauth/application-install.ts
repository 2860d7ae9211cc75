import { formatZoned } from '../clock/zoned-time.js';
import { deliver, encodeEventCall } from '../events/event-delivery.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import { applicationAuth, uninstallAuth } from './install-payload.js';

/**
 * Installing and uninstalling the local application, as an administrator does in the
 * portal. Install POSTs ONAPPINSTALL form-encoded to the install URL and waits for the
 * answer (docs: api-reference/common/events/on-app-install.md, on-app-uninstall.md).
 */
export interface InstallResult {
  clientId: string;
  userId: string;
  applicationToken: string;
  accessToken: string;
  refreshToken: string;
  /** What the install URL answered; null when the application has none. */
  installCall: { status: number | null; error: string | null } | null;
}

export class ApplicationError extends Error {}

export async function installApplication(
  portal: EmulatorPortal,
  clientId: string,
  userId?: string,
): Promise<InstallResult> {
  const application = portal.state.applications.get(clientId);
  if (!application) throw new ApplicationError(`No application ${clientId}`);

  const installer = userId ?? portal.state.adminUser()?.ID;
  if (!installer) throw new ApplicationError('The portal has no active administrator');

  const applicationToken = portal.newSecret();
  portal.state.installations.set(clientId, {
    clientId,
    applicationToken,
    userId: installer,
    installedAt: formatZoned(portal.clock.now(), portal.state.portal.timeZone),
  });
  const tokens = portal.tokens.issuePair({
    clientId,
    userId: installer,
    scopes: application.scopes,
  });

  const installCall = application.installUrl
    ? await deliver(
        application.installUrl,
        encodeEventCall({
          event: 'ONAPPINSTALL',
          eventHandlerId: '0',
          data: { VERSION: '1', ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: 'ru' },
          ts: Math.floor(portal.clock.nowSeconds()),
          auth: applicationAuth(portal, tokens, application.scopes, installer, applicationToken),
        }),
      )
    : null;

  portal.logger.log('info', 'oauth', 'application installed', { clientId, userId: installer });
  return {
    clientId,
    userId: installer,
    applicationToken,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    installCall,
  };
}

/** Fires ONAPPUNINSTALL to the bound handlers, then forgets tokens and handlers. */
export async function uninstallApplication(
  portal: EmulatorPortal,
  clientId: string,
): Promise<boolean> {
  const installation = portal.state.installations.get(clientId);
  if (!installation) return false;

  const { state } = portal;
  portal.events.emit('ONAPPUNINSTALL', { CLEAN: 0, LANGUAGE_ID: 'ru' }, (binding) =>
    binding.clientId === clientId ? uninstallAuth(portal, installation.applicationToken) : null,
  );
  await portal.events.idle();

  state.installations.delete(clientId);
  portal.tokens.revokeClient(clientId);
  for (const binding of state.eventBindings.values()) {
    if (binding.clientId === clientId) state.eventBindings.delete(binding.ID);
  }
  return true;
}
