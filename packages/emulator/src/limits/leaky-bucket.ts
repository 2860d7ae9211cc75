/**
 * The portal's request counter (docs: limits.md, "Request Rate Limits"): every request
 * adds one, the counter drains `drainPerSecond` each second, and a request that would
 * pass `capacity` is refused. It reads the emulator clock, so a frozen clock makes a
 * test exact and moving the clock forward drains the bucket.
 */
export interface BucketSettings {
  drainPerSecond: number;
  capacity: number;
}

export const planBuckets: Record<'standard' | 'enterprise', BucketSettings> = {
  standard: { drainPerSecond: 2, capacity: 50 },
  enterprise: { drainPerSecond: 5, capacity: 250 },
};

export class LeakyBucket {
  private level = 0;
  private drainedAtMs: number | null = null;

  constructor(
    public settings: BucketSettings,
    private readonly nowMs: () => number,
  ) {}

  /** Counts one request; false when the bucket is full and the request is refused. */
  take(): boolean {
    this.drain();
    if (this.level + 1 > this.settings.capacity) return false;

    this.level += 1;
    return true;
  }

  currentLevel(): number {
    this.drain();
    return this.level;
  }

  reset(): void {
    this.level = 0;
    this.drainedAtMs = null;
  }

  private drain(): void {
    const now = this.nowMs();
    // A clock moved backwards drains nothing rather than filling the bucket.
    const elapsedMs = this.drainedAtMs === null ? 0 : Math.max(0, now - this.drainedAtMs);
    this.level = Math.max(0, this.level - (elapsedMs / 1000) * this.settings.drainPerSecond);
    this.drainedAtMs = now;
  }
}
