import type { RequestAuth } from '../auth/request-auth.js';
import { clientInputError, errorFromAnswer, foreignAnswerError } from '../errors/answer-error.js';
import { Bitrix24Error } from '../errors/bitrix24-error.js';
import type { ClientLeakyBucket } from '../limits/leaky-bucket.js';
import type { Redactor } from '../redaction/redactor.js';
import type { SafeLogger } from '../redaction/safe-logger.js';
import { RetryBudget } from '../retry/retry-budget.js';
import type { RetryPolicy } from '../retry/retry-policy.js';
import type { Clock, RandomSource } from '../runtime/clock.js';
import { exchange, type FetchFunction, type HttpAnswer } from '../transport/http-exchange.js';
import { isRestMethodName } from '../transport/method-name.js';
import { type RestAnswer, readEnvelope } from '../transport/rest-envelope.js';
import type { RequestEvent, StatsCounter } from './request-stats.js';

export interface ExecutorDeps {
  auth: RequestAuth;
  bucket: ClientLeakyBucket;
  clock: Clock;
  random: RandomSource;
  fetch: FetchFunction;
  retryPolicy: RetryPolicy;
  timeoutMs: number;
  userAgent: string;
  redactor: Redactor;
  logger: SafeLogger;
  stats: StatsCounter;
  onRequest?: (event: RequestEvent) => void;
}

/**
 * Sends one REST call until it succeeds or its retry budget is spent: wait for the
 * client-side bucket, POST, read the envelope, refresh the token once if the portal asks,
 * back off and retry what is retryable, and count every HTTP request.
 */
export class RequestExecutor {
  /** Unix seconds when each method's time budget resets, from its last success. */
  private readonly resetAtByMethod = new Map<string, number>();
  /** The portal's clock minus ours, from the last answer's `time.finish`. */
  private portalOffsetMs: number | null = null;

  constructor(private readonly deps: ExecutorDeps) {}

  async execute(method: string, params: object, signal?: AbortSignal): Promise<RestAnswer> {
    if (!isRestMethodName(method)) {
      throw clientInputError('CLIENT_BAD_METHOD', 'not a REST method name', null);
    }

    const { auth, bucket, clock, retryPolicy, random, logger } = this.deps;
    const budget = new RetryBudget(retryPolicy, random, { rateLimitFloorMs: bucket.slotMs() });
    const recovery = { refreshedForExpired: false, refreshedForInvalid: false };

    for (let attempt = 1; ; attempt += 1) {
      const token = await auth.accessToken();
      await this.throttle();
      // Sleeps do not watch the signal; a caller who gave up stops here, before sending.
      signal?.throwIfAborted();

      try {
        return await this.attempt(method, params, token, attempt, signal);
      } catch (error) {
        if (!(error instanceof Bitrix24Error)) throw error;
        if (await auth.recover(error, token, recovery)) continue;

        const delayMs = budget.nextDelay(error);
        if (delayMs === null) throw error.withAttempts(attempt);

        if (error.kind === 'rate_limit') bucket.saturate();
        const { kind, code, status } = error;
        logger.warn({ method, kind, code, status, attempt, delayMs }, 'Bitrix24 call retried');
        await clock.sleep(delayMs);
      }
    }
  }

  private async throttle(): Promise<void> {
    const waitMs = this.deps.bucket.reserve();
    if (waitMs === 0) return;

    this.deps.stats.countThrottle(waitMs);
    await this.deps.clock.sleep(waitMs);
  }

  private async attempt(
    method: string,
    params: object,
    token: string | null,
    attempt: number,
    signal: AbortSignal | undefined,
  ): Promise<RestAnswer> {
    const startedAt = this.deps.clock.now();
    this.deps.stats.countRequest(method, attempt);

    let answer: HttpAnswer;
    try {
      answer = await this.send(method, params, token, signal);
    } catch (error) {
      this.report({ method, status: null, attempt, errorCode: codeOf(error) }, startedAt);
      throw error;
    }

    try {
      const result = this.read(method, answer);
      this.report({ method, status: answer.status, attempt, errorCode: null }, startedAt);
      return result;
    } catch (error) {
      this.report({ method, status: answer.status, attempt, errorCode: codeOf(error) }, startedAt);
      throw error;
    }
  }

  private send(method: string, params: object, token: string | null, signal?: AbortSignal) {
    const body = token === null ? params : { ...params, auth: token };
    return exchange(this.deps.fetch, {
      url: `${this.deps.auth.restBase}${method}.json`,
      body: { json: body },
      timeoutMs: this.deps.timeoutMs,
      method,
      signal,
      userAgent: this.deps.userAgent,
    });
  }

  private read(method: string, answer: HttpAnswer): RestAnswer {
    const envelope = readEnvelope(answer.body);
    const key = method.toLowerCase();

    if (envelope.type === 'error') {
      throw errorFromAnswer(envelope.error, {
        status: answer.status,
        method,
        redactor: this.deps.redactor,
        nowMs: this.portalNowMs(),
        knownResetAt: this.resetAtByMethod.get(key) ?? null,
      });
    }
    if (envelope.type === 'foreign' || answer.status >= 300) {
      throw foreignAnswerError(answer.status, method);
    }

    const time = envelope.answer.time;
    if (typeof time?.operating_reset_at === 'number') {
      this.resetAtByMethod.set(key, time.operating_reset_at);
    }
    if (typeof time?.finish === 'number') {
      this.portalOffsetMs = Math.round(time.finish * 1000 - this.deps.clock.now());
    }
    return envelope.answer;
  }

  /**
   * How far the portal's clock is ahead of ours (negative: behind), as of the last
   * answer; null before the first. Includes the answer's transit time.
   */
  portalClockOffsetMs(): number | null {
    return this.portalOffsetMs;
  }

  /** `operating_reset_at` is on the portal's clock: compare it with the portal's now. */
  private portalNowMs(): number {
    return this.deps.clock.now() + (this.portalOffsetMs ?? 0);
  }

  private report(event: Omit<RequestEvent, 'durationMs'>, startedAt: number): void {
    const durationMs = this.deps.clock.now() - startedAt;
    const full = { ...event, durationMs };
    this.deps.logger.debug(full, 'Bitrix24 request');
    this.deps.onRequest?.(full);
  }
}

function codeOf(error: unknown): string | null {
  return error instanceof Bitrix24Error ? error.code : null;
}
