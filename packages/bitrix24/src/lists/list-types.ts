/** A list row as the portal sends it: CRM ids and numbers are strings (`"ID": "37"`). */
export type ListRow = Record<string, unknown>;

/** The fixed page size of Bitrix24 list methods (docs: list-methods-pecularities.md). */
export const pageSize = 50;

export interface ListProgress {
  /** Rows delivered so far. */
  done: number;
  /** Rows in the list, when known (offset mode, or cursor mode with `withTotal`). */
  total: number | null;
}

export interface ListOptions {
  /**
   * `offset` (default): the first page gives `total`, the other pages follow in batches
   * by their `start`; works with any list method. `cursor`: `order {ID: ASC}`,
   * `filter {>ID: last}`, `start: -1` (no count on the portal), pages chained inside each
   * batch by `$result[...]` references; for large lists of methods that accept this
   * filter and order (crm.*.list, tasks.task.list). The cursor overrides `order` and the
   * `>ID` filter; resume with `afterId` instead.
   */
  mode?: 'offset' | 'cursor';
  /** The key wrapping the rows, e.g. `tasks` for tasks.task.list or `categories`. */
  itemsKey?: string;
  /** The row field holding the id: `ID` (default), `id` for tasks.task.list. */
  idField?: string;
  /** The field the cursor filters and orders by; `ID` by default. */
  filterIdField?: string;
  /** Cursor mode: start after this id, e.g. from a checkpoint of a crashed run. */
  afterId?: number;
  /** Cursor mode: add one count command to the first batch, so progress knows the total. */
  withTotal?: boolean;
  /**
   * Cursor mode: about how many rows to expect (after `afterId`), e.g. the count of the
   * last sync. It sizes the first chains; a wrong guess costs a request, never a row.
   */
  expectedRows?: number;
  /** List pages per batch request, 1..50 (default 50: 2 500 rows per HTTP request). */
  pagesPerRequest?: number;
  /**
   * Offset mode: batch requests in flight at once (default 1). Pages still arrive in
   * order. More than one shortens the wall time when latency dominates; the client-side
   * bucket still paces them, and each costs the portal a count of the list.
   */
  parallelRequests?: number;
  onProgress?: (progress: ListProgress) => void;
  signal?: AbortSignal;
}

/**
 * The rows one HTTP request brought (up to `pagesPerRequest` × 50): the unit a caller
 * writes in one transaction.
 */
export interface ListPage<T = ListRow> {
  items: T[];
  done: number;
  total: number | null;
  /** Cursor mode: the id of the last row so far, to resume from (`afterId`). */
  lastId: number | null;
}

/** One list of a `listMany` call. */
export interface ListSpec {
  method: string;
  params?: Record<string, unknown>;
  itemsKey?: string;
}

/** The rows of a page result, plain or wrapped (`{tasks: [...]}`). */
export function rowsOf(result: unknown, itemsKey: string | undefined): ListRow[] {
  const inner =
    itemsKey === undefined ? result : (result as Record<string, unknown> | null)?.[itemsKey];
  if (Array.isArray(inner)) return inner as ListRow[];
  // PHP sends a list with gaps in its keys as an object.
  if (inner !== null && typeof inner === 'object') return Object.values(inner) as ListRow[];
  return [];
}
