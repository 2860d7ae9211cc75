import { Bitrix24Error } from '../errors/bitrix24-error.js';
import { redactedMark } from '../redaction/redactor.js';
import type { AuthRecovery, RequestAuth } from './request-auth.js';
import type { TokenRefresher } from './token-refresher.js';
import type { OAuthTokens, TokenStore } from './token-store.js';

export interface OAuthSettings {
  /** `https://portal.bitrix24.ru`: requests go to `{portalUrl}/rest/{method}.json`. */
  portalUrl: string;
  tokenStore: TokenStore;
}

/**
 * OAuth access by token (docs: settings/oauth/auto-renewal.md): the access token rides
 * in `auth`; on `expired_token` (and once on `invalid_token`) the tokens are refreshed
 * and the call is sent again. All concurrent calls that saw the same stale token wait
 * for one shared refresh, so twenty failing calls cause one refresh, not twenty; and the
 * refresh token, which is single-use, is never sent twice.
 *
 * Before refreshing, the store is read again: a reinstall or another process may have
 * saved a newer pair. Two processes refreshing the same pair at the same instant still
 * race (the loser gets `invalid_grant`); run one sync process per portal.
 */
export class OAuthAuth implements RequestAuth {
  readonly restBase: string;
  private tokens: OAuthTokens | null = null;
  private loading: Promise<OAuthTokens> | null = null;
  private refreshing: Promise<OAuthTokens> | null = null;
  private refusal: { refreshToken: string; error: Bitrix24Error } | null = null;

  constructor(
    private readonly settings: OAuthSettings,
    private readonly refresher: TokenRefresher,
  ) {
    this.restBase = `${settings.portalUrl.replace(/\/+$/, '')}/rest/`;
  }

  describe(): string {
    return `${this.restBase} (OAuth, token ${redactedMark})`;
  }

  async accessToken(): Promise<string> {
    return (await this.current()).accessToken;
  }

  async recover(error: Bitrix24Error, usedToken: string | null, recovery: AuthRecovery) {
    if (usedToken === null) return false;

    if (error.code === 'expired_token' && !recovery.refreshedForExpired) {
      recovery.refreshedForExpired = true;
      await this.refreshAfter(usedToken);
      return true;
    }
    if (error.code === 'invalid_token' && !recovery.refreshedForInvalid) {
      recovery.refreshedForInvalid = true;
      await this.refreshAfter(usedToken);
      return true;
    }
    return false;
  }

  private async refreshAfter(staleToken: string): Promise<void> {
    const current = await this.current();
    // Another call already refreshed while this one was in flight: just use the new token.
    if (current.accessToken !== staleToken && this.refreshing === null) return;

    if (this.refreshing === null) {
      this.refreshing = this.refresh(current).finally(() => {
        this.refreshing = null;
      });
    }
    await this.refreshing;
  }

  private async refresh(stale: OAuthTokens): Promise<OAuthTokens> {
    // Another process sharing the store, or a reinstall, may have stored newer tokens:
    // using them costs nothing, and refreshing the stale pair would fail anyway.
    const stored = await this.settings.tokenStore.load();
    if (stored !== null && stored.accessToken !== stale.accessToken) {
      this.refresher.registerSecrets(stored);
      this.tokens = stored;
      return stored;
    }

    // A refresh token the server refused stays refused: do not ask again for every call.
    if (this.refusal?.refreshToken === stale.refreshToken) throw this.refusal.error;

    const fresh = await this.refreshOrRemember(stale);
    // Memory first: even if saving fails, this process keeps the only valid refresh token.
    this.tokens = fresh;
    await this.settings.tokenStore.save(fresh);
    return fresh;
  }

  private async refreshOrRemember(stale: OAuthTokens): Promise<OAuthTokens> {
    try {
      return await this.refresher.refresh(stale);
    } catch (error) {
      if (error instanceof Bitrix24Error && error.kind === 'credentials') {
        this.refusal = { refreshToken: stale.refreshToken, error };
      }
      throw error;
    }
  }

  private async current(): Promise<OAuthTokens> {
    if (this.tokens !== null) return this.tokens;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<OAuthTokens> {
    const stored = await this.settings.tokenStore.load();
    if (stored === null) throw noTokens();

    this.refresher.registerSecrets(stored);
    this.tokens = stored;
    return stored;
  }
}

function noTokens(): Bitrix24Error {
  return new Bitrix24Error({
    kind: 'credentials',
    code: 'CLIENT_NO_TOKENS',
    description: 'no OAuth tokens are stored: the application has not been installed yet',
    status: null,
    method: null,
    missingScope: null,
    retryable: false,
  });
}
