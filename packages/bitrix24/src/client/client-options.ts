import type { TokenStore } from '../auth/token-store.js';
import type { PortalPlan, RateLimit } from '../limits/leaky-bucket.js';
import type { Bitrix24Logger } from '../redaction/safe-logger.js';
import type { RetryPolicy } from '../retry/retry-policy.js';
import type { Clock, RandomSource } from '../runtime/clock.js';
import type { FetchFunction } from '../transport/http-exchange.js';
import type { RequestEvent } from './request-stats.js';

/** An incoming webhook: `https://PORTAL/rest/{userId}/{code}/`. */
export interface WebhookAuthOptions {
  type: 'webhook';
  webhookUrl: string;
}

/** A local or market application with OAuth tokens kept in `tokenStore`. */
export interface OAuthAuthOptions {
  type: 'oauth';
  /** `https://portal.bitrix24.ru`. */
  portalUrl: string;
  clientId: string;
  clientSecret: string;
  tokenStore: TokenStore;
  /**
   * Where to refresh when the stored tokens carry no `serverEndpoint`;
   * default `https://oauth.bitrix.info`.
   */
  oauthServerUrl?: string;
}

export type Bitrix24AuthOptions = WebhookAuthOptions | OAuthAuthOptions;

export interface Bitrix24ClientOptions {
  auth: Bitrix24AuthOptions;
  /** The portal's plan or its exact limit; default `standard` (2 per second over 50). */
  plan?: PortalPlan | RateLimit;
  /** Requests kept free below the plan's capacity; default 10 % of it, at least 1. */
  rateLimitHeadroom?: number;
  /** Overrides of the retry budget; see `defaultRetryPolicy`. */
  retry?: Partial<RetryPolicy>;
  /** Per HTTP request, body included; default 60 000 ms, a portal's own maximum. */
  timeoutMs?: number;
  logger?: Bitrix24Logger;
  /** Told after every HTTP attempt to the portal. */
  onRequest?: (event: RequestEvent) => void;
  /** For tests: time, sleeping, randomness and HTTP. Defaults are the real ones. */
  clock?: Clock;
  random?: RandomSource;
  fetch?: FetchFunction;
  userAgent?: string;
}

export const defaultTimeoutMs = 60_000;
export const defaultUserAgent = 'audiobot-bitrix24/0.1';
export const defaultOAuthServerUrl = 'https://oauth.bitrix.info';
