import {
  type Bitrix24Client,
  type Bitrix24Logger,
  createBitrix24Client,
  type OAuthTokens,
  type PortalPlan,
  type TokenStore,
} from '@audiobot/bitrix24';
import type { Kysely } from 'kysely';

import type { ApplicationCredentials } from '../config/index.js';
import { storeTokenStore } from '../portal/portal-token-store.js';
import type { Database, Portal, SecretBox } from '../store/index.js';
import { ApplicationStateError } from './application-state-error.js';
import {
  forgetSpentTokens,
  isFinalRefreshError,
  type RefreshFailures,
} from './refresh-failures.js';
import { observeRefreshes, type RefreshAnswer } from './refresh-observer.js';

/**
 * The Bitrix24 client of each installed portal. There must be ONE per portal in a
 * process: a client keeps the token pair in memory and refreshes it once for all its
 * concurrent calls; a second client would still hold the old refresh token, which the
 * first one has spent, and its next refresh would fail for good.
 */
export interface PortalClients {
  clientFor(memberId: string): Promise<Bitrix24Client>;
  /** Drops the cached client (install, uninstall, failed refresh): the next call rebuilds it. */
  forget(memberId: string): void;
}

export interface PortalClientsOptions {
  db: Kysely<Database>;
  box: SecretBox;
  application: ApplicationCredentials;
  failures: RefreshFailures;
  logger?: Bitrix24Logger;
  plan?: PortalPlan;
  fetch?: typeof fetch;
  /** Told whenever a secret is learned (new tokens), for the log redactor. */
  onSecret?: (secret: string) => void;
}

export function createPortalClients(options: PortalClientsOptions): PortalClients {
  const clients = new Map<string, Promise<Bitrix24Client>>();

  const forget = (memberId: string) => {
    clients.delete(memberId);
  };

  const clientFor = (memberId: string) => {
    let client = clients.get(memberId);
    if (!client) {
      const building = buildClient(options, memberId, forget);
      clients.set(memberId, building);
      // A client that could not be made is not cached; a newer one made meanwhile stays.
      building.catch(() => {
        if (clients.get(memberId) === building) clients.delete(memberId);
      });
      client = building;
    }
    return client;
  };

  return { clientFor, forget };
}

async function buildClient(
  options: PortalClientsOptions,
  memberId: string,
  forget: (memberId: string) => void,
): Promise<Bitrix24Client> {
  const portal = await installedPortal(options.db, memberId);
  const failure = options.failures.of(memberId);
  if (failure?.code === 'invalid_client') throw ApplicationStateError.badClient(memberId);
  if (!portal.refreshToken) throw ApplicationStateError.tokensLost(memberId);

  const onAnswer = (answer: RefreshAnswer) => onRefreshAnswer(options, memberId, answer, forget);
  return createBitrix24Client({
    auth: {
      type: 'oauth',
      portalUrl: portalOrigin(portal),
      clientId: options.application.clientId,
      clientSecret: options.application.clientSecret,
      tokenStore: announcingSecrets(storeTokenStore(options.db, memberId, options.box), options),
    },
    plan: options.plan ?? 'standard',
    logger: options.logger,
    fetch: observeRefreshes(options.fetch ?? globalThis.fetch, onAnswer),
  });
}

/** Tells the log redactor every token the client loads or saves. */
function announcingSecrets(store: TokenStore, options: PortalClientsOptions): TokenStore {
  const announce = (tokens: OAuthTokens | null) => {
    if (tokens)
      for (const secret of [tokens.accessToken, tokens.refreshToken]) options.onSecret?.(secret);
    return tokens;
  };
  return {
    load: async () => announce(await store.load()),
    save: async (tokens) => {
      announce(tokens);
      await store.save(tokens);
    },
  };
}

/**
 * A final refusal removes the spent tokens and the cached client: later calls fail at
 * once with "reinstall the application" instead of asking the OAuth server again.
 */
async function onRefreshAnswer(
  options: PortalClientsOptions,
  memberId: string,
  answer: RefreshAnswer,
  forget: (memberId: string) => void,
): Promise<void> {
  if (answer.errorCode === null) return;
  if (!isFinalRefreshError(answer.errorCode)) return;

  const tokensForgotten =
    answer.errorCode === 'invalid_grant' &&
    (await forgetSpentTokens(options.db, options.box, memberId, answer.refreshToken));
  options.failures.record({
    memberId,
    code: answer.errorCode,
    at: new Date().toISOString(),
    tokensForgotten,
  });
  forget(memberId);
  options.logger?.error(
    { category: 'portal', memberId, error: answer.errorCode, tokensForgotten },
    'the OAuth server refused to refresh the tokens: reinstall the application',
  );
}

export async function installedPortal(db: Kysely<Database>, memberId: string): Promise<Portal> {
  const portal = await db
    .selectFrom('portals')
    .selectAll()
    .where('memberId', '=', memberId)
    .executeTakeFirst();
  if (portal?.authKind !== 'application' || portal.status !== 'active') {
    throw ApplicationStateError.notInstalled(memberId);
  }
  return portal;
}

/** `https://portal.bitrix24.ru/rest/` → `https://portal.bitrix24.ru`. */
export function portalOrigin(portal: Pick<Portal, 'clientEndpoint' | 'domain'>): string {
  if (portal.clientEndpoint) return new URL(portal.clientEndpoint).origin;
  return `https://${portal.domain}`;
}
