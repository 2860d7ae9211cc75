import type { ErrorFault, FaultSettings, LatencyDistribution } from './fault-settings.js';
import { seededRandom } from './seeded-random.js';

export type FaultDecision =
  | { kind: 'none'; latencyMs: number }
  | { kind: 'error'; latencyMs: number; fault: ErrorFault }
  | { kind: 'drop'; latencyMs: number }
  | { kind: 'timeout'; latencyMs: number; holdMs: number };

const DEFAULT_TIMEOUT_MS = 65_000;

export class FaultInjector {
  private settings: FaultSettings = {};
  private random = seededRandom(1);

  constructor(private readonly baseLatencyMs: number) {}

  configure(settings: FaultSettings): void {
    this.settings = settings;
    this.random = seededRandom(settings.seed ?? 1);
  }

  current(): FaultSettings {
    return this.settings;
  }

  clear(): void {
    this.configure({});
  }

  decide(method: string): FaultDecision {
    const latencyMs = this.baseLatencyMs + this.sampleLatency(this.settings.latency);

    if (this.roll(this.settings.dropRate)) return { kind: 'drop', latencyMs };
    if (this.roll(this.settings.timeoutRate)) {
      return { kind: 'timeout', latencyMs, holdMs: this.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS };
    }

    for (const fault of this.settings.errors ?? []) {
      if (fault.methods && !fault.methods.includes(method)) continue;
      if (this.roll(fault.rate)) return { kind: 'error', latencyMs, fault };
    }
    return { kind: 'none', latencyMs };
  }

  private roll(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.random() < rate;
  }

  private sampleLatency(latency: LatencyDistribution | undefined): number {
    if (!latency) return 0;
    if (latency.kind === 'fixed') return latency.ms;
    if (latency.kind === 'uniform') {
      return latency.minMs + this.random() * (latency.maxMs - latency.minMs);
    }

    // Box-Muller: a normal sample from two uniform ones, cut at zero.
    const u = Math.max(this.random(), Number.EPSILON);
    const v = this.random();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.max(0, latency.meanMs + normal * latency.stdDevMs);
  }
}
