import { randomBytes } from 'node:crypto';

/**
 * OAuth grants of the portal's applications (docs: api-reference/oauth/index.md):
 * authorization codes live 30 s, access tokens 1 hour, refresh tokens 180 days, all on
 * the emulator clock. A refresh token is spent by its first use.
 */
export const ACCESS_TOKEN_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 180 * 24 * 3600;
export const AUTHORIZATION_CODE_SECONDS = 30;

export interface Grant {
  clientId: string;
  userId: string;
  scopes: string[];
}

interface Issued extends Grant {
  expiresAtMs: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type AccessCheck =
  | { status: 'valid'; grant: Grant }
  | { status: 'expired' }
  | { status: 'unknown' };

function newToken(): string {
  return randomBytes(16).toString('hex');
}

export class TokenStore {
  private readonly accessTokens = new Map<string, Issued>();
  private readonly refreshTokens = new Map<string, Issued>();
  private readonly codes = new Map<string, Issued>();

  constructor(
    private readonly nowMs: () => number,
    private readonly onIssue: (secret: string) => void,
  ) {}

  issuePair(grant: Grant): TokenPair {
    const accessToken = newToken();
    const refreshToken = newToken();
    const now = this.nowMs();

    this.accessTokens.set(accessToken, {
      ...grant,
      expiresAtMs: now + ACCESS_TOKEN_SECONDS * 1000,
    });
    this.refreshTokens.set(refreshToken, {
      ...grant,
      expiresAtMs: now + REFRESH_TOKEN_SECONDS * 1000,
    });
    this.onIssue(accessToken);
    this.onIssue(refreshToken);
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_SECONDS };
  }

  issueCode(grant: Grant): string {
    const code = newToken();
    this.codes.set(code, {
      ...grant,
      expiresAtMs: this.nowMs() + AUTHORIZATION_CODE_SECONDS * 1000,
    });
    this.onIssue(code);
    return code;
  }

  checkAccess(token: string): AccessCheck {
    const issued = this.accessTokens.get(token);
    if (!issued) return { status: 'unknown' };
    if (issued.expiresAtMs <= this.nowMs()) return { status: 'expired' };
    return { status: 'valid', grant: issued };
  }

  /** Spends a refresh token or an authorization code; null when unknown, spent or expired. */
  redeemRefresh(token: string): Grant | null {
    return this.redeem(this.refreshTokens, token);
  }

  redeemCode(code: string): Grant | null {
    return this.redeem(this.codes, code);
  }

  /** Uninstalling an application voids all its tokens. */
  revokeClient(clientId: string): void {
    for (const store of [this.accessTokens, this.refreshTokens, this.codes]) {
      for (const [token, issued] of store) if (issued.clientId === clientId) store.delete(token);
    }
  }

  reset(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.codes.clear();
  }

  private redeem(store: Map<string, Issued>, token: string): Grant | null {
    const issued = store.get(token);
    if (!issued) return null;

    store.delete(token);
    if (issued.expiresAtMs <= this.nowMs()) return null;
    return { clientId: issued.clientId, userId: issued.userId, scopes: issued.scopes };
  }
}
