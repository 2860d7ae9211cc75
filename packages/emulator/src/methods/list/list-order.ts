import type { FieldReader } from './list-filter.js';
import { compareKeys, sortKey } from './list-values.js';

/** The `order` parameter: `{DATE_CREATE: "DESC", ID: "ASC"}`. */
export interface OrderKey {
  field: string;
  descending: boolean;
}

export function readOrder(order: unknown): OrderKey[] {
  if (!order || typeof order !== 'object') return [];

  return Object.entries(order).map(([field, direction]) => ({
    field: field.toUpperCase(),
    descending: String(direction).toUpperCase() === 'DESC',
  }));
}

/** Whether rows already come in this order when walked by ascending or descending id. */
export function idWalk(keys: OrderKey[]): 'ascending' | 'descending' | null {
  const first = keys[0];
  if (!first) return 'ascending';
  if (first.field !== 'ID') return null;
  return first.descending ? 'descending' : 'ascending';
}

/**
 * Rows in the requested order, ties broken by ascending ID. Each row's keys are read
 * once (decorate, sort, undecorate): comparing raw portal strings would parse them
 * again at every comparison. Rows arrive in ascending ID order and the sort is stable,
 * so ties keep that order without comparing ids.
 */
export function sortRows<Row extends object>(
  rows: Row[],
  keys: OrderKey[],
  read: FieldReader,
): Row[] {
  // A later `ID ASC` key adds nothing: ties already keep ascending id order.
  const order = keys.filter((key, index) => key.field !== 'ID' || index === 0 || key.descending);
  const decorated = rows.map((row) => ({
    row,
    keys: order.map((key) => sortKey(read(row, key.field))),
  }));

  decorated.sort((left, right) => {
    for (let index = 0; index < order.length; index++) {
      const difference = compareKeys(left.keys[index] ?? null, right.keys[index] ?? null);
      if (difference !== 0) return (order[index] as OrderKey).descending ? -difference : difference;
    }
    return 0;
  });
  return decorated.map((entry) => entry.row);
}
