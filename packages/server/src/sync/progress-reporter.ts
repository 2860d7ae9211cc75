import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { ProgressListener, SyncProgress } from './sync-progress.js';
import { recordProgress } from './sync-runs.js';

const storeEveryMs = 300;
const heartbeatEveryMs = 10_000;

/**
 * Tells the CLI every change and the store (the live API) at most every 300 ms.
 * A timer keeps the heartbeat fresh while a slow request is out, so only a dead
 * process leaves a stale heartbeat.
 */
export class ProgressReporter {
  readonly #db: Kysely<Database>;
  readonly #runId: number;
  readonly #listener: ProgressListener | undefined;
  readonly #requests: () => number;
  readonly #heartbeat: NodeJS.Timeout;
  #progress: SyncProgress = { phase: 'reference', done: 0, total: 0, requests: 0 };
  #storedAt = 0;
  #writing: Promise<void> = Promise.resolve();

  constructor(options: {
    db: Kysely<Database>;
    runId: number;
    requests: () => number;
    listener?: ProgressListener;
  }) {
    this.#db = options.db;
    this.#runId = options.runId;
    this.#listener = options.listener;
    this.#requests = options.requests;
    this.#heartbeat = setInterval(() => this.#store(), heartbeatEveryMs);
    this.#heartbeat.unref();
  }

  get current(): SyncProgress {
    return this.#progress;
  }

  phase(phase: string, total: number): void {
    this.#progress = { phase, done: 0, total, requests: this.#requests() };
    this.#emit(true);
  }

  total(total: number): void {
    this.#progress = { ...this.#progress, total, requests: this.#requests() };
    this.#emit(false);
  }

  advance(by: number): void {
    const done = this.#progress.done + by;
    this.#progress = { ...this.#progress, done, requests: this.#requests() };
    this.#emit(false);
  }

  /** Stops the heartbeat and waits for the last write. */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    this.#progress = { ...this.#progress, requests: this.#requests() };
    this.#store();
    await this.#writing;
  }

  #emit(force: boolean): void {
    this.#listener?.(this.#progress);
    if (force || Date.now() - this.#storedAt >= storeEveryMs) this.#store();
  }

  // Writes are chained so an older progress never lands after a newer one.
  #store(): void {
    const progress = this.#progress;
    this.#storedAt = Date.now();
    this.#writing = this.#writing
      .then(() => recordProgress(this.#db, this.#runId, progress))
      .catch(() => {
        // Progress is advisory: a failed write must not fail the sync; the next one retries.
      });
  }
}
