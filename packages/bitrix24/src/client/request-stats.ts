/** What the client has sent so far; the sync reports these for each run. */
export interface RequestStats {
  /** HTTP requests to the portal's REST endpoint, retries included; a batch counts once. */
  requests: number;
  /** Of those, requests that repeated a failed one. */
  retries: number;
  /** HTTP requests to the OAuth server for a refresh (not counted in `requests`). */
  tokenRefreshes: number;
  /** Milliseconds spent waiting for the client-side leaky bucket. */
  throttledMs: number;
  /** REST requests per method name as sent (`batch` for batches). */
  byMethod: Record<string, number>;
}

/** Told after every HTTP attempt to the portal, for live progress and accounting. */
export interface RequestEvent {
  method: string;
  /** HTTP status, or null when no answer came. */
  status: number | null;
  durationMs: number;
  /** 1 for the first attempt of a call. */
  attempt: number;
  /** The Bitrix24 error code when the attempt failed. */
  errorCode: string | null;
}

export function emptyStats(): RequestStats {
  return { requests: 0, retries: 0, tokenRefreshes: 0, throttledMs: 0, byMethod: {} };
}

export class StatsCounter {
  private stats = emptyStats();

  countRequest(method: string, attempt: number): void {
    this.stats.requests += 1;
    if (attempt > 1) this.stats.retries += 1;
    this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
  }

  countRefresh(): void {
    this.stats.tokenRefreshes += 1;
  }

  countThrottle(ms: number): void {
    this.stats.throttledMs += ms;
  }

  snapshot(): RequestStats {
    return { ...this.stats, byMethod: { ...this.stats.byMethod } };
  }

  reset(): void {
    this.stats = emptyStats();
  }
}
