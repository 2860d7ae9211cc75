import { type IdRow, IdTable } from '../../state/id-table.js';
import { lowerBound } from '../../state/sorted-ids.js';
import { type CompiledFilter, compileFilter, type FieldReader } from './list-filter.js';
import { idWalk, readOrder, sortRows } from './list-order.js';
import {
  type ListPage,
  PAGE_SIZE,
  type PageRequest,
  pageOf,
  readPageRequest,
} from './list-page.js';

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
 * The ids a list walks, ascending: the ids an `@ID` list names that the table holds;
 * or, when the filter has a plain equality, that value's index bucket; or the table's
 * ids; each within the filter's id range.
 */
interface Candidates {
  length: number;
  idAt(position: number): number;
  /** The filter needs no more checks on these rows. */
  exact: boolean;
}

function candidatesOf<Row extends IdRow>(
  table: IdTable<Row>,
  filter: CompiledFilter,
  read: FieldReader,
): Candidates {
  const { min, max } = filter.idRange;

  if (filter.idSet) {
    // `@ID` with 50 ids reads 50 rows, not the table: the sync asks for a page's
    // contacts this way, 50 commands a batch, on portals of 100 000 contacts.
    const ids = filter.idSet.filter((id) => id >= min && id <= max && table.get(id));
    return {
      length: ids.length,
      idAt: (position) => ids[position] as number,
      exact: filter.onlyIdRange,
    };
  }

  if (filter.equality) {
    const ids = table.equalityIndex(filter.equality.field, read).idsOf(filter.equality.key);
    const first = lowerBound(ids, min);
    const end = lowerBound(ids, max + 1);
    return {
      length: end - first,
      idAt: (position) => ids[first + position] as number,
      exact: filter.onlyEquality,
    };
  }

  const first = table.lowerBound(min);
  const end = table.lowerBound(max + 1);
  return {
    length: end - first,
    idAt: (position) => table.idAt(first + position),
    exact: filter.onlyIdRange,
  };
}

/**
 * Runs a list method over an id-ordered table. In id order (the usual walk) only the
 * candidate ids are visited, and a `start=-1` page stops after 50 matches; when the
 * candidates are exact the count is their number. Any other order collects, sorts
 * and slices.
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
  const candidates = candidatesOf(table, filter, options.read);
  const walk = idWalk(keys);

  if (walk === null) {
    const matched: Row[] = [];
    for (let position = 0; position < candidates.length; position++) {
      const row = table.get(candidates.idAt(position)) as Row;
      if (candidates.exact || filter.matches(row)) matched.push(row);
    }
    const rows = sortRows(matched, keys, options.read).slice(page.offset, page.offset + PAGE_SIZE);
    return pageOf(rows, matched.length, page);
  }

  if (candidates.exact) return exactPage(table, candidates, walk, page);

  const rows: Row[] = [];
  let total = 0;
  for (let step = 0; step < candidates.length; step++) {
    const position = walk === 'ascending' ? step : candidates.length - 1 - step;
    const row = table.get(candidates.idAt(position)) as Row;
    if (!filter.matches(row)) continue;

    if (total >= page.offset && rows.length < PAGE_SIZE) rows.push(row);
    total++;
    if (!page.countTotal && rows.length === PAGE_SIZE) break;
  }
  return pageOf(rows, total, page);
}

/** A page of exact candidates in id order: no row is tested, the count is their number. */
function exactPage<Row extends IdRow>(
  table: IdTable<Row>,
  candidates: Candidates,
  walk: 'ascending' | 'descending',
  page: PageRequest,
): ListPage<Row> {
  const total = candidates.length;
  const count = Math.max(0, Math.min(PAGE_SIZE, total - page.offset));
  const rows: Row[] = [];
  for (let step = 0; step < count; step++) {
    const offset = page.offset + step;
    const position = walk === 'ascending' ? offset : total - 1 - offset;
    rows.push(table.get(candidates.idAt(position)) as Row);
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
  return sortRows(matched, readOrder(query.order ?? options.defaultOrder), options.read);
}
