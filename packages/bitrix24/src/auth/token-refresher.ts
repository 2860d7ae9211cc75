import { Bitrix24Error } from '../errors/bitrix24-error.js';
import { classifyErrorAnswer } from '../errors/classify-error.js';
import type { Redactor } from '../redaction/redactor.js';
import type { SafeLogger } from '../redaction/safe-logger.js';
import { RetryBudget } from '../retry/retry-budget.js';
import type { RetryPolicy } from '../retry/retry-policy.js';
import type { Clock, RandomSource } from '../runtime/clock.js';
import { exchange, type FetchFunction } from '../transport/http-exchange.js';
import type { OAuthTokens } from './token-store.js';

export interface TokenRefresherSettings {
  clientId: string;
  clientSecret: string;
  /** The OAuth server when the tokens do not name one; Bitrix24's cloud by default. */
  oauthServerUrl: string;
  timeoutMs: number;
  userAgent: string;
}

export interface TokenRefresherDeps {
  fetch: FetchFunction;
  clock: Clock;
  random: RandomSource;
  redactor: Redactor;
  logger: SafeLogger;
  retryPolicy: RetryPolicy;
  onRefresh: () => void;
}

const refreshMethod = 'oauth/token';

/**
 * The refresh grant (docs: settings/oauth/auto-renewal.md): POST `grant_type=refresh_token`
 * with the client id and secret to `{server}/oauth/token/`, in a form body so that no
 * secret lands in a proxy's URL log. Network failures are retried: the request may never
 * have reached the server, and the old refresh token is all there is.
 */
export class TokenRefresher {
  constructor(
    private readonly settings: TokenRefresherSettings,
    private readonly deps: TokenRefresherDeps,
  ) {
    deps.redactor.addSecret(settings.clientSecret);
  }

  registerSecrets(tokens: OAuthTokens): void {
    this.deps.redactor.addRotatingSecret(tokens.accessToken);
    this.deps.redactor.addRotatingSecret(tokens.refreshToken);
  }

  async refresh(stale: OAuthTokens): Promise<OAuthTokens> {
    this.registerSecrets(stale);
    const budget = new RetryBudget(this.deps.retryPolicy, this.deps.random, {
      rateLimitFloorMs: 1000,
    });

    for (;;) {
      try {
        const fresh = await this.attempt(stale);
        this.deps.logger.info({ method: refreshMethod }, 'OAuth tokens refreshed');
        return fresh;
      } catch (error) {
        if (!(error instanceof Bitrix24Error)) throw error;
        const delayMs = budget.nextDelay(error);
        if (delayMs === null) throw error.withAttempts(budget.attempts);

        const { kind, code } = error;
        this.deps.logger.warn({ method: refreshMethod, kind, code, delayMs }, 'refresh retried');
        await this.deps.clock.sleep(delayMs);
      }
    }
  }

  private async attempt(stale: OAuthTokens): Promise<OAuthTokens> {
    this.deps.onRefresh();
    const answer = await exchange(this.deps.fetch, {
      url: `${this.serverBase(stale)}/oauth/token/`,
      body: { form: this.form(stale) },
      timeoutMs: this.settings.timeoutMs,
      method: refreshMethod,
      userAgent: this.settings.userAgent,
    });

    const fresh = this.readTokens(answer.status, answer.body, stale);
    this.registerSecrets(fresh);
    return fresh;
  }

  private form(stale: OAuthTokens): Record<string, string> {
    return {
      grant_type: 'refresh_token',
      client_id: this.settings.clientId,
      client_secret: this.settings.clientSecret,
      refresh_token: stale.refreshToken,
    };
  }

  /** `https://oauth.bitrix.info/rest/` → `https://oauth.bitrix.info`. */
  private serverBase(tokens: OAuthTokens): string {
    const endpoint = tokens.serverEndpoint ?? this.settings.oauthServerUrl;
    return endpoint.replace(/\/+$/, '').replace(/\/rest$/, '');
  }

  private readTokens(status: number, body: unknown, stale: OAuthTokens): OAuthTokens {
    const fields = (body ?? {}) as Record<string, unknown>;
    if (status < 300 && typeof fields.access_token === 'string') {
      return this.tokensFrom(fields, stale);
    }

    const hasCode = typeof fields.error === 'string';
    const code = hasCode ? String(fields.error) : 'CLIENT_REFRESH_FAILED';
    const description = this.deps.redactor.redact(String(fields.error_description ?? ''));
    // A 4xx without an OAuth error body still means the server will not take these tokens.
    const answerClass =
      hasCode || status >= 500
        ? classifyErrorAnswer({ code, description, status, method: null })
        : { kind: 'credentials' as const, retryable: false };

    throw new Bitrix24Error({
      kind: answerClass.kind,
      retryable: answerClass.retryable,
      code,
      description: description || 'the OAuth server refused to refresh the tokens',
      status,
      method: refreshMethod,
      missingScope: null,
    });
  }

  private tokensFrom(fields: Record<string, unknown>, stale: OAuthTokens): OAuthTokens {
    const text = (key: string) =>
      typeof fields[key] === 'string' ? (fields[key] as string) : null;
    const expiresIn = Number(fields.expires_in ?? 3600);

    return {
      accessToken: text('access_token') ?? '',
      refreshToken: text('refresh_token') ?? stale.refreshToken,
      expiresAt: this.deps.clock.now() + expiresIn * 1000,
      serverEndpoint: text('server_endpoint') ?? stale.serverEndpoint ?? null,
      clientEndpoint: text('client_endpoint') ?? stale.clientEndpoint ?? null,
      memberId: text('member_id') ?? stale.memberId ?? null,
      scope: text('scope') ?? stale.scope ?? null,
    };
  }
}
