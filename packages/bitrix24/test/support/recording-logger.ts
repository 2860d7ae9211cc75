import type { Bitrix24Logger } from '../../src/index.js';

export interface LogLine {
  level: string;
  data: object;
  message: string;
}

/** A logger that keeps every line, to search them for secrets. */
export function recordingLogger(): Bitrix24Logger & { lines: LogLine[]; text(): string } {
  const lines: LogLine[] = [];
  const write = (level: string) => (data: object, message: string) => {
    lines.push({ level, data, message });
  };
  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    text: () => lines.map((line) => `${line.message} ${JSON.stringify(line.data)}`).join('\n'),
  };
}
