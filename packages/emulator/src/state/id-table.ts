/**
 * Rows kept in ascending numeric `ID` order with a map for direct access.
 *
 * Lists walk the sorted ids; a cursor filter such as `>ID` finds its first row by
 * binary search, so `start=-1` paging costs the same on page 1 and page 2 000.
 * New rows take the next id, so adding is an append.
 */
export interface IdRow {
  ID: string;
}

export class IdTable<Row extends IdRow> {
  private readonly byId = new Map<number, Row>();
  private ids: number[] = [];
  private lastId = 0;

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

  insert(row: Row): void {
    const id = Number(row.ID);
    if (!this.byId.has(id)) {
      const at = this.lowerBound(id);
      this.ids.splice(at, 0, id);
    }
    this.byId.set(id, row);
    this.lastId = Math.max(this.lastId, id);
  }

  delete(id: number | string): boolean {
    const numeric = Number(id);
    if (!this.byId.delete(numeric)) return false;
    this.ids.splice(this.lowerBound(numeric), 1);
    return true;
  }

  /** Index of the first id >= `id` in the sorted order. */
  lowerBound(id: number): number {
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.ids[middle] as number) < id) low = middle + 1;
      else high = middle;
    }
    return low;
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
