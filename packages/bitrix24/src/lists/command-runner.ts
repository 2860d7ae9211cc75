import type { BatchCommands, BatchOptions, BatchResult } from '../batch/batch-types.js';
import { maxBatchCommands } from '../batch/batch-types.js';
import type { Bitrix24Error } from '../errors/bitrix24-error.js';
import type { RetryBudget } from '../retry/retry-budget.js';
import type { RestAnswer } from '../transport/rest-envelope.js';

/** What the list walkers need from the client. */
export interface WalkerDeps {
  call(method: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<RestAnswer>;
  batch(commands: BatchCommands, options: BatchOptions): Promise<BatchResult>;
  newRetryBudget(): RetryBudget;
  sleep(ms: number): Promise<void>;
}

export interface CommandResults {
  results: Record<string, unknown>;
  totals: Record<string, number>;
}

/**
 * Runs independent commands in batches of `perRequest`, without halt, and sends the
 * failed ones again when their error is retryable, within one retry budget per batch.
 */
export async function runCommands(
  deps: WalkerDeps,
  commands: BatchCommands,
  perRequest: number,
  signal?: AbortSignal,
): Promise<CommandResults> {
  const collected: CommandResults = { results: {}, totals: {} };
  const keys = Object.keys(commands);

  for (let index = 0; index < keys.length; index += perRequest) {
    const chunk = pick(commands, keys.slice(index, index + perRequest));
    await runChunk(deps, chunk, collected, signal);
  }
  return collected;
}

async function runChunk(
  deps: WalkerDeps,
  chunk: BatchCommands,
  collected: CommandResults,
  signal: AbortSignal | undefined,
): Promise<void> {
  const budget = deps.newRetryBudget();
  let pending = chunk;

  while (Object.keys(pending).length > 0) {
    const answer = await deps.batch(pending, { halt: false, signal });
    const failed: string[] = [];
    let firstError: Bitrix24Error | null = null;

    for (const key of Object.keys(pending)) {
      const error = answer.errors[key];
      if (error !== undefined) {
        failed.push(key);
        firstError ??= error;
        continue;
      }
      collected.results[key] = answer.results[key];
      const total = answer.totals[key];
      if (total !== undefined) collected.totals[key] = total;
    }
    if (firstError === null) return;

    const delayMs = budget.nextDelay(firstError);
    if (delayMs === null) throw firstError.withAttempts(budget.attempts);
    await deps.sleep(delayMs);
    pending = pick(pending, failed);
  }
}

function pick(commands: BatchCommands, keys: string[]): BatchCommands {
  return Object.fromEntries(keys.map((key) => [key, commands[key]!]));
}

export function clampPagesPerRequest(value: number | undefined): number {
  if (value === undefined) return maxBatchCommands;
  return Math.min(maxBatchCommands, Math.max(1, Math.floor(value)));
}
