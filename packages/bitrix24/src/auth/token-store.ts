/** The OAuth token pair of one portal, as the install event or a refresh delivers it. */
export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ms since the epoch), if known; informative only. */
  expiresAt?: number | null;
  /** `auth[server_endpoint]`, e.g. `https://oauth.bitrix.info/rest/`: where refresh goes. */
  serverEndpoint?: string | null;
  /** `auth[client_endpoint]`, e.g. `https://portal.bitrix24.ru/rest/`. */
  clientEndpoint?: string | null;
  memberId?: string | null;
  scope?: string | null;
}

/**
 * Where the tokens live between runs. The server implements it over its store and
 * encrypts the tokens there. `save` is called after every refresh, before the new access
 * token is used: a refresh token is single-use, so losing the new one loses the portal.
 */
export interface TokenStore {
  load(): Promise<OAuthTokens | null>;
  save(tokens: OAuthTokens): Promise<void>;
}

/** A token store in memory, for tests and one-off scripts. */
export function createMemoryTokenStore(initial: OAuthTokens | null = null): TokenStore & {
  current(): OAuthTokens | null;
  saves: number;
} {
  let tokens = initial === null ? null : { ...initial };
  const store = {
    saves: 0,
    current: () => tokens,
    load: async () => (tokens === null ? null : { ...tokens }),
    save: async (next: OAuthTokens) => {
      tokens = { ...next };
      store.saves += 1;
    },
  };
  return store;
}
