/**
 * Time as the client sees it. Tests inject a fake one so that backoff, the leaky bucket
 * and waits for a time-budget reset run instantly and exactly.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, Math.max(0, ms));
    }),
};

/** A number in [0, 1), like Math.random; injected for deterministic jitter. */
export type RandomSource = () => number;
