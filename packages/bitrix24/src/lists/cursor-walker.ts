import type { BatchCommands, BatchResult } from '../batch/batch-types.js';
import { clientInputError } from '../errors/answer-error.js';
import type { Bitrix24Error } from '../errors/bitrix24-error.js';
import { clampPagesPerRequest, type WalkerDeps } from './command-runner.js';
import { type ListOptions, type ListPage, type ListRow, pageSize, rowsOf } from './list-types.js';
import { report } from './offset-walker.js';

const countKey = 'count';

interface Cursor {
  method: string;
  params: Record<string, unknown>;
  idField: string;
  filterIdField: string;
  itemsKey: string | undefined;
  pages: number;
}

interface ChainOutcome {
  rows: ListRow[];
  finished: boolean;
  error: Bitrix24Error | null;
}

/**
 * The id cursor of docs: performance/huge-data.md — `order {ID: ASC}`, `filter {>ID: last}`,
 * `start: -1`, stop at a page shorter than 50 — with the pages of one batch chained by
 * reference: page n filters `>ID` by `$result[page_{n-1}][49][ID]`, the last row of the
 * page before. One HTTP request thus brings up to 2 500 rows, and the portal never counts.
 *
 * Past the last page a reference has nothing to point at: a real portal substitutes what
 * it could resolve (the short page's array, CRestUtil::processBatchElement), the emulator
 * an empty string, and either way the later commands return rows from the list's start.
 * The walk stops at the first short page and ignores them; `remainingRows` keeps them few.
 */
export async function* walkCursor(
  deps: WalkerDeps,
  method: string,
  params: Record<string, unknown>,
  options: ListOptions,
): AsyncGenerator<ListPage> {
  const cursor = cursorOf(method, params, options);
  let lastId = options.afterId ?? 0;
  let total: number | null = null;
  let wantTotal = options.withTotal === true;
  let done = 0;
  let budget = deps.newRetryBudget();

  for (;;) {
    const remaining = remainingRows(options, total, done);
    const commands = chainCommands(cursor, lastId, wantTotal, remaining);
    const answer = await deps.batch(commands, { halt: true, signal: options.signal });

    const countError = wantTotal ? answer.errors[countKey] : undefined;
    if (wantTotal && countError === undefined) {
      total = answer.totals[countKey] ?? null;
      wantTotal = false;
    }

    const outcome = countError === undefined ? readChain(cursor, answer) : failed(countError);
    done += outcome.rows.length;
    lastId = lastIdOf(cursor, outcome.rows) ?? lastId;
    if (outcome.rows.length > 0 || outcome.finished) {
      yield report(options, { items: outcome.rows, done, total, lastId });
    }
    if (outcome.finished) return;

    if (outcome.error === null) {
      budget = deps.newRetryBudget();
      continue;
    }
    const delayMs = budget.nextDelay(outcome.error);
    if (delayMs === null) throw outcome.error.withAttempts(budget.attempts);
    await deps.sleep(delayMs);
  }
}

function cursorOf(method: string, params: Record<string, unknown>, options: ListOptions): Cursor {
  const filterIdField = options.filterIdField ?? 'ID';
  return {
    method,
    params: withIdSelected(params, filterIdField),
    idField: options.idField ?? 'ID',
    filterIdField,
    itemsKey: options.itemsKey,
    pages: clampPagesPerRequest(options.pagesPerRequest),
  };
}

/**
 * The cursor reads each row's id, so a `select` without it gets it added, by its request
 * name (`ID` even where rows come back camelCase, as in tasks.task.list).
 */
function withIdSelected(params: Record<string, unknown>, idField: string) {
  const select = params.select;
  if (!Array.isArray(select) || select.length === 0) return params;

  const wanted = idField.toUpperCase();
  const present = select.some((field) => field === '*' || String(field).toUpperCase() === wanted);
  return present ? params : { ...params, select: [...select, idField] };
}

/**
 * Rows still to come, when known: from the count (a walk from the start) or the caller's
 * `expectedRows`. It sizes the chain, because past the last page a real portal resolves
 * the reference to a whole page array and the remaining commands return rows from the
 * list's start again: correct (they are ignored) but wasted transfer and time budget.
 */
function remainingRows(options: ListOptions, total: number | null, done: number) {
  if (total !== null && options.afterId === undefined) return total - done;
  if (options.expectedRows !== undefined) return options.expectedRows - done;
  return null;
}

/** Enough pages for the rows expected, one to find the end, one for rows added meanwhile. */
function chainLength(cursor: Cursor, remaining: number | null, withCount: boolean): number {
  const room = withCount ? cursor.pages - 1 : cursor.pages;
  const needed = remaining === null ? room : Math.floor(Math.max(0, remaining) / pageSize) + 2;
  return Math.max(1, Math.min(room, needed));
}

function chainCommands(
  cursor: Cursor,
  lastId: number,
  withCount: boolean,
  remaining: number | null,
): BatchCommands {
  const commands: BatchCommands = {};
  if (withCount) commands[countKey] = countCommand(cursor);

  const pages = chainLength(cursor, remaining, withCount);
  for (let page = 0; page < pages; page += 1) {
    const after = page === 0 ? lastId : reference(cursor, page - 1);
    commands[`page_${page}`] = { method: cursor.method, params: pageParams(cursor, after) };
  }
  return commands;
}

/** `$result[page_3][49][ID]`, or `$result[page_3][tasks][49][id]` for wrapped rows. */
function reference(cursor: Cursor, page: number): string {
  const wrap = cursor.itemsKey === undefined ? '' : `[${cursor.itemsKey}]`;
  return `$result[page_${page}]${wrap}[${pageSize - 1}][${cursor.idField}]`;
}

function pageParams(cursor: Cursor, after: number | string): Record<string, unknown> {
  const filter = (cursor.params.filter ?? {}) as Record<string, unknown>;
  return {
    ...cursor.params,
    order: { [cursor.filterIdField]: 'ASC' },
    filter: { ...filter, [`>${cursor.filterIdField}`]: after },
    start: -1,
  };
}

/** The same list from the start with the count on, one id per row, for `total` only. */
function countCommand(cursor: Cursor) {
  return {
    method: cursor.method,
    params: { ...cursor.params, select: [cursor.idField], start: 0 },
  };
}

function readChain(cursor: Cursor, answer: BatchResult): ChainOutcome {
  const rows: ListRow[] = [];
  for (let page = 0; page < cursor.pages; page += 1) {
    const key = `page_${page}`;
    const error = answer.errors[key];
    if (error !== undefined) return { rows, finished: false, error };
    if (!(key in answer.results)) break;

    const pageRows = rowsOf(answer.results[key], cursor.itemsKey);
    rows.push(...pageRows);
    if (pageRows.length < pageSize) return { rows, finished: true, error: null };
  }
  return { rows, finished: false, error: null };
}

function failed(error: Bitrix24Error): ChainOutcome {
  return { rows: [], finished: false, error };
}

function lastIdOf(cursor: Cursor, rows: ListRow[]): number | null {
  const last = rows.at(-1);
  if (last === undefined) return null;

  const id = Number(last[cursor.idField]);
  if (!Number.isFinite(id)) {
    const text = `rows of ${cursor.method} carry no numeric ${cursor.idField}`;
    throw clientInputError('CLIENT_NO_ROW_ID', text, cursor.method);
  }
  return id;
}
