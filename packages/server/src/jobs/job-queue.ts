/**
 * The background-job contract. The in-process queue implements it today; a
 * PostgreSQL-backed queue (many workers, many portals) can implement the same
 * interface later: `idempotencyKey` maps to a unique partial index over unfinished
 * jobs, `concurrencyKey` to an advisory lock or `FOR UPDATE SKIP LOCKED`, `runAt`
 * to an indexed column the workers poll.
 */

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job<Payload = unknown> {
  id: string;
  name: string;
  payload: Payload;
  status: JobStatus;
  /** Attempts started so far (1 while the first attempt runs). */
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  idempotencyKey: string | null;
  /** Jobs sharing this key never run at the same time (e.g. one sync per portal). */
  concurrencyKey: string | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface EnqueueOptions {
  /** While a job with this key is queued or running, enqueue returns that job instead. */
  idempotencyKey?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the second attempt; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface JobContext<Payload> {
  job: Job<Payload>;
  /** Aborted when the queue stops: a handler should stop at its next checkpoint. */
  signal: AbortSignal;
}

export type JobHandler<Payload> = (payload: Payload, context: JobContext<Payload>) => Promise<void>;

export interface HandlerOptions<Payload> {
  retry?: Partial<RetryPolicy>;
  /** Decides which jobs exclude each other; e.g. `(p) => 'sync:' + p.memberId`. */
  concurrencyKey?: (payload: Payload) => string;
  /** False for an error retrying cannot fix (bad credentials, missing scope). */
  isRetryable?: (error: unknown) => boolean;
}

export interface JobQueue {
  register<Payload>(
    name: string,
    handler: JobHandler<Payload>,
    options?: HandlerOptions<Payload>,
  ): void;
  enqueue<Payload>(name: string, payload: Payload, options?: EnqueueOptions): Promise<Job<Payload>>;
  get(id: string): Promise<Job | null>;
  /** Begins running due jobs. */
  start(): void;
  /** Stops taking jobs, aborts the running ones and waits for them to return. */
  stop(): Promise<void>;
  /** Resolves when nothing is queued or running (for tests and the CLI). */
  drain(): Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 5_000,
  maxDelayMs: 5 * 60_000,
};

/** Exponential backoff with full jitter, so retries of many jobs do not line up. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);

  return Math.round(capped / 2 + (random() * capped) / 2);
}
