import { describe, expect, it } from 'vitest';
import type { Bitrix24ErrorKind } from '../../src/index.js';
import { Bitrix24Error, defaultRetryPolicy, fullJitterDelay } from '../../src/index.js';
import { RetryBudget } from '../../src/retry/retry-budget.js';
import { fixedRandom } from '../support/fake-clock.js';

function failure(kind: Bitrix24ErrorKind, retryable = true, retryAfterMs: number | null = null) {
  return new Bitrix24Error({
    kind,
    code: 'X',
    description: '',
    status: null,
    method: 'crm.deal.list',
    missingScope: null,
    retryable,
    retryAfterMs,
  });
}

describe('fullJitterDelay', () => {
  const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };

  it('draws between 0 and a ceiling that doubles each retry', () => {
    expect(fullJitterDelay(1, policy, () => 0.999)).toBe(99);
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(200);
    expect(fullJitterDelay(1, policy, () => 0)).toBe(0);
  });

  it('never exceeds the maximum delay', () => {
    expect(fullJitterDelay(20, policy, () => 0.999)).toBe(999);
  });
});

describe('RetryBudget', () => {
  const hints = { rateLimitFloorMs: 500 };

  it('never retries what is not retryable', () => {
    const budget = new RetryBudget(defaultRetryPolicy, fixedRandom(0.5), hints);
    expect(budget.nextDelay(failure('credentials', false))).toBeNull();
  });

  it('stops after the maximum attempts', () => {
    const policy = { ...defaultRetryPolicy, maxAttempts: 3 };
    const budget = new RetryBudget(policy, fixedRandom(0.5), hints);
    expect(budget.nextDelay(failure('server'))).not.toBeNull();
    expect(budget.nextDelay(failure('server'))).not.toBeNull();
    expect(budget.nextDelay(failure('server'))).toBeNull();
    expect(budget.attempts).toBe(3);
  });

  it('stops when the waits would pass the total delay budget', () => {
    const policy = { ...defaultRetryPolicy, maxTotalDelayMs: 1200, baseDelayMs: 1000 };
    const budget = new RetryBudget(policy, fixedRandom(0.999), hints);
    expect(budget.nextDelay(failure('network'))).toBe(999);
    expect(budget.nextDelay(failure('network'))).toBeNull();
  });

  it('waits at least one bucket slot after a rate refusal', () => {
    const budget = new RetryBudget(defaultRetryPolicy, fixedRandom(0), hints);
    expect(budget.nextDelay(failure('rate_limit'))).toBe(500);
  });

  it('waits for the time-budget reset, and gives up when it is too far', () => {
    const near = new RetryBudget(defaultRetryPolicy, fixedRandom(0), hints);
    expect(near.nextDelay(failure('time_budget', true, 30_000))).toBe(31_000);

    const far = new RetryBudget(defaultRetryPolicy, fixedRandom(0), hints);
    expect(far.nextDelay(failure('time_budget', true, 600_000))).toBeNull();
  });
});
