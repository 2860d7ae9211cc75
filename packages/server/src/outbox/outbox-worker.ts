import type { Kysely } from 'kysely';
import { type RetryPolicy, retryDelayMs, silentLogger, type WorkLogger } from '../jobs/index.js';
import type { Database } from '../store/index.js';
import type { OutboxEntry } from './outbox-entry.js';
import { outboxFailureOf } from './outbox-failure.js';
import type { OutboxOperation, PortalCaller } from './outbox-operation.js';
import {
  claimNextOutbox,
  completeOutbox,
  getOutboxEntries,
  recordOutboxFailure,
  saveOutboxResult,
} from './outbox-repository.js';

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  portal: PortalCaller;
  /** Only this portal's entries (the portal client belongs to it). */
  memberId: string;
  operations: readonly OutboxOperation[];
  logger?: WorkLogger;
  retry?: Partial<RetryPolicy>;
  /** How long a claimed entry is ours; past it another run takes it for crashed. */
  leaseMs?: number;
  /** How often `start()` looks for due entries. */
  pollMs?: number;
  now?: () => Date;
  random?: () => number;
}

export interface OutboxRunSummary {
  attempted: number;
  done: number;
  retried: number;
  failed: number;
  /** Runs whose payload was replaced while they ran: the entry runs again for the new one. */
  replaced: number;
}

/**
 * The Bitrix24 client retries a call within one attempt (seconds); these retries are
 * for longer troubles: an outage of hours still ends in the write, not in a loss.
 */
export const defaultOutboxRetry: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 5_000,
  maxDelayMs: 30 * 60_000,
};

export const defaultOutboxLeaseMs = 5 * 60_000;

/** Carries out the outbox entries of one portal, one at a time. */
export class OutboxWorker {
  readonly #options: OutboxWorkerOptions;
  readonly #operations: Map<string, OutboxOperation>;
  readonly #retry: RetryPolicy;
  readonly #logger: WorkLogger;
  readonly #abort = new AbortController();
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<OutboxRunSummary> | null = null;

  constructor(options: OutboxWorkerOptions) {
    this.#options = options;
    this.#operations = new Map(options.operations.map((operation) => [operation.kind, operation]));
    this.#retry = { ...defaultOutboxRetry, ...options.retry };
    this.#logger = options.logger ?? silentLogger;
  }

  /** Runs every entry due now (the given ones only, when `only` is set), then returns. */
  runDue(only?: readonly number[]): Promise<OutboxRunSummary> {
    // One pass at a time: a second caller waits for the current pass and then runs its own.
    const previous = this.#running ?? Promise.resolve(emptySummary());
    const pass = previous.then(() => this.#pass(only));
    this.#running = pass.finally(() => {
      if (this.#running === pass) this.#running = null;
    });
    return pass;
  }

  /**
   * Runs the given entries until each is done or failed, waiting out their retry delays,
   * for at most `timeoutMs`. Returns them as they are then (some may still be pending).
   */
  async settle(ids: readonly number[], timeoutMs: number): Promise<OutboxEntry[]> {
    const deadline = this.#now().getTime() + timeoutMs;

    for (;;) {
      await this.runDue(ids);
      const entries = await getOutboxEntries(this.#options.db, ids);
      const open = entries.filter(
        (entry) => entry.status === 'pending' || entry.status === 'running',
      );
      if (open.length === 0 || this.#now().getTime() >= deadline) return entries;

      const next = Math.min(...open.map((entry) => waitUntil(entry)));
      const wait = Math.max(50, Math.min(next, deadline) - this.#now().getTime());
      await sleep(wait, this.#abort.signal);
      if (this.#abort.signal.aborted) return entries;
    }
  }

  /** Polls for due entries until `stop()`. */
  start(): void {
    const tick = () => {
      this.runDue()
        .catch((error: unknown) => {
          this.#logger.error({ category: 'outbox', error: String(error) }, 'outbox pass failed');
        })
        .finally(() => {
          if (this.#abort.signal.aborted) return;
          this.#timer = setTimeout(tick, this.#options.pollMs ?? 5_000);
          this.#timer.unref();
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  async #pass(only?: readonly number[]): Promise<OutboxRunSummary> {
    const summary = emptySummary();

    while (!this.#abort.signal.aborted) {
      const entry = await claimNextOutbox(this.#options.db, {
        memberId: this.#options.memberId,
        now: this.#now(),
        leaseMs: this.#options.leaseMs ?? defaultOutboxLeaseMs,
        ...(only ? { only } : {}),
      });
      if (!entry) break;

      summary.attempted += 1;
      summary[await this.#attempt(entry)] += 1;
    }
    return summary;
  }

  async #attempt(entry: OutboxEntry): Promise<'done' | 'replaced' | 'retried' | 'failed'> {
    const { db } = this.#options;
    const data = {
      category: 'outbox',
      outboxId: entry.id,
      kind: entry.kind,
      attempt: entry.attempts,
    };

    try {
      const operation = this.#operations.get(entry.kind);
      if (!operation) throw new Error(`No outbox operation for kind "${entry.kind}"`);

      const result = await operation.execute(
        { ...entry, payload: operation.parse(entry.payload) },
        {
          portal: this.#options.portal,
          signal: this.#abort.signal,
          logger: this.#logger,
          saveResult: (value) => saveOutboxResult(db, entry.id, value, this.#now()),
        },
      );
      if (!(await completeOutbox(db, entry, result, this.#now()))) return 'replaced';
      this.#logger.info({ ...data, key: entry.idempotencyKey }, 'outbox entry done');
      return 'done';
    } catch (error) {
      return this.#fail(entry, error, data);
    }
  }

  async #fail(entry: OutboxEntry, error: unknown, data: object): Promise<'retried' | 'failed'> {
    if (this.#abort.signal.aborted) return this.#interrupted(entry, data);

    const failure = outboxFailureOf(error);
    const retry = failure.retryable && entry.attempts < this.#retry.maxAttempts;
    const delay = Math.max(
      retryDelayMs(this.#retry, entry.attempts, this.#options.random),
      failure.notBeforeMs,
    );
    const retryAt = retry ? new Date(this.#now().getTime() + delay) : null;

    await recordOutboxFailure(this.#options.db, entry, { ...failure, retryAt }, this.#now());
    const logData = { ...data, code: failure.code, error: failure.message };
    if (retry) this.#logger.warn({ ...logData, retryInMs: delay }, 'outbox entry retried');
    else this.#logger.error(logData, 'outbox entry failed');
    return retry ? 'retried' : 'failed';
  }

  /** `stop()` cut the attempt short: due again at once, the attempt not held against it. */
  async #interrupted(entry: OutboxEntry, data: object): Promise<'retried'> {
    const failure = {
      code: 'outbox_interrupted',
      message: 'The worker stopped during the attempt',
      retryAt: this.#now(),
    };
    await recordOutboxFailure(this.#options.db, entry, failure, this.#now());
    this.#logger.warn(data, 'outbox entry interrupted');
    return 'retried';
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }
}

function emptySummary(): OutboxRunSummary {
  return { attempted: 0, done: 0, retried: 0, failed: 0, replaced: 0 };
}

function waitUntil(entry: OutboxEntry): number {
  const at = entry.status === 'running' ? entry.lockedUntil : entry.nextAttemptAt;
  return at ? new Date(at).getTime() : Date.now();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
