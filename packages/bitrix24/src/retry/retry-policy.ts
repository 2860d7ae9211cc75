import type { RandomSource } from '../runtime/clock.js';

/** How hard the client tries before it reports a retryable failure to the caller. */
export interface RetryPolicy {
  /** HTTP attempts per call, the first one included. */
  maxAttempts: number;
  /** Sum of all waits between attempts of one call. */
  maxTotalDelayMs: number;
  /** The first backoff ceiling; it doubles every attempt. */
  baseDelayMs: number;
  /** The backoff ceiling never grows past this. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  maxTotalDelayMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
};

/**
 * Exponential backoff with full jitter: a uniform wait between 0 and the ceiling of the
 * attempt. Spreading clients over the whole window is what stops them retrying in step.
 * `retry` counts from 1 (the wait before the second attempt).
 */
export function fullJitterDelay(retry: number, policy: RetryPolicy, random: RandomSource): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}
