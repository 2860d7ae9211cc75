/**
 * The time budget of each method per caller (docs: limits.md, "Resource Intensity
 * Limits"): processing seconds are summed in one-minute baskets; a basket counts for
 * ten minutes from its first call. Once the sum passes the limit, the next call of
 * that method by that caller answers 429 OPERATION_TIME_LIMIT until enough baskets
 * have expired. `time.operating` and `time.operating_reset_at` report the state.
 */
export interface BudgetSettings {
  /** Seconds of processing allowed per window, 480 in the docs' example. */
  limitSeconds: number;
  /** How long a basket counts, 600 s on a real portal. */
  windowSeconds: number;
  /** Simulated processing seconds per call, by lower-case method name. */
  processingSeconds: Record<string, number>;
  /** Simulated processing of the other methods; null: the real time the call took. */
  defaultProcessingSeconds: number | null;
}

export const defaultBudgetSettings = (): BudgetSettings => ({
  limitSeconds: 480,
  windowSeconds: 600,
  processingSeconds: {},
  defaultProcessingSeconds: null,
});

interface Basket {
  startedAtMs: number;
  seconds: number;
}

export interface OperatingState {
  operating: number;
  /** Unix seconds when the oldest basket stops counting. */
  resetAt: number;
}

const BASKET_MS = 60_000;

export class OperatingBudget {
  private readonly baskets = new Map<string, Basket[]>();

  constructor(
    public settings: BudgetSettings,
    private readonly nowMs: () => number,
  ) {}

  isBlocked(callerKey: string, method: string): boolean {
    return this.state(callerKey, method).operating > this.settings.limitSeconds;
  }

  /** The simulated processing time of one call of `method` that really took `realSeconds`. */
  processingOf(method: string, realSeconds: number): number {
    return (
      this.settings.processingSeconds[method] ??
      this.settings.defaultProcessingSeconds ??
      realSeconds
    );
  }

  record(callerKey: string, method: string, seconds: number): OperatingState {
    const baskets = this.live(callerKey, method);
    const now = this.nowMs();
    const current = baskets.at(-1);

    if (current && now - current.startedAtMs < BASKET_MS) current.seconds += seconds;
    else baskets.push({ startedAtMs: now, seconds });

    return this.state(callerKey, method);
  }

  state(callerKey: string, method: string): OperatingState {
    const baskets = this.live(callerKey, method);
    const operating = baskets.reduce((sum, basket) => sum + basket.seconds, 0);
    const oldestStart = baskets[0]?.startedAtMs ?? this.nowMs();
    return { operating, resetAt: Math.floor((oldestStart + this.windowMs()) / 1000) };
  }

  reset(): void {
    this.baskets.clear();
  }

  private windowMs(): number {
    return this.settings.windowSeconds * 1000;
  }

  private live(callerKey: string, method: string): Basket[] {
    const key = `${callerKey}|${method}`;
    const now = this.nowMs();
    const baskets = (this.baskets.get(key) ?? []).filter(
      (basket) => now - basket.startedAtMs < this.windowMs(),
    );
    this.baskets.set(key, baskets);
    return baskets;
  }
}
