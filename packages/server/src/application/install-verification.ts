import { type Bitrix24Logger, isBitrix24Error } from '@audiobot/bitrix24';
import type { Kysely } from 'kysely';

import type { ApplicationCredentials } from '../config/index.js';
import { apiError } from '../http/api-error.js';
import type { Database } from '../store/index.js';
import type { InstallGrant } from './install-grant.js';
import { tokenClient } from './token-client.js';

/** What the configuration says about the portal the application belongs to. */
export interface InstallExpectations {
  application: ApplicationCredentials;
  /** BITRIX_MEMBER_ID, when set. */
  memberId: string | null;
  /** BITRIX_PORTAL_URL's origin, when set. */
  portalUrl: string | null;
}

export interface VerifyDependencies {
  db: Kysely<Database>;
  logger?: Bitrix24Logger;
  fetch?: typeof fetch;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Accepts an install only for the configured application on the configured portal:
 * - the member_id and portal address match the configuration when it names them;
 * - a local application lives on one portal, so once one is installed another member_id
 *   is refused (without BITRIX_MEMBER_ID the first install is trusted: set it to close
 *   that window);
 * - a portal installed before keeps its address: member_id is no secret (every event
 *   carries it), so a "reinstall" naming another address would hand the portal to
 *   whoever runs that address;
 * - the token works on that portal and `app.info` names our client id.
 * Without BITRIX_PORTAL_URL the `app.info` call goes to the address the caller names;
 * setting it (as the guide's step 4.1 does) limits AudioBot to the one portal.
 */
export async function verifyInstallGrant(
  grant: InstallGrant,
  expected: InstallExpectations,
  dependencies: VerifyDependencies,
): Promise<void> {
  checkPortalAddress(grant, expected);
  await checkSinglePortal(dependencies.db, grant.memberId);
  if (expected.portalUrl === null) await checkKnownAddress(dependencies.db, grant);
  await checkApplication(grant, expected.application, dependencies);
}

function checkPortalAddress(grant: InstallGrant, expected: InstallExpectations): void {
  if (expected.memberId !== null && expected.memberId !== grant.memberId) {
    throw apiError('forbidden', 'This install is for another portal than BITRIX_MEMBER_ID.');
  }

  const endpoint = URL.canParse(grant.clientEndpoint) ? new URL(grant.clientEndpoint) : null;
  const secure = endpoint?.protocol === 'https:' || LOOPBACK.has(endpoint?.hostname ?? '');
  if (!endpoint || !secure) {
    throw apiError('validation_failed', 'client_endpoint: must be an https URL', 'client_endpoint');
  }
  if (expected.portalUrl !== null && expected.portalUrl !== endpoint.origin) {
    throw apiError('forbidden', 'This install is for another portal than BITRIX_PORTAL_URL.');
  }
}

async function checkSinglePortal(db: Kysely<Database>, memberId: string): Promise<void> {
  const other = await db
    .selectFrom('portals')
    .select('memberId')
    .where('authKind', '=', 'application')
    .where('status', '=', 'active')
    .where('memberId', '!=', memberId)
    .executeTakeFirst();
  if (other) {
    throw apiError('forbidden', 'The application is already installed on another portal.');
  }
}

async function checkKnownAddress(db: Kysely<Database>, grant: InstallGrant): Promise<void> {
  const known = await db
    .selectFrom('portals')
    .select('clientEndpoint')
    .where('memberId', '=', grant.memberId)
    .executeTakeFirst();
  if (!known?.clientEndpoint) return;

  if (new URL(known.clientEndpoint).origin !== new URL(grant.clientEndpoint).origin) {
    throw apiError(
      'forbidden',
      'This portal was installed from another address; set BITRIX_PORTAL_URL if it moved.',
    );
  }
}

async function checkApplication(
  grant: InstallGrant,
  application: ApplicationCredentials,
  dependencies: VerifyDependencies,
): Promise<void> {
  const client = tokenClient({
    portalUrl: new URL(grant.clientEndpoint).origin,
    application,
    accessToken: grant.accessToken,
    logger: dependencies.logger,
    fetch: dependencies.fetch,
  });

  const info = await client.call<Record<string, unknown>>('app.info').catch((error: unknown) => {
    if (isBitrix24Error(error) && (error.kind === 'network' || error.kind === 'timeout')) {
      throw apiError('portal_unavailable');
    }
    throw apiError('forbidden', 'The install tokens do not work on that portal.');
  });

  const code = info.result?.CODE ?? info.result?.CLIENT_ID;
  if (typeof code === 'string' && code !== application.clientId) {
    throw apiError(
      'forbidden',
      'This install is for another application than BITRIX_APPLICATION_ID.',
    );
  }
}
