import type { Clock } from '../../src/index.js';

/** A clock that only moves when slept on: waits are instant and recorded. */
export interface FakeClock extends Clock {
  sleeps: number[];
  advance(ms: number): void;
}

export function createFakeClock(startMs = 1_700_000_000_000): FakeClock {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** A random source that repeats the given values. */
export function fixedRandom(...values: number[]): () => number {
  let index = 0;
  return () => {
    const value = values[index % values.length] ?? 0.5;
    index += 1;
    return value;
  };
}
