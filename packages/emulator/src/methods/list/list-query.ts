import { type IdRow, IdTable } from '../../state/id-table.js';
import { compileFilter, type FieldReader } from './list-filter.js';
import { comparatorFor, idWalk, readOrder } from './list-order.js';
import { type ListPage, PAGE_SIZE, pageOf, readPageRequest } from './list-page.js';

export interface ListQuery {
  filter?: unknown;
  order?: unknown;
  start?: unknown;
}

export interface ListOptions {
  read: FieldReader;
  /** Used when the call sends no `order`; tasks default to `ID DESC`. */
  defaultOrder?: Record<string, 'ASC' | 'DESC'>;
}

export const readUpperField: FieldReader = (row, field) => (row as Record<string, unknown>)[field];

/**
 * Runs a list method over an id-ordered table. In id order (the usual walk) rows are
 * visited from the binary-searched bound of the filter's id range, and a `start=-1`
 * page stops after 50 matches; any other order collects, sorts and slices.
 */
export function runList<Row extends IdRow>(
  table: IdTable<Row>,
  query: ListQuery,
  options: ListOptions,
): ListPage<Row> {
  const filter = compileFilter(query.filter, options.read);
  const hasOrder =
    query.order && typeof query.order === 'object' && Object.keys(query.order).length;
  const keys = readOrder(hasOrder ? query.order : (options.defaultOrder ?? {}));
  const page = readPageRequest(query.start);

  const walk = idWalk(keys);
  const firstIndex = table.lowerBound(filter.idRange.min);
  const endIndex = table.lowerBound(filter.idRange.max + 1);

  if (walk === null) {
    const matched: Row[] = [];
    for (let index = firstIndex; index < endIndex; index++) {
      const row = table.rowAt(index);
      if (filter.matches(row)) matched.push(row);
    }
    matched.sort(comparatorFor<Row>(keys, options.read));
    const rows = matched.slice(page.offset, page.offset + PAGE_SIZE);
    return pageOf(rows, matched.length, page);
  }

  const rows: Row[] = [];
  let total = 0;
  const ascending = walk === 'ascending';
  const step = ascending ? 1 : -1;
  let index = ascending ? firstIndex : endIndex - 1;

  for (; ascending ? index < endIndex : index >= firstIndex; index += step) {
    const row = table.rowAt(index);
    if (!filter.matches(row)) continue;

    if (total >= page.offset && rows.length < PAGE_SIZE) rows.push(row);
    total++;
    if (!page.countTotal && rows.length === PAGE_SIZE) break;
  }

  return pageOf(rows, total, page);
}

/** A list over a small array (stages, user fields): indexed on the fly. */
export function listRows<Row extends IdRow>(
  rows: Row[],
  query: ListQuery,
  options: ListOptions,
): ListPage<Row> {
  return runList(new IdTable(rows), query, options);
}

/** Every matching row of a small array in the requested order, without paging. */
export function allRows<Row extends IdRow>(
  rows: Row[],
  query: Omit<ListQuery, 'start'>,
  options: ListOptions,
): Row[] {
  const filter = compileFilter(query.filter, options.read);
  const matched = rows.filter((row) => filter.matches(row));
  return matched.sort(
    comparatorFor<Row>(readOrder(query.order ?? options.defaultOrder), options.read),
  );
}
