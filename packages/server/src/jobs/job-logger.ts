/**
 * The part of a structured logger (pino's signature, as Fastify's) that the
 * background work uses. Kept structural so that jobs, sync and doctor need no
 * particular logging library.
 */
export interface WorkLogger {
  debug(data: object, message: string): void;
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

export const silentLogger: WorkLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
