import { describe, expect, it } from 'vitest';
import { ClientLeakyBucket, planRateLimits } from '../../src/index.js';
import { createFakeClock } from '../support/fake-clock.js';

describe('ClientLeakyBucket (docs: limits.md)', () => {
  it('lets a burst up to the capacity minus 10 % headroom through without waiting', () => {
    const bucket = new ClientLeakyBucket(planRateLimits.standard, createFakeClock());
    const waits = Array.from({ length: 45 }, () => bucket.reserve());
    expect(waits.every((wait) => wait === 0)).toBe(true);
    expect(bucket.reserve()).toBe(500);
  });

  it('paces requests past the ceiling at the drain rate, in order', () => {
    const bucket = new ClientLeakyBucket(planRateLimits.standard, createFakeClock(), 0);
    for (let i = 0; i < 50; i += 1) bucket.reserve();
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([500, 1000, 1500]);
  });

  it('drains with time', () => {
    const clock = createFakeClock();
    const bucket = new ClientLeakyBucket(planRateLimits.standard, clock, 0);
    for (let i = 0; i < 50; i += 1) bucket.reserve();
    clock.advance(10_000);
    expect(bucket.currentLevel()).toBe(30);
    expect(bucket.reserve()).toBe(0);
  });

  it('follows the enterprise plan: 250 at once, then 5 per second', () => {
    const bucket = new ClientLeakyBucket(planRateLimits.enterprise, createFakeClock(), 0);
    for (let i = 0; i < 250; i += 1) expect(bucket.reserve()).toBe(0);
    expect(bucket.reserve()).toBe(200);
  });

  it('assumes the portal is full after a refusal', () => {
    const bucket = new ClientLeakyBucket(planRateLimits.standard, createFakeClock());
    bucket.saturate();
    expect(bucket.reserve()).toBe(500);
    expect(bucket.slotMs()).toBe(500);
  });

  it('acquire sleeps on the injected clock', async () => {
    const clock = createFakeClock();
    const bucket = new ClientLeakyBucket({ drainPerSecond: 1, capacity: 1 }, clock, 0);
    await bucket.acquire();
    await bucket.acquire();
    expect(clock.sleeps).toEqual([1000]);
  });
});
