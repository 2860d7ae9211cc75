import { OAuthAuth } from '../auth/oauth-auth.js';
import type { RequestAuth } from '../auth/request-auth.js';
import { TokenRefresher } from '../auth/token-refresher.js';
import { WebhookAuth } from '../auth/webhook-auth.js';
import { encodeBatchCommands, readBatchResult } from '../batch/batch-encoding.js';
import {
  type BatchCommands,
  type BatchOptions,
  type BatchResult,
  maxBatchCommands,
} from '../batch/batch-types.js';
import { ClientLeakyBucket, planRateLimits, type RateLimit } from '../limits/leaky-bucket.js';
import type { WalkerDeps } from '../lists/command-runner.js';
import { walkCursor } from '../lists/cursor-walker.js';
import { type ListManyOptions, listMany } from '../lists/list-many.js';
import type { ListOptions, ListPage, ListRow, ListSpec } from '../lists/list-types.js';
import { walkOffset } from '../lists/offset-walker.js';
import { Redactor } from '../redaction/redactor.js';
import { SafeLogger, silentLogger } from '../redaction/safe-logger.js';
import { RetryBudget } from '../retry/retry-budget.js';
import { defaultRetryPolicy, type RetryPolicy } from '../retry/retry-policy.js';
import { type Clock, type RandomSource, systemClock } from '../runtime/clock.js';
import type { RestAnswer } from '../transport/rest-envelope.js';
import {
  type Bitrix24AuthOptions,
  type Bitrix24ClientOptions,
  defaultOAuthServerUrl,
  defaultTimeoutMs,
  defaultUserAgent,
} from './client-options.js';
import { RequestExecutor } from './request-executor.js';
import { type RequestStats, StatsCounter } from './request-stats.js';

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * AudioBot's Bitrix24 REST client: single calls, batches, list walkers, within the
 * portal's rate limit, with retries, one token refresh, classified errors and no secret
 * in anything it says.
 */
export class Bitrix24Client {
  readonly rateLimit: RateLimit;
  readonly retryPolicy: RetryPolicy;
  private readonly redactor = new Redactor();
  private readonly stats = new StatsCounter();
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly bucket: ClientLeakyBucket;
  private readonly auth: RequestAuth;
  private readonly executor: RequestExecutor;
  private readonly walkerDeps: WalkerDeps;

  constructor(options: Bitrix24ClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.rateLimit = rateLimitOf(options.plan);
    this.retryPolicy = { ...defaultRetryPolicy, ...options.retry };
    this.bucket = new ClientLeakyBucket(this.rateLimit, this.clock, options.rateLimitHeadroom);

    const logger = new SafeLogger(options.logger ?? silentLogger, this.redactor);
    this.auth = this.createAuth(options, logger);
    this.executor = new RequestExecutor({
      auth: this.auth,
      bucket: this.bucket,
      clock: this.clock,
      random: this.random,
      fetch: options.fetch ?? globalThis.fetch,
      retryPolicy: this.retryPolicy,
      timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
      userAgent: options.userAgent ?? defaultUserAgent,
      redactor: this.redactor,
      logger,
      stats: this.stats,
      onRequest: options.onRequest,
    });
    this.walkerDeps = this.createWalkerDeps();
  }

  /** One REST call: POST `{base}{method}.json` with a JSON body. */
  async call<T = unknown>(
    method: string,
    params: Record<string, unknown> = {},
    options: CallOptions = {},
  ): Promise<RestAnswer<T>> {
    return (await this.executor.execute(method, params, options.signal)) as RestAnswer<T>;
  }

  /**
   * Up to 50 commands in one request. Failed commands come back in `errors`, not thrown;
   * a failure of the batch request itself is thrown.
   */
  async batch(commands: BatchCommands, options: BatchOptions = {}): Promise<BatchResult> {
    const cmd = encodeBatchCommands(commands);
    const params = { halt: options.halt === true ? 1 : 0, cmd };
    const answer = await this.executor.execute('batch', params, options.signal);

    return readBatchResult(answer.result, commands, {
      redactor: this.redactor,
      nowMs: this.clock.now() + (this.executor.portalClockOffsetMs() ?? 0),
    });
  }

