import { insertSorted, removeSorted } from './sorted-ids.js';

/**
 * Ids of the rows holding each value of one field, ascending. Built on the first
 * equality filter on that field (`CATEGORY_ID: 34` on every house list) and kept up to
 * date by every write, so the count of a filtered list needs no scan.
 */
export type IndexKey = string;

/** The key of a value: empty values share '', numbers and strings compare as text. */
export function indexKeysOf(value: unknown): IndexKey[] {
  if (Array.isArray(value))
    return value.length === 0 ? [''] : value.map((item) => indexKeyOf(item));
  return [indexKeyOf(value)];
}

export function indexKeyOf(value: unknown): IndexKey {
  if (value === null || value === undefined || value === false || value === '') return '';
  if (value === true) return 'Y';
  return String(value);
}

export class EqualityIndex {
  private readonly buckets = new Map<IndexKey, number[]>();

  constructor(
    readonly field: string,
    private readonly readField: (row: object, field: string) => unknown,
    rows: Iterable<{ id: number; row: object }>,
  ) {
    for (const { id, row } of rows) this.add(id, row);
  }

  idsOf(key: IndexKey): readonly number[] {
    return this.buckets.get(key) ?? [];
  }

  add(id: number, row: object): void {
    for (const key of new Set(indexKeysOf(this.read(row)))) {
      let bucket = this.buckets.get(key);
      if (!bucket) {
        bucket = [];
        this.buckets.set(key, bucket);
      }
      insertSorted(bucket, id);
    }
  }

  remove(id: number, row: object): void {
    for (const key of new Set(indexKeysOf(this.read(row)))) {
      const bucket = this.buckets.get(key);
      if (bucket) removeSorted(bucket, id);
    }
  }

  private read(row: object): unknown {
    return this.readField(row, this.field);
  }
}
