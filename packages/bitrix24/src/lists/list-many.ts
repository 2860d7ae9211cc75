import type { BatchCommands } from '../batch/batch-types.js';
import { maxBatchCommands } from '../batch/batch-types.js';
import { runCommands, type WalkerDeps } from './command-runner.js';
import { type ListProgress, type ListRow, type ListSpec, pageSize, rowsOf } from './list-types.js';

export interface ListManyOptions {
  onProgress?: (progress: ListProgress) => void;
  signal?: AbortSignal;
}

/**
 * Several small lists at the request floor: the first page of every list in one batch,
 * then every remaining page of all of them together, 50 commands per request. A portal
 * like the demo (490 houses, their companies and contacts, users, departments, fields)
 * comes in two HTTP requests.
 */
export async function listMany<K extends string>(
  deps: WalkerDeps,
  specs: Record<K, ListSpec>,
  options: ListManyOptions = {},
): Promise<Record<K, ListRow[]>> {
  const names = Object.keys(specs) as K[];
  const first = firstCommands(specs, names);
  const firstPages = await runCommands(deps, first, maxBatchCommands, options.signal);

  const totals = names.map((_name, index) => firstPages.totals[key(index, 0)] ?? 0);
  const total = totals.reduce((sum, count) => sum + count, 0);
  const done = names.reduce(
    (sum, name, index) => sum + firstRows(specs, firstPages, name, index),
    0,
  );
  options.onProgress?.({ done, total });

  const restCommands = remainingCommands(specs, names, totals);
  const rest = await runCommands(deps, restCommands, maxBatchCommands, options.signal);

  const lists = {} as Record<K, ListRow[]>;
  names.forEach((name, index) => {
    const spec = specs[name];
    const pages = [firstPages.results[key(index, 0)]];
    for (let start = pageSize; start < (totals[index] ?? 0); start += pageSize) {
      pages.push(rest.results[key(index, start)]);
    }
    lists[name] = pages.flatMap((result) => rowsOf(result, spec.itemsKey));
  });

  const delivered = Object.values<ListRow[]>(lists).reduce((sum, rows) => sum + rows.length, 0);
  options.onProgress?.({ done: delivered, total });
  return lists;
}

function key(index: number, start: number): string {
  return `list${index}_${start}`;
}

function firstCommands<K extends string>(specs: Record<K, ListSpec>, names: K[]): BatchCommands {
  const commands: BatchCommands = {};
  names.forEach((name, index) => {
    const spec = specs[name];
    commands[key(index, 0)] = { method: spec.method, params: { ...spec.params, start: 0 } };
  });
  return commands;
}

function firstRows<K extends string>(
  specs: Record<K, ListSpec>,
  firstPages: { results: Record<string, unknown> },
  name: K,
  index: number,
): number {
  return rowsOf(firstPages.results[key(index, 0)], specs[name].itemsKey).length;
}

function remainingCommands<K extends string>(
  specs: Record<K, ListSpec>,
  names: K[],
  totals: number[],
): BatchCommands {
  const commands: BatchCommands = {};
  names.forEach((name, index) => {
    const spec = specs[name];
    for (let start = pageSize; start < (totals[index] ?? 0); start += pageSize) {
      commands[key(index, start)] = { method: spec.method, params: { ...spec.params, start } };
    }
  });
  return commands;
}
