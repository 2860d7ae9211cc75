import { knownScopes } from '../methods/app/known-scopes.js';
import type { SnapshotApplication, SnapshotWebhook } from '../snapshot/snapshot-format.js';
import type { EmulatorPortal } from './emulator-portal.js';

/**
 * The admin webhook with every scope and the local application a started emulator
 * hands out. A snapshot may bring its own; otherwise they are made up at start.
 */
export function adminWebhook(portal: EmulatorPortal): SnapshotWebhook {
  const { state } = portal;
  const admin = state.adminUser();
  if (!admin) throw new Error('The snapshot has no active administrator');

  const existing = [...state.webhooks.values()].find(
    (webhook) =>
      webhook.userId === admin.ID && knownScopes.every((scope) => webhook.scopes.includes(scope)),
  );
  if (existing) return existing;

  const webhook = {
    userId: admin.ID,
    code: portal.newSecret(8),
    scopes: [...knownScopes],
    title: 'admin',
  };
  portal.makePermanent({ webhook });
  return webhook;
}

export function localApplication(portal: EmulatorPortal): SnapshotApplication {
  const { state } = portal;
  const existing = state.applications.values().next().value;
  if (existing) return existing;

  // Shaped like a real local application id: `local.<14 hex>.<8 digits>`.
  const suffix = String(Date.now() % 1e8).padStart(8, '0');
  const application = {
    clientId: `local.${portal.newSecret(7).slice(0, 14)}.${suffix}`,
    clientSecret: portal.newSecret(25).slice(0, 50),
    scopes: [...knownScopes],
    appUrl: '',
    installUrl: '',
  };
  portal.logger.addSecret(application.clientSecret);
  portal.makePermanent({ application });
  return application;
}
