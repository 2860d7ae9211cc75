/**
 * Rows kept in ascending numeric `ID` order with a map for direct access.
 *
 * Lists walk the sorted ids; a cursor filter such as `>ID` finds its first row by
 * binary search, so `start=-1` paging costs the same on page 1 and page 2 000.
 * New rows take the next id, so adding is an append.
 */
import { EqualityIndex } from './equality-index.js';
import { lowerBound } from './sorted-ids.js';

export interface IdRow {
  ID: string;
}

export class IdTable<Row extends IdRow> {
  private readonly byId = new Map<number, Row>();
  private ids: number[] = [];
  private lastId = 0;
  private readonly indexes = new Map<string, EqualityIndex>();

  constructor(rows: Iterable<Row> = []) {
    for (const row of rows) this.byId.set(Number(row.ID), row);
    this.ids = [...this.byId.keys()].sort((a, b) => a - b);
    this.lastId = this.ids.at(-1) ?? 0;
  }

  get size(): number {
    return this.ids.length;
  }

  get(id: number | string): Row | undefined {
    return this.byId.get(Number(id));
  }

  /** The id the next added row gets, like an auto-increment column. */
  nextId(): number {
    return this.lastId + 1;
  }

  /** Adds a row or replaces the row with its id. */
  insert(row: Row): void {
    const id = Number(row.ID);
    const previous = this.byId.get(id);
    if (previous) for (const index of this.indexes.values()) index.remove(id, previous);
    else this.ids.splice(this.lowerBound(id), 0, id);

    this.byId.set(id, row);
    this.lastId = Math.max(this.lastId, id);
    for (const index of this.indexes.values()) index.add(id, row);
  }

  delete(id: number | string): boolean {
    const numeric = Number(id);
    const previous = this.byId.get(numeric);
    if (!previous) return false;

    this.byId.delete(numeric);
    this.ids.splice(this.lowerBound(numeric), 1);
    for (const index of this.indexes.values()) index.remove(numeric, previous);
    return true;
  }

  /**
   * The equality index of a field, built on first use. A table is always listed with
   * the same field reader, so the index is kept by field name.
   */
  equalityIndex(field: string, read: (row: object, field: string) => unknown): EqualityIndex {
    let index = this.indexes.get(field);
    if (!index) {
      const rows = this.ids.map((id) => ({ id, row: this.byId.get(id) as Row }));
      index = new EqualityIndex(field, read, rows);
      this.indexes.set(field, index);
    }
    return index;
  }

  /** Index of the first id >= `id` in the sorted order. */
  lowerBound(id: number): number {
    return lowerBound(this.ids, id);
  }

  idAt(index: number): number {
    return this.ids[index] as number;
  }

  rowAt(index: number): Row {
    return this.byId.get(this.ids[index] as number) as Row;
  }

  values(): Row[] {
    return this.ids.map((id) => this.byId.get(id) as Row);
  }
}
