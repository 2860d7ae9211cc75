import type { BatchCommands } from '../batch/batch-types.js';
import { clampPagesPerRequest, runCommands, type WalkerDeps } from './command-runner.js';
import { type ListOptions, type ListPage, type ListRow, pageSize, rowsOf } from './list-types.js';

/**
 * Offset paging: one call for the first page, which tells `total`; then every remaining
 * `start` in batches of up to 50 pages, 2 500 rows per HTTP request. Each start counts the
 * list on the portal, so prefer the cursor for lists of many thousands of rows.
 */
export async function* walkOffset(
  deps: WalkerDeps,
  method: string,
  params: Record<string, unknown>,
  options: ListOptions,
): AsyncGenerator<ListPage> {
  const first = await deps.call(method, { ...params, start: 0 }, options.signal);
  const firstRows = rowsOf(first.result, options.itemsKey);
  const total = first.total ?? firstRows.length;
  let done = firstRows.length;

  yield report(options, { items: firstRows, done, total, lastId: null });
  if (first.next === null) return;

  const chunks = chunksOf(remainingStarts(first.next, total), options.pagesPerRequest);
  const fetchChunk = (starts: number[]) => fetchPages(deps, method, params, starts, options);
  for await (const items of inOrder(chunks, fetchChunk, options.parallelRequests ?? 1)) {
    done += items.length;
    yield report(options, { items, done, total, lastId: null });
  }
}

function chunksOf(starts: number[], pagesPerRequest: number | undefined): number[][] {
  const perRequest = clampPagesPerRequest(pagesPerRequest);
  const chunks: number[][] = [];
  for (let index = 0; index < starts.length; index += perRequest) {
    chunks.push(starts.slice(index, index + perRequest));
  }
  return chunks;
}

/**
 * Runs `fetch` over the chunks with up to `parallel` in flight and yields the answers in
 * chunk order. A failure surfaces when its turn comes; the ones started after it are let
 * go (their results are dropped).
 */
async function* inOrder<T>(
  chunks: number[][],
  fetch: (chunk: number[]) => Promise<T>,
  parallel: number,
): AsyncGenerator<T> {
  const inFlight: Promise<T>[] = [];
  let next = 0;
  const start = () => {
    const promise = fetch(chunks[next]!);
    // Handled when its turn comes; this keeps an early failure from being "unhandled".
    promise.catch(() => {});
    inFlight.push(promise);
    next += 1;
  };

  while (next < chunks.length || inFlight.length > 0) {
    while (next < chunks.length && inFlight.length < Math.max(1, parallel)) start();
    yield await inFlight.shift()!;
  }
}

function remainingStarts(next: number, total: number): number[] {
  const starts: number[] = [];
  for (let start = next; start < total; start += pageSize) starts.push(start);
  return starts;
}

async function fetchPages(
  deps: WalkerDeps,
  method: string,
  params: Record<string, unknown>,
  starts: number[],
  options: ListOptions,
): Promise<ListRow[]> {
  const commands: BatchCommands = {};
  for (const start of starts) commands[`page_${start}`] = { method, params: { ...params, start } };

  const { results } = await runCommands(deps, commands, starts.length, options.signal);
  return starts.flatMap((start) => rowsOf(results[`page_${start}`], options.itemsKey));
}

export function report(options: ListOptions, page: ListPage): ListPage {
  options.onProgress?.({ done: page.done, total: page.total });
  return page;
}
