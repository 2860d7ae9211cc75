import type { Bitrix24Error } from '../errors/bitrix24-error.js';
import type { RandomSource } from '../runtime/clock.js';
import { fullJitterDelay, type RetryPolicy } from './retry-policy.js';

export interface RetryWaitHints {
  /** The shortest wait after a rate refusal: one slot of the leaky bucket. */
  rateLimitFloorMs: number;
}

/**
 * The attempts and waiting time one call may still spend. Asked after each failure, it
 * answers how long to wait before the next attempt, or null to give up.
 */
export class RetryBudget {
  private failures = 0;
  private waitedMs = 0;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly random: RandomSource,
    private readonly hints: RetryWaitHints,
  ) {}

  get attempts(): number {
    return this.failures;
  }

  nextDelay(error: Bitrix24Error): number | null {
    this.failures += 1;
    if (!error.retryable || this.failures >= this.policy.maxAttempts) return null;

    const delay = this.delayFor(error);
    if (this.waitedMs + delay > this.policy.maxTotalDelayMs) return null;

    this.waitedMs += delay;
    return delay;
  }

  private delayFor(error: Bitrix24Error): number {
    const jitter = fullJitterDelay(this.failures, this.policy, this.random);

    // A method out of its time budget is blocked until the reset: earlier tries are wasted.
    // The reset is stamped in whole seconds, so one more second makes sure it has passed.
    if (error.kind === 'time_budget') {
      return Math.max(error.retryAfterMs ?? 0, 0) + Math.max(jitter, 1000);
    }
    if (error.kind === 'rate_limit') return Math.max(this.hints.rateLimitFloorMs, jitter);
    return jitter;
  }
}
