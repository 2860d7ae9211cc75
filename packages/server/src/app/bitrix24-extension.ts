import {
  type ApplicationServices,
  applicationBatchSender,
  applicationRoutes,
} from '../application/index.js';
import { eventRoutes } from '../events/index.js';
import type { PortalConnection } from '../portal/connect-portal.js';
import { signInRoutes } from '../sign-in/index.js';
import type { AppExtension } from './app-dependencies.js';

/**
 * Bitrix24's own entrances into AudioBot: the install and uninstall callbacks, the CRM
 * event handler and the sign-in flows (standalone and inside the portal's frame).
 */
export function bitrix24Extension(services: ApplicationServices): AppExtension {
  return async (app) => {
    await app.register(applicationRoutes, { services });
    await app.register(eventRoutes, { services });
    await app.register(signInRoutes, { services });
  };
}

/**
 * In application mode every batch goes through the one client the install, the events
 * and the sign-in share: a second client would hold a refresh token the first has
 * already spent, and its next refresh would fail for good.
 */
export function sharedClientConnection(
  connection: PortalConnection,
  services: ApplicationServices,
): PortalConnection {
  if (connection.kind !== 'application') return connection;
  return { ...connection, send: applicationBatchSender(services, connection.memberId) };
}
