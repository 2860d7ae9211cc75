import type { CommandPump } from './command-pump.js';
import type { RestCommand } from './rest-command.js';
import { laterPages, rowsOf } from './rest-command.js';

/**
 * Every row of a small list: the first page tells the count, the later pages go out
 * together (in the pump's next batch, beside whatever else is asked then). For the
 * lists AudioBot treats as reference data: fields, stages, users, departments.
 */
export async function listAll<Row>(
  pump: CommandPump,
  command: RestCommand,
  urgent = false,
): Promise<Row[]> {
  const first = await pump.run({ ...command, params: { ...command.params, start: 0 } }, urgent);
  const rows = rowsOf<Row>(first);
  // Some methods (crm.deal.userfield.list) answer everything at once, whatever `start` says.
  if (rows.length >= (first.total ?? 0)) return rows;

  const later = laterPages(command, first.total ?? 0).map((page) => pump.run(page, urgent));

  for (const page of await Promise.all(later)) rows.push(...rowsOf<Row>(page));
  return rows;
}
