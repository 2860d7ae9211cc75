/**
 * Paging of list methods: 50 rows a page, `start` is the offset, `start=-1` skips the
 * count. Docs: settings/performance/huge-data.md, api-reference/crm/deals/crm-deal-list.md.
 */
export const PAGE_SIZE = 50;

export interface PageRequest {
  offset: number;
  /** `start=-1`: no count, so the answer has `total: 0` and no `next`. */
  countTotal: boolean;
}

export interface ListPage<Row> {
  rows: Row[];
  total: number;
  next?: number;
}

export function readPageRequest(start: unknown): PageRequest {
  const value = Number(start ?? 0);
  if (value === -1) return { offset: 0, countTotal: false };
  return { offset: Number.isFinite(value) && value > 0 ? Math.floor(value) : 0, countTotal: true };
}

export function pageOf<Row>(rows: Row[], total: number, request: PageRequest): ListPage<Row> {
  if (!request.countTotal) return { rows, total: 0 };

  const nextOffset = request.offset + PAGE_SIZE;
  return nextOffset < total ? { rows, total, next: nextOffset } : { rows, total };
}
