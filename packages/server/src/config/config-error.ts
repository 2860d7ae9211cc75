/**
 * Thrown when the settings cannot start the service. It carries every problem found,
 * not only the first, so one start attempt shows the whole list to fix.
 */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
