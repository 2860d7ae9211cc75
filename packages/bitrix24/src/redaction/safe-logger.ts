import type { Redactor } from './redactor.js';

/** The pino-like logger a caller injects: a data object first, then the message. */
export interface Bitrix24Logger {
  debug(data: object, message: string): void;
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

type Level = keyof Bitrix24Logger;

export const silentLogger: Bitrix24Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

/**
 * The one door to the injected logger: every line gets the `bitrix24` category and goes
 * through redaction, whatever the call site put in it.
 */
export class SafeLogger implements Bitrix24Logger {
  constructor(
    private readonly target: Bitrix24Logger,
    private readonly redactor: Redactor,
  ) {}

  debug(data: object, message: string): void {
    this.write('debug', data, message);
  }

  info(data: object, message: string): void {
    this.write('info', data, message);
  }

  warn(data: object, message: string): void {
    this.write('warn', data, message);
  }

  error(data: object, message: string): void {
    this.write('error', data, message);
  }

  private write(level: Level, data: object, message: string): void {
    const safeData = this.redactor.redactValue({ category: 'bitrix24', ...data });
    try {
      this.target[level](safeData as object, this.redactor.redact(message));
    } catch {
      // A broken log destination must not fail the call it was describing.
    }
  }
}
