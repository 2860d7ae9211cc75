import { randomUUID } from 'node:crypto';
import type { WorkLogger } from './job-logger.js';
import { silentLogger } from './job-logger.js';
import {
  defaultRetryPolicy,
  type EnqueueOptions,
  type HandlerOptions,
  type Job,
  type JobHandler,
  type JobQueue,
  type RetryPolicy,
  retryDelayMs,
} from './job-queue.js';

export interface InProcessQueueOptions {
  logger?: WorkLogger;
  /** Jobs run at the same time across all keys. */
  concurrency?: number;
  /** Finished jobs kept for `get`. */
  keepFinished?: number;
  random?: () => number;
}

interface Registration {
  handler: JobHandler<unknown>;
  retry: RetryPolicy;
  concurrencyKey: (payload: unknown) => string | null;
  isRetryable: (error: unknown) => boolean;
}

// setTimeout cannot wait longer than 2^31-1 ms; a far runAt is re-checked instead.
const maxTimerMs = 2 ** 31 - 1;

/**
 * Jobs in memory, run in this process. Lost when the process exits: the sync
 * it runs keeps its own checkpoints in the store, so a lost job costs a rerun, not
 * data. Order: due time, then enqueue order.
 */
export class InProcessQueue implements JobQueue {
  readonly #registrations = new Map<string, Registration>();
  readonly #jobs = new Map<string, Job>();
  readonly #running = new Map<string, { promise: Promise<void>; abort: AbortController }>();
  readonly #idle = new Set<() => void>();
  readonly #logger: WorkLogger;
  readonly #concurrency: number;
  readonly #keepFinished: number;
  readonly #random: () => number;
  #timer: NodeJS.Timeout | null = null;
  #started = false;

  constructor(options: InProcessQueueOptions = {}) {
    this.#logger = options.logger ?? silentLogger;
    this.#concurrency = options.concurrency ?? 4;
    this.#keepFinished = options.keepFinished ?? 200;
    this.#random = options.random ?? Math.random;
  }

