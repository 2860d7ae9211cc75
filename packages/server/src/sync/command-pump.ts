import {
  type BatchSender,
  batchLimit,
  type CommandError,
  type CommandOutcome,
  type RestCommand,
} from './rest-command.js';

/** A command the portal refused inside a batch (`result_error`). */
export class CommandFailedError extends Error {
  readonly code: string;

  constructor(command: RestCommand, error: CommandError) {
    super(`${command.method}: ${error.code} ${error.description}`.trim(), { cause: error.cause });
    this.name = 'CommandFailedError';
    this.code = error.code;
  }
}

interface Pending {
  command: RestCommand;
  resolve: (outcome: CommandOutcome) => void;
  reject: (error: unknown) => void;
}

export interface CommandPumpOptions {
  /** Batch requests in flight at once. The client's leaky bucket still paces them. */
  concurrency?: number;
  signal?: AbortSignal;
}

/**
 * Packs the commands the sync asks for into as few `batch` requests as possible.
 *
 * A batch leaves when 50 commands wait and a request slot is free, or, with fewer
 * waiting, when nothing else is in flight: a half-full batch is sent only when there is
 * no answer coming that could add commands to it. Urgent commands (the companies and
 * contacts of houses already fetched) go first, so buffered houses are written soon.
 */
export class CommandPump {
  readonly #send: BatchSender;
  readonly #concurrency: number;
  readonly #signal: AbortSignal | undefined;
  readonly #urgent: Pending[] = [];
  readonly #normal: Pending[] = [];
  #inFlight = 0;
  #scheduled = false;
  #requests = 0;

  constructor(send: BatchSender, options: CommandPumpOptions = {}) {
    this.#send = send;
    this.#concurrency = options.concurrency ?? 1;
    this.#signal = options.signal;
  }

  /** Batch requests sent so far. */
  get requests(): number {
    return this.#requests;
  }

  /** Resolves with the command's outcome; rejects if it failed inside the batch. */
  run(command: RestCommand, urgent = false): Promise<CommandOutcome> {
    return new Promise((resolve, reject) => {
      (urgent ? this.#urgent : this.#normal).push({ command, resolve, reject });
      this.#schedule();
    });
  }

  /** Like `run`, but a command error resolves as an outcome instead of rejecting. */
  attempt(command: RestCommand, urgent = false): Promise<CommandOutcome> {
    return this.run(command, urgent).catch((error: unknown) => {
      if (error instanceof CommandFailedError) {
        return {
          result: null,
          total: null,
          error: { code: error.code, description: error.message },
        };
      }
      throw error;
    });
  }

  // Waiting one macrotask lets every command pushed by the same answer join one batch.
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#inFlight < this.#concurrency) {
      const waiting = this.#urgent.length + this.#normal.length;
      const full = waiting >= batchLimit;
      const idle = this.#inFlight === 0 && waiting > 0;
      if (!full && !idle) return;

      this.#sendBatch(this.#take());
    }
  }

  #take(): Pending[] {
    const taken = this.#urgent.splice(0, batchLimit);
    return taken.concat(this.#normal.splice(0, batchLimit - taken.length));
  }

  #sendBatch(batch: Pending[]): void {
    const commands = new Map(batch.map((pending, index) => [`c${index}`, pending.command]));
    this.#inFlight += 1;
    this.#requests += 1;

    this.#send(commands, this.#signal)
      .then(
        (outcomes) => this.#settle(batch, outcomes),
        (error: unknown) => {
          for (const pending of batch) pending.reject(error);
        },
      )
      .finally(() => {
        this.#inFlight -= 1;
        this.#schedule();
      });
  }

  #settle(batch: Pending[], outcomes: Map<string, CommandOutcome>): void {
    batch.forEach((pending, index) => {
      const outcome = outcomes.get(`c${index}`);
      if (!outcome) {
        pending.reject(new Error(`${pending.command.method}: no answer in the batch`));
      } else if (outcome.error) {
        pending.reject(new CommandFailedError(pending.command, outcome.error));
      } else {
        pending.resolve(outcome);
      }
    });
  }
}
