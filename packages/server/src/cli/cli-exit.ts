import { isBitrix24Error } from '@audiobot/bitrix24';

import { configProblemsOf } from '../portal/open-portal.js';

/** A failure in one line a person at the terminal can act on. */
export function describeCliError(error: unknown): string {
  if (isBitrix24Error(error)) return `${error.kind}: ${error.message}. Запустите npm run doctor.`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a command and turns its result into the exit code: invalid settings are listed
 * one per line, any other failure in one line; both exit 1.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const problems = configProblemsOf(error);
      process.stderr.write(
        problems
          ? `Настройки неверны:\n${problems.map((line) => `  - ${line}`).join('\n')}\n`
          : `Ошибка: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
