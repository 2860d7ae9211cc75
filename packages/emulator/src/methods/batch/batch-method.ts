import { RestError, restErrors } from '../../errors/rest-error.js';
import { timeBlock } from '../../transport/envelope.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { runMethod } from '../method-runner.js';
import { flag, param } from '../params.js';
import { commandParams, readCommands } from './batch-command.js';
import { type BatchAnswers, resolveReferences } from './batch-references.js';

/**
 * `batch`: up to 50 commands in one request, counted once by the rate limit; further
 * commands and nested batches fail in `result_error` (docs:
 * settings/how-to-call-rest-api/batch.md).
 */
export const BATCH_MAX_COMMANDS = 50;

/** PHP's json_encode: a list keyed 0..n-1 (or an empty one) is a JSON array. */
function phpJson(container: Record<string, unknown>): unknown {
  const keys = Object.keys(container);
  const isList = keys.every((key, index) => key === String(index));
  return isList ? Object.values(container) : container;
}

function runCommand(context: MethodContext, method: string, params: Params) {
  if (method === 'batch') throw restErrors.batchMethodNotAllowed();
  return runMethod(context.portal, context.caller, method, params, true);
}

async function batch(context: MethodContext, params: Params) {
  const halt = flag(param(params, 'halt'));
  const answers: BatchAnswers = { result: {}, next: {}, total: {}, time: {}, error: {} };
  const timeZone = context.portal.state.portal.timeZone;

  for (const [index, command] of readCommands(param(params, 'cmd')).entries()) {
    if (index >= BATCH_MAX_COMMANDS) {
      answers.error[command.key] = restErrors.batchLengthExceeded().toBody();
      continue;
    }

    const startMs = context.portal.clock.nowMs();
    const startedAt = performance.now();
    try {
      const resolved = resolveReferences(commandParams(command), answers) as Params;
      const run = await runCommand(context, command.method, resolved);

      answers.result[command.key] = run.answer.result;
      if (run.answer.total !== undefined) answers.total[command.key] = run.answer.total;
      if (run.answer.next !== undefined) answers.next[command.key] = run.answer.next;
      answers.time[command.key] = timeBlock({
        startMs,
        finishMs: startMs + (performance.now() - startedAt),
        processing: run.processing,
        operating: run.operating.operating,
        resetAt: run.operating.resetAt,
        timeZone,
      });
    } catch (error) {
      if (!(error instanceof RestError)) throw error;
      answers.error[command.key] = error.toBody();
      if (halt) break;
    }
  }

  return {
    result: {
      result: phpJson(answers.result),
      result_error: phpJson(answers.error),
      result_total: phpJson(answers.total),
      result_next: phpJson(answers.next),
      result_time: phpJson(answers.time),
    },
  };
}

export const batchMethods = defineMethods(null, { batch });
