import { type SyncJobPayload, syncJobName } from '../jobs/index.js';
import { upsertMany } from '../store/index.js';
import type { ApplicationServices } from './application-services.js';
import { bindEventHandlers, type EventBindingResult } from './event-binding.js';
import type { InstallGrant } from './install-grant.js';
import { verifyInstallGrant } from './install-verification.js';

export interface InstallOutcome {
  memberId: string;
  domain: string;
  events: EventBindingResult;
  /** The first full sync is queued (false when no sync handler runs in this process). */
  syncQueued: boolean;
}

/**
 * The install: verify, keep the tokens sealed, bind the event handlers, queue the first
 * full sync. A reinstall of the same portal replaces the tokens and the application
 * token and forgets an earlier refresh failure.
 */
export async function installPortal(
  services: ApplicationServices,
  grant: InstallGrant,
): Promise<InstallOutcome> {
  const application = services.application();
  await verifyInstallGrant(grant, { ...services.expected, application }, services);

  await savePortal(services, grant);
  services.clients.forget(grant.memberId);
  services.failures.clear(grant.memberId);
  services.logger.info(
    { category: 'portal', memberId: grant.memberId, domain: grant.domain, variant: grant.variant },
    'application installed',
  );

  const events = await bindEvents(services, grant.memberId);
  const served = await services.onInstalled({ memberId: grant.memberId, domain: grant.domain });
  const syncQueued = served.syncQueued || (await queueFirstSync(services, grant.memberId));
  return { memberId: grant.memberId, domain: grant.domain, events, syncQueued };
}

async function savePortal(services: ApplicationServices, grant: InstallGrant): Promise<void> {
  const { box } = services;
  const now = services.now();
  for (const secret of [grant.accessToken, grant.refreshToken, grant.applicationToken]) {
    services.redactor.addSecret(secret);
  }

  const existing = await services.db
    .selectFrom('portals')
    .select('createdAt')
    .where('memberId', '=', grant.memberId)
    .executeTakeFirst();
  const row = {
    memberId: grant.memberId,
    domain: grant.domain,
    authKind: 'application' as const,
    accessToken: box.seal(grant.accessToken),
    refreshToken: box.seal(grant.refreshToken),
    accessExpiresAt: new Date(now.getTime() + grant.expiresInSeconds * 1000).toISOString(),
    applicationToken: box.seal(grant.applicationToken),
    serverEndpoint: trustedServerEndpoint(grant),
    clientEndpoint: grant.clientEndpoint,
    scope: grant.scope,
    status: 'active' as const,
    installedAt: now.toISOString(),
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await upsertMany(services.db, 'portals', [row], ['memberId']);
}

/**
 * The client secret goes wherever tokens are refreshed, so only two places are
 * accepted: Bitrix24's cloud OAuth server, or the portal's own origin (an on-premise
 * portal, the emulator). Anything else falls back to the cloud server.
 */
function trustedServerEndpoint(grant: InstallGrant): string | null {
  if (!grant.serverEndpoint || !URL.canParse(grant.serverEndpoint)) return null;

  const server = new URL(grant.serverEndpoint);
  const portal = new URL(grant.clientEndpoint);
  if (server.origin === 'https://oauth.bitrix.info' || server.origin === portal.origin) {
    return server.href;
  }
  return null;
}

async function bindEvents(
  services: ApplicationServices,
  memberId: string,
): Promise<EventBindingResult> {
  const base = services.publicUrl();
  if (base === null) {
    services.logger.warn(
      { category: 'portal', memberId },
      'AUDIOBOT_PUBLIC_URL is not set: no event handlers bound, changes arrive with the sync',
    );
    return { bound: [], failed: [{ event: '*', reason: 'AUDIOBOT_PUBLIC_URL is not set' }] };
  }

  const root = base.replace(/\/+$/, '');
  const client = await services.clients.clientFor(memberId);
  const result = await bindEventHandlers(client, {
    events: `${root}/api/bitrix24/events`,
    uninstall: `${root}/api/bitrix24/uninstall`,
  }).catch((error: unknown) => {
    services.logger.warn({ category: 'portal', memberId, err: error }, 'event.bind failed');
    return { bound: [], failed: [{ event: '*', reason: 'event.bind failed' }] };
  });

  if (result.failed.length > 0) {
    services.logger.warn(
      { category: 'portal', memberId, failed: result.failed },
      'events not bound',
    );
  }
  return result;
}

async function queueFirstSync(services: ApplicationServices, memberId: string): Promise<boolean> {
  const payload: SyncJobPayload = { memberId, mode: 'full' };
  try {
    await services.queue.enqueue(syncJobName, payload, {
      idempotencyKey: `${syncJobName}:${memberId}:full`,
    });
    return true;
  } catch (error) {
    services.logger.warn({ category: 'portal', memberId, err: error }, 'first sync not queued');
    return false;
  }
}
