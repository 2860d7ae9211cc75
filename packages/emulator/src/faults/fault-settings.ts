/**
 * Faults the control API can inject into REST calls, to test a client's retries:
 * added latency, error answers at a rate, dropped connections and hung requests.
 */
export type LatencyDistribution =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  | { kind: 'normal'; meanMs: number; stdDevMs: number };

export interface ErrorFault {
  /** HTTP status to answer, e.g. 503, 500, 502. */
  status: number;
  /** Share of calls, 0..1. */
  rate: number;
  /** Error code in the body; by default the one a portal sends with that status. */
  error?: string;
  /** Lower-case method names it applies to; all methods when absent. */
  methods?: string[];
}

export interface FaultSettings {
  latency?: LatencyDistribution;
  errors?: ErrorFault[];
  /** Share of calls whose connection is closed without an answer. */
  dropRate?: number;
  /** Share of calls held `timeoutMs` and then closed without an answer. */
  timeoutRate?: number;
  timeoutMs?: number;
  /** Seed of the fault decisions; the same seed gives the same sequence. */
  seed?: number;
}