  register<Payload>(
    name: string,
    handler: JobHandler<Payload>,
    options: HandlerOptions<Payload> = {},
  ): void {
    const keyOf = options.concurrencyKey;

    this.#registrations.set(name, {
      handler: handler as JobHandler<unknown>,
      retry: { ...defaultRetryPolicy, ...options.retry },
      concurrencyKey: keyOf ? (payload) => keyOf(payload as Payload) : () => null,
      isRetryable: options.isRetryable ?? (() => true),
    });
  }

  async enqueue<Payload>(
    name: string,
    payload: Payload,
    options: EnqueueOptions = {},
  ): Promise<Job<Payload>> {
    const registration = this.#registrations.get(name);
    if (!registration) throw new Error(`No handler registered for job "${name}"`);

    const duplicate = options.idempotencyKey ? this.#unfinished(options.idempotencyKey) : null;
    if (duplicate) return duplicate as Job<Payload>;

    const job: Job<Payload> = {
      id: randomUUID(),
      name,
      payload,
      status: 'queued',
      attempts: 0,
      maxAttempts: registration.retry.maxAttempts,
      runAt: options.runAt ?? new Date(),
      idempotencyKey: options.idempotencyKey ?? null,
      concurrencyKey: registration.concurrencyKey(payload),
      lastError: null,
      createdAt: new Date(),
      finishedAt: null,
    };
    this.#jobs.set(job.id, job as Job);
    this.#logger.debug({ category: 'jobs', jobId: job.id, job: name }, 'job queued');

    this.#pump();
    return job;
  }

  async get(id: string): Promise<Job | null> {
    return this.#jobs.get(id) ?? null;
  }

  start(): void {
    this.#started = true;
    this.#pump();
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#clearTimer();

    for (const { abort } of this.#running.values()) abort.abort();
    await Promise.allSettled([...this.#running.values()].map((run) => run.promise));
  }

  drain(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();

    return new Promise((resolve) => this.#idle.add(resolve));
  }

  #unfinished(idempotencyKey: string): Job | null {
    for (const job of this.#jobs.values()) {
      const open = job.status === 'queued' || job.status === 'running';
      if (open && job.idempotencyKey === idempotencyKey) return job;
    }
    return null;
  }

  /** Idle: nothing runs and, while started, nothing waits either. */
  #isIdle(): boolean {
    if (this.#running.size > 0) return false;
    if (!this.#started) return true;

    return ![...this.#jobs.values()].some((job) => job.status === 'queued');
  }

  /** Starts every job that is due and allowed to run, then waits for the next one. */
  #pump(): void {
    if (!this.#started) return;
    this.#clearTimer();

    for (const job of this.#runnable()) {
      if (this.#running.size >= this.#concurrency) break;
      this.#run(job);
    }

    this.#armTimer();
    this.#notifyIdle();
  }

  #runnable(): Job[] {
    const now = Date.now();
    const busyKeys = new Set<string>();
    for (const id of this.#running.keys()) {
      const key = this.#jobs.get(id)?.concurrencyKey;
      if (key) busyKeys.add(key);
    }
    const due = [...this.#jobs.values()]
      .filter((job) => job.status === 'queued' && job.runAt.getTime() <= now)
      .sort((a, b) => a.runAt.getTime() - b.runAt.getTime());

    const chosen: Job[] = [];
    for (const job of due) {
      if (job.concurrencyKey !== null && busyKeys.has(job.concurrencyKey)) continue;
      if (job.concurrencyKey !== null) busyKeys.add(job.concurrencyKey);
      chosen.push(job);
    }
    return chosen;
  }

  #run(job: Job): void {
    const registration = this.#registrations.get(job.name)!;
    const abort = new AbortController();

    job.status = 'running';
    job.attempts += 1;
    const attempt = Promise.resolve().then(() =>
      registration.handler(job.payload, { job, signal: abort.signal }),
    );
    const promise = attempt.then(
      () => this.#succeed(job),
      (error: unknown) => this.#fail(job, registration, error, abort.signal.aborted),
    );

    this.#running.set(job.id, { promise, abort });
  }

  #succeed(job: Job): void {
    job.status = 'succeeded';
    job.finishedAt = new Date();
    this.#logger.info({ category: 'jobs', jobId: job.id, job: job.name }, 'job succeeded');
    this.#settle(job);
  }

  #fail(job: Job, registration: Registration, error: unknown, aborted: boolean): void {
    job.lastError = error instanceof Error ? error.message : String(error);
    const retry = !aborted && job.attempts < job.maxAttempts && registration.isRetryable(error);
    const data = { category: 'jobs', jobId: job.id, job: job.name, attempt: job.attempts };

    if (retry) {
      const delay = retryDelayMs(registration.retry, job.attempts, this.#random);
      job.status = 'queued';
      job.runAt = new Date(Date.now() + delay);
      this.#logger.warn({ ...data, error: job.lastError, retryInMs: delay }, 'job retried');
    } else {
      job.status = 'failed';
      job.finishedAt = new Date();
      this.#logger.error({ ...data, error: job.lastError }, 'job failed');
    }
    this.#settle(job);
  }

  #settle(job: Job): void {
    this.#running.delete(job.id);
    this.#forgetOldJobs();
    this.#pump();
    this.#notifyIdle();
  }

  #forgetOldJobs(): void {
    const finished = [...this.#jobs.values()].filter((job) => job.finishedAt !== null);

    for (const job of finished.slice(0, Math.max(0, finished.length - this.#keepFinished))) {
      this.#jobs.delete(job.id);
    }
  }

  #armTimer(): void {
    const waiting = [...this.#jobs.values()].filter((job) => job.status === 'queued');
    if (waiting.length === 0) return;

    const next = Math.min(...waiting.map((job) => job.runAt.getTime()));
    const delay = Math.min(maxTimerMs, Math.max(0, next - Date.now()));
    this.#timer = setTimeout(() => this.#pump(), delay);
    this.#timer.unref();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #notifyIdle(): void {
    if (!this.#isIdle()) return;

    for (const resolve of this.#idle) resolve();
    this.#idle.clear();
  }
}
