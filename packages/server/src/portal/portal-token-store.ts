import type { OAuthTokens, TokenStore } from '@audiobot/bitrix24';
import type { Kysely } from 'kysely';
import type { Database, SecretBox } from '../store/index.js';

/**
 * The application's OAuth tokens in the `portals` row, sealed with the secret key.
 * The install handler writes the first pair; the client saves every refreshed pair
 * here before using it (a refresh token works once).
 */
export function storeTokenStore(
  db: Kysely<Database>,
  memberId: string,
  box: SecretBox,
): TokenStore {
  return {
    async load() {
      const portal = await db
        .selectFrom('portals')
        .selectAll()
        .where('memberId', '=', memberId)
        .executeTakeFirst();
      if (!portal?.accessToken || !portal.refreshToken) return null;

      return {
        accessToken: box.open(portal.accessToken),
        refreshToken: box.open(portal.refreshToken),
        expiresAt: portal.accessExpiresAt ? Date.parse(portal.accessExpiresAt) : null,
        serverEndpoint: portal.serverEndpoint,
        clientEndpoint: portal.clientEndpoint,
        memberId,
        scope: portal.scope,
      };
    },

    async save(tokens: OAuthTokens) {
      await db
        .updateTable('portals')
        .set({
          accessToken: box.seal(tokens.accessToken),
          refreshToken: box.seal(tokens.refreshToken),
          accessExpiresAt: tokens.expiresAt ? new Date(tokens.expiresAt).toISOString() : null,
          serverEndpoint: tokens.serverEndpoint ?? null,
          clientEndpoint: tokens.clientEndpoint ?? null,
          scope: tokens.scope ?? null,
          updatedAt: new Date().toISOString(),
        })
        .where('memberId', '=', memberId)
        .execute();
    },
  };
}
