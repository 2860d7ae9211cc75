import type { FieldReader } from './list-filter.js';
import { compareValues } from './list-values.js';

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

export function comparatorFor<Row extends object>(
  keys: OrderKey[],
  read: FieldReader,
): (left: Row, right: Row) => number {
  const withTieBreak = [...keys, { field: 'ID', descending: false }];

  return (left, right) => {
    for (const key of withTieBreak) {
      const difference = compareValues(read(left, key.field), read(right, key.field));
      if (difference !== 0) return key.descending ? -difference : difference;
    }
    return 0;
  };
}
