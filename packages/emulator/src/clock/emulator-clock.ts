/**
 * The emulator's own clock. Token lifetimes, the leaky bucket, the time budget and the
 * `time` envelope all read it, so a test can move time and get deterministic answers.
 *
 * It runs at real speed from its start time, unless frozen: a frozen clock only moves
 * when told to, which is what a test of the rate limit wants.
 */
export class EmulatorClock {
  private offsetMs: number;
  private frozenAtMs: number | null = null;

  private readonly startMs: number;

  constructor(start: Date = new Date()) {
    this.startMs = start.getTime();
    this.offsetMs = this.startMs - Date.now();
  }

  /** Back to the start time, running. */
  reset(): void {
    this.frozenAtMs = null;
    this.offsetMs = this.startMs - Date.now();
  }

  nowMs(): number {
    return this.frozenAtMs ?? Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Unix time in seconds with microsecond fraction, like PHP's `microtime(true)`. */
  nowSeconds(): number {
    return this.nowMs() / 1000;
  }

  isFrozen(): boolean {
    return this.frozenAtMs !== null;
  }

  set(to: Date): void {
    if (this.frozenAtMs !== null) this.frozenAtMs = to.getTime();
    else this.offsetMs = to.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.set(new Date(this.nowMs() + ms));
  }

  freeze(): void {
    this.frozenAtMs = this.nowMs();
  }

  unfreeze(): void {
    if (this.frozenAtMs === null) return;
    this.offsetMs = this.frozenAtMs - Date.now();
    this.frozenAtMs = null;
  }
}
