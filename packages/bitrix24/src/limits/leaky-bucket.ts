import type { Clock } from '../runtime/clock.js';

/**
 * The portal's request limit (docs: limits.md): every request adds one to a counter that
 * drains `drainPerSecond` each second; above `capacity` the portal answers 503. A batch
 * counts once.
 */
export interface RateLimit {
  drainPerSecond: number;
  capacity: number;
}

export type PortalPlan = 'standard' | 'enterprise';

export const planRateLimits: Record<PortalPlan, RateLimit> = {
  standard: { drainPerSecond: 2, capacity: 50 },
  enterprise: { drainPerSecond: 5, capacity: 250 },
};

/**
 * Requests kept free below the portal's capacity by default: 10 %, at least one. The
 * portal counts a request when it arrives, and arrivals bunch up (a burst that waited
 * for connections lands late, the paced requests after it land on time), so a client
 * filling the bucket to the brim would still see the odd 503. Other clients on the same
 * IP share the portal's counter too.
 */
export function defaultHeadroom(limit: RateLimit): number {
  return Math.max(1, Math.ceil(limit.capacity * 0.1));
}

/**
 * The same bucket kept on the client side, so the client waits before the portal would
 * refuse instead of collecting 503s. A request reserves its slot when it asks, before it
 * waits, so concurrent callers queue in order.
 */
export class ClientLeakyBucket {
  private level = 0;
  private updatedAt: number | null = null;
  /** The level the client lets its bucket reach: the portal's capacity minus headroom. */
  readonly ceiling: number;

  constructor(
    readonly limit: RateLimit,
    private readonly clock: Clock,
    headroom = defaultHeadroom(limit),
  ) {
    this.ceiling = Math.max(1, limit.capacity - headroom);
  }

  /** Waits until one more request fits under the portal's limit, and counts it. */
  async acquire(): Promise<void> {
    const waitMs = this.reserve();
    if (waitMs > 0) await this.clock.sleep(waitMs);
  }

  /** Reserves a slot and says how long to wait for it; exposed for tests. */
  reserve(): number {
    this.drain();
    const overflow = this.level + 1 - this.ceiling;
    this.level += 1;

    return overflow <= 0 ? 0 : Math.ceil((overflow / this.limit.drainPerSecond) * 1000);
  }

  /**
   * The portal refused for rate: its counter is fuller than ours (another client on the
   * same IP, or an earlier run). Assume it is full, so the next requests pace at the
   * drain rate.
   */
  saturate(): void {
    this.drain();
    this.level = Math.max(this.level, this.ceiling);
  }

  currentLevel(): number {
    this.drain();
    return this.level;
  }

  /** Milliseconds one slot takes to drain: the shortest sensible wait after a 503. */
  slotMs(): number {
    return Math.ceil(1000 / this.limit.drainPerSecond);
  }

  private drain(): void {
    const now = this.clock.now();
    const elapsedMs = this.updatedAt === null ? 0 : Math.max(0, now - this.updatedAt);
    this.level = Math.max(0, this.level - (elapsedMs / 1000) * this.limit.drainPerSecond);
    this.updatedAt = now;
  }
}
