/**
 * @audiobot/bitrix24 — AudioBot's Bitrix24 REST client on Node's fetch.
 *
 * ```ts
 * const client = createBitrix24Client({ auth: { type: 'webhook', webhookUrl } });
 * const { result } = await client.call('server.time');
 * for await (const page of client.listPages('crm.deal.list', params, { mode: 'cursor' })) ...
 * ```
 */

export { createMemoryTokenStore, type OAuthTokens, type TokenStore } from './auth/token-store.js';
export { describeWebhook, parseWebhookUrl, type WebhookAddress } from './auth/webhook-url.js';
export {
  type BatchCommand,
  type BatchCommands,
  type BatchOptions,
  type BatchResult,
  maxBatchCommands,
} from './batch/batch-types.js';
export {
  Bitrix24Client,
  type CallOptions,
  createBitrix24Client,
} from './client/bitrix24-client.js';
export type {
  Bitrix24AuthOptions,
  Bitrix24ClientOptions,
  OAuthAuthOptions,
  WebhookAuthOptions,
} from './client/client-options.js';
export type { RequestEvent, RequestStats } from './client/request-stats.js';
export { encodePhpQuery } from './encoding/php-query.js';
export {
  Bitrix24Error,
  type Bitrix24ErrorFields,
  isBitrix24Error,
} from './errors/bitrix24-error.js';
export { classifyErrorAnswer, type ErrorAnswer, type ErrorClass } from './errors/classify-error.js';
export { type Bitrix24ErrorKind, type ErrorKindInfo, errorKinds } from './errors/error-kind.js';
export {
  ClientLeakyBucket,
  type PortalPlan,
  planRateLimits,
  type RateLimit,
} from './limits/leaky-bucket.js';
export type { ListManyOptions } from './lists/list-many.js';
export type {
  ListOptions,
  ListPage,
  ListProgress,
  ListRow,
  ListSpec,
} from './lists/list-types.js';
export { Redactor, redact, redactedMark } from './redaction/redactor.js';
export type { Bitrix24Logger } from './redaction/safe-logger.js';
export { defaultRetryPolicy, fullJitterDelay, type RetryPolicy } from './retry/retry-policy.js';
export type { Clock, RandomSource } from './runtime/clock.js';
export { knownMethodScopes, requiredScope } from './scopes/method-scopes.js';
export type { RestAnswer, RestTime } from './transport/rest-envelope.js';
