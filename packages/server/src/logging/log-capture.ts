import type { DestinationStream } from 'pino';

/**
 * A log destination that keeps every line in memory: tests read it to prove what was
 * (and what was not) logged, and the start command uses none of it.
 */
export interface LogCapture extends DestinationStream {
  lines: string[];
  text(): string;
}

export function createLogCapture(): LogCapture {
  const lines: string[] = [];
  return {
    lines,
    write: (line: string) => {
      lines.push(line);
    },
    text: () => lines.join(''),
  };
}
