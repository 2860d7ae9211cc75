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
 * The same bucket kept on the client side, so the client waits before the portal would
 * refuse instead of collecting 503s. A request reserves its slot when it asks, before it
 * waits, so concurrent callers queue in order. The client fills its bucket earlier than
 * the portal does (the portal counts on arrival), which keeps it on the safe side.
 */
export class ClientLeakyBucket {
  private level = 0;
  private updatedAt: number | null = null;

  constructor(
    readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  /** Waits until one more request fits under the portal's limit, and counts it. */
  async acquire(): Promise<void> {
    const waitMs = this.reserve();
    if (waitMs > 0) await this.clock.sleep(waitMs);
  }

  /** Reserves a slot and says how long to wait for it; exposed for tests. */
  reserve(): number {
    this.drain();
    const overflow = this.level + 1 - this.limit.capacity;
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
    this.level = Math.max(this.level, this.limit.capacity);
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
