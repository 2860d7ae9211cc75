import { encodePhpQuery } from '../encoding/php-query.js';
import { clientInputError, errorFromAnswer } from '../errors/answer-error.js';
import type { Bitrix24Error } from '../errors/bitrix24-error.js';
import type { Redactor } from '../redaction/redactor.js';
import { isRestMethodName } from '../transport/method-name.js';
import { numberOrNull, type RestTime } from '../transport/rest-envelope.js';
import { type BatchCommands, type BatchResult, maxBatchCommands } from './batch-types.js';

const commandKey = /^[A-Za-z0-9_.-]+$/;

/** `{k: {method, params}}` → the batch's `cmd`: `{k: 'method?filter[%3EID]=5'}`. */
export function encodeBatchCommands(commands: BatchCommands): Record<string, string> {
  const keys = Object.keys(commands);
  if (keys.length === 0) throw clientInputError('CLIENT_EMPTY_BATCH', 'no commands', 'batch');
  if (keys.length > maxBatchCommands) {
    const text = `${keys.length} commands; a batch takes ${maxBatchCommands}, use batchAll`;
    throw clientInputError('CLIENT_BATCH_TOO_LONG', text, 'batch');
  }

  const cmd: Record<string, string> = {};
  for (const [key, command] of Object.entries(commands)) {
    if (!isRestMethodName(command.method)) {
      const text = `command "${key}" has no valid method name`;
      throw clientInputError('CLIENT_BAD_METHOD', text, 'batch');
    }
    if (!commandKey.test(key)) {
      throw clientInputError(
        'CLIENT_BAD_COMMAND_KEY',
        `command key "${key}" is not a name`,
        'batch',
      );
    }
    const query = encodePhpQuery(command.params ?? {});
    cmd[key] = query === '' ? command.method : `${command.method}?${query}`;
  }
  return cmd;
}

export interface BatchReadContext {
  redactor: Redactor;
  nowMs: number;
}

/** Reads `result: {result, result_error, result_total, result_next, result_time}`. */
export function readBatchResult(
  result: unknown,
  commands: BatchCommands,
  context: BatchReadContext,
): BatchResult {
  const parts = asRecord(result);
  const times = asRecord(parts.result_time) as Record<string, RestTime>;
  const errors: Record<string, Bitrix24Error> = {};

  for (const [key, body] of Object.entries(asRecord(parts.result_error))) {
    const fields = asRecord(body);
    const code = String(fields.error ?? '');
    const description = String(fields.error_description ?? '');
    const method = commands[key]?.method ?? null;
    errors[key] = errorFromAnswer(
      { code, description, time: null },
      { ...context, status: null, method, knownResetAt: latestResetAt(commands, times, method) },
    );
  }

  return {
    results: asRecord(parts.result),
    errors,
    totals: numbers(parts.result_total),
    nexts: numbers(parts.result_next),
    times,
  };
}

/**
 * A command's error carries no `time`; the method's `operating_reset_at` comes from the
 * commands of the same method that ran before it in the batch.
 */
function latestResetAt(
  commands: BatchCommands,
  times: Record<string, RestTime>,
  method: string | null,
): number | null {
  let latest: number | null = null;
  for (const [key, time] of Object.entries(times)) {
    if (commands[key]?.method !== method) continue;
    const resetAt = time?.operating_reset_at;
    if (typeof resetAt === 'number') latest = Math.max(latest ?? resetAt, resetAt);
  }
  return latest;
}

/**
 * PHP sends an empty map as `[]`, and a map whose keys are 0, 1, 2 ... as a list; both
 * become an object keyed like the commands.
 */
function asRecord(value: unknown): Record<string, unknown> {
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, i) => [String(i), item]));
  if (value !== null && typeof value === 'object') return value as Record<string, unknown>;
  return {};
}

function numbers(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, item] of Object.entries(asRecord(value))) {
    const number = numberOrNull(item);
    if (number !== null) out[key] = number;
  }
  return out;
}
