import { parsePhpQuery } from '../../http/incoming-request.js';

/** One command of `batch`: `"crm.deal.list?filter[>ID]=5&select[]=ID"`. */
export interface BatchCommand {
  key: string;
  method: string;
  query: string;
}

export function readCommands(cmd: unknown): BatchCommand[] {
  if (!cmd || typeof cmd !== 'object') return [];

  return Object.entries(cmd).map(([key, value]) => {
    const text = String(value ?? '');
    const mark = text.indexOf('?');
    const method = (mark === -1 ? text : text.slice(0, mark)).trim().toLowerCase();
    return { key, method, query: mark === -1 ? '' : text.slice(mark + 1) };
  });
}

/** The methods a batch carries, for the request log. */
export function commandMethods(cmd: unknown): string[] {
  return readCommands(cmd).map((command) => command.method);
}

export function commandParams(command: BatchCommand): Record<string, unknown> {
  return parsePhpQuery(command.query);
}
