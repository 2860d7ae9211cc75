import { channel } from 'node:diagnostics_channel';

import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';

import type { SecretRedactor } from './secret-redactor.js';

/**
 * Log categories: the first thing a reader filters by. Each line also carries the ids
 * of what it is about (`reqId`, `houseId`, `syncRunId`, `method`).
 */
export type LogCategory =
  | 'http'
  | 'auth'
  | 'api'
  | 'sync'
  | 'jobs'
  | 'portal'
  | 'bitrix24'
  | 'doctor'
  | 'dispatch'
  | 'start';

export type AppLogger = Logger;

/**
 * Every line any AudioBot logger writes, after redaction, for in-process observers (the
 * test suite's leak scan; an operator's agent). Like Fastify's and undici's channels it
 * costs nothing while no one subscribes.
 */
export const LOG_LINE_CHANNEL = 'audiobot.log.line';

const logLines = channel(LOG_LINE_CHANNEL);

export interface LoggerOptions {
  level?: LevelWithSilent;
  redactor: SecretRedactor;
  /** Where lines go; standard output by default. Tests pass a collecting stream. */
  destination?: DestinationStream;
}

/**
 * A pino logger whose every serialized line passes through the redactor before it is
 * written: whatever a caller logs (an error from the Bitrix24 client with a webhook
 * URL inside, a request URL with a token) cannot carry a secret out.
 */
export function createLogger(options: LoggerOptions): AppLogger {
  const destination = options.destination ?? pino.destination({ sync: false });
  const redacting: DestinationStream = {
    write: (line: string) => {
      const redacted = options.redactor.redact(line);
      if (logLines.hasSubscribers) logLines.publish(redacted);
      destination.write(redacted);
    },
  };

  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      mixin: (_data, _level, logger) => ({ category: categoryOf(logger) }),
      serializers: { req: serializeRequest, res: serializeReply, err: pino.stdSerializers.err },
    },
    redacting,
  );
}

// The category rides on the logger object, not in its bindings: a caller that also puts
// a `category` into a line's data then overrides it instead of writing the key twice.
const CATEGORY = Symbol('log category');

type Categorized = { [CATEGORY]?: string };

export function categoryLogger(logger: AppLogger, category: LogCategory): AppLogger {
  const child = logger.child({});
  (child as Categorized)[CATEGORY] = category;
  return child;
}

function categoryOf(logger: unknown): string | undefined {
  return (logger as Categorized)[CATEGORY];
}

interface LoggedRequest {
  id?: string;
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
}

// Headers are never logged: they hold cookies and Authorization.
function serializeRequest(request: LoggedRequest): Record<string, unknown> {
  return { method: request.method, url: request.url, route: request.routeOptions?.url };
}

function serializeReply(reply: { statusCode?: number }): Record<string, unknown> {
  return { statusCode: reply.statusCode };
}