  /**
   * Any number of commands, 50 per request, one request after another. `$result`
   * references reach only commands of the same chunk; with `halt`, a failure stops the
   * chunks that follow as well.
   */
  async batchAll(commands: BatchCommands, options: BatchOptions = {}): Promise<BatchResult> {
    const merged: BatchResult = { results: {}, errors: {}, totals: {}, nexts: {}, times: {} };
    const keys = Object.keys(commands);

    for (let index = 0; index < keys.length; index += maxBatchCommands) {
      const chunk = keys.slice(index, index + maxBatchCommands);
      const part = await this.batch(
        Object.fromEntries(chunk.map((k) => [k, commands[k]!])),
        options,
      );
      mergeBatchResult(merged, part);
      if (options.halt === true && Object.keys(part.errors).length > 0) break;
    }
    return merged;
  }

  /**
   * The rows of a list, one `ListPage` per HTTP request; see `ListOptions.mode`. `T` only
   * names the row shape the caller expects; rows are not checked against it.
   */
  listPages<T extends object = ListRow>(
    method: string,
    params: Record<string, unknown> = {},
    options: ListOptions = {},
  ): AsyncGenerator<ListPage<T>> {
    const walk = options.mode === 'cursor' ? walkCursor : walkOffset;
    return walk(this.walkerDeps, method, params, options) as AsyncGenerator<ListPage<T>>;
  }

  /** Every row of a list in memory; for large lists iterate `listPages` instead. */
  async listAll<T extends object = ListRow>(
    method: string,
    params: Record<string, unknown> = {},
    options: ListOptions = {},
  ): Promise<T[]> {
    const rows: T[] = [];
    for await (const page of this.listPages<T>(method, params, options)) rows.push(...page.items);
    return rows;
  }

  /** Several small lists in as few requests as the limits allow (offset paging). */
  listMany<K extends string>(
    specs: Record<K, ListSpec>,
    options: ListManyOptions = {},
  ): Promise<Record<K, ListRow[]>> {
    return listMany(this.walkerDeps, specs, options);
  }

  /** Requests sent so far (a copy). */
  getStats(): RequestStats {
    return this.stats.snapshot();
  }

  resetStats(): void {
    this.stats.reset();
  }

  /**
   * The portal's clock minus this machine's, in ms, from the last answer's `time.finish`
   * (transit time included); null before the first answer. The doctor's clock-skew check.
   */
  portalClockOffsetMs(): number | null {
    return this.executor.portalClockOffsetMs();
  }

  /** The endpoint with its secret hidden: `https://portal/rest/1/***\/`. */
  describeEndpoint(): string {
    return this.auth.describe();
  }

  /** Removes every secret this client knows, and anything shaped like one, from `text`. */
  redact(text: string): string {
    return this.redactor.redact(text);
  }

  private createAuth(options: Bitrix24ClientOptions, logger: SafeLogger): RequestAuth {
    const auth: Bitrix24AuthOptions = options.auth;
    if (auth.type === 'webhook') return new WebhookAuth(auth.webhookUrl, this.redactor);

    const refresher = new TokenRefresher(
      {
        clientId: auth.clientId,
        clientSecret: auth.clientSecret,
        oauthServerUrl: auth.oauthServerUrl ?? defaultOAuthServerUrl,
        timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
        userAgent: options.userAgent ?? defaultUserAgent,
      },
      {
        fetch: options.fetch ?? globalThis.fetch,
        clock: this.clock,
        random: this.random,
        redactor: this.redactor,
        logger,
        retryPolicy: {
          ...this.retryPolicy,
          maxAttempts: Math.min(3, this.retryPolicy.maxAttempts),
        },
        onRefresh: () => this.stats.countRefresh(),
      },
    );
    return new OAuthAuth({ portalUrl: auth.portalUrl, tokenStore: auth.tokenStore }, refresher);
  }

  private createWalkerDeps(): WalkerDeps {
    return {
      call: (method, params, signal) => this.call(method, params, { signal }),
      batch: (commands, options) => this.batch(commands, options),
      newRetryBudget: () =>
        new RetryBudget(this.retryPolicy, this.random, { rateLimitFloorMs: this.bucket.slotMs() }),
      sleep: (ms) => this.clock.sleep(ms),
    };
  }
}

export function createBitrix24Client(options: Bitrix24ClientOptions): Bitrix24Client {
  return new Bitrix24Client(options);
}

function rateLimitOf(plan: Bitrix24ClientOptions['plan']): RateLimit {
  if (plan === undefined) return planRateLimits.standard;
  if (typeof plan === 'string') return planRateLimits[plan];
  return { ...plan };
}

function mergeBatchResult(target: BatchResult, part: BatchResult): void {
  Object.assign(target.results, part.results);
  Object.assign(target.errors, part.errors);
  Object.assign(target.totals, part.totals);
  Object.assign(target.nexts, part.nexts);
  Object.assign(target.times, part.times);
}
