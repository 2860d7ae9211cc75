import type { Bitrix24Client } from '@audiobot/bitrix24';
import type { BatchSender, CommandOutcome } from '../sync/rest-command.js';

/**
 * The sync's and doctor's way to the portal: one `batch` request through the client,
 * which paces it with the leaky bucket, retries 503/5xx and refreshes tokens. A
 * command's own error comes back in its outcome, with the client's classification.
 */
export function batchSenderOf(client: Bitrix24Client): BatchSender {
  return async (commands, signal) => {
    const answer = await client.batch(Object.fromEntries(commands), { signal });
    const outcomes = new Map<string, CommandOutcome>();

    for (const key of commands.keys()) {
      const error = answer.errors[key];
      outcomes.set(key, {
        result: error ? null : (answer.results[key] ?? null),
        total: answer.totals[key] ?? null,
        error: error ? { code: error.code, description: error.description, cause: error } : null,
        operating: answer.times[key]?.operating ?? null,
      });
    }
    return outcomes;
  };
}
