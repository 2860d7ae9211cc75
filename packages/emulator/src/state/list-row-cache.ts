import { type ByteString, utf8ByteString } from '../http/byte-string.js';

/**
 * Listed rows in the form they are answered, kept between calls: the row reduced to
 * the selected fields, and its UTF-8 JSON (a byte string, see http/byte-string.ts).
 *
 * Why: a 50-command batch of deal pages with `select: ["*", "UF_*"]` answers 2 500 rows
 * of about 4 KB. Projecting and encoding them anew for every batch was most of its
 * time, and the garbage (10 MB of strings, 3 MB of objects a batch, alive until the
 * answer is written, so promoted to the old generation) drove the heap, and the RSS
 * with it, far above the portal's own size.
 *
 * A stored row is never changed in place (a write replaces it, see portal-state.ts), so
 * what one row object answers for one field list stays right for as long as that
 * object lives: nothing has to be invalidated, a written row is simply a new key. Cached
 * projections are frozen, so that no caller can change an answer another call shares.
 * The cache is bounded by an estimate of its bytes and drops the rows used least
 * recently.
 */
interface AnsweredRow {
  projection: Readonly<Record<string, unknown>>;
  json: ByteString | undefined;
  /** What the entry counts against the budget: the projection's estimated size, plus
   * its JSON once encoded. */
  bytes: number;
  /** Dropped from the cache; an answer being written may still hold its projection. */
  evicted: boolean;
}

export const DEFAULT_LIST_ROW_BUDGET_BYTES = 24 * 1024 * 1024;

/** A rough size of an object with `count` in-object properties. */
const objectBytes = (count: number) => 24 + 8 * count;

export class ListRowCache {
  /** Least recently listed first: a Map keeps insertion order and a hit re-inserts. */
  private readonly rows = new Map<object, Map<string, AnsweredRow>>();
  private readonly answered = new WeakMap<object, AnsweredRow>();
  /** Rows listed once: only a second listing caches a row (see `projection`). */
  private readonly listedOnce = new WeakSet<object>();
  private bytes = 0;

  constructor(private readonly budgetBytes = DEFAULT_LIST_ROW_BUDGET_BYTES) {}

  get size(): { rows: number; bytes: number } {
    return { rows: this.rows.size, bytes: this.bytes };
  }

  /**
   * `row` reduced to the field list `fields` (its names joined) by `project`; from the
   * row's second listing on, one frozen object shared by every call. A row listed only
   * once, as in a walk over the whole table, is not cached: it would only push out the
   * rows that are read again.
   */
  projection(
    row: object,
    fields: string,
    project: (row: object) => Record<string, unknown>,
  ): Readonly<Record<string, unknown>> {
    const forms = this.rows.get(row);
    const known = forms?.get(fields);
    if (forms) {
      this.rows.delete(row);
      this.rows.set(row, forms);
    }
    if (known) return known.projection;

    if (!forms && !this.listedOnce.has(row)) {
      this.listedOnce.add(row);
      return this.passing(project(row));
    }
    return this.admit(row, forms ?? new Map(), fields, Object.freeze(project(row)));
  }

  /** The JSON of a projection this cache made; undefined for any other value. */
  jsonOf(value: object): ByteString | undefined {
    const entry = this.answered.get(value);
    if (!entry) return undefined;

    if (entry.json === undefined) {
      entry.json = utf8ByteString(JSON.stringify(entry.projection));
      this.count(entry, entry.json.length);
    }
    return entry.json;
  }

  /** Not cached, but its JSON is still encoded whole when the answer is written. */
  private passing(projection: Record<string, unknown>): Record<string, unknown> {
    const entry: AnsweredRow = { projection, json: undefined, bytes: 0, evicted: true };
    this.answered.set(projection, entry);
    return projection;
  }

  private admit(
    row: object,
    forms: Map<string, AnsweredRow>,
    fields: string,
    projection: Readonly<Record<string, unknown>>,
  ): Readonly<Record<string, unknown>> {
    const entry: AnsweredRow = { projection, json: undefined, bytes: 0, evicted: false };
    forms.set(fields, entry);
    this.rows.delete(row);
    this.rows.set(row, forms);
    this.answered.set(projection, entry);
    this.count(entry, objectBytes(fields.split(',').length));
    return projection;
  }

  clear(): void {
    for (const forms of this.rows.values())
      for (const entry of forms.values()) entry.evicted = true;
    this.rows.clear();
    this.bytes = 0;
  }

  private count(entry: AnsweredRow, bytes: number): void {
    if (entry.evicted) return;
    entry.bytes += bytes;
    this.bytes += bytes;
    this.evict();
  }

  private evict(): void {
    for (const [row, forms] of this.rows) {
      if (this.bytes <= this.budgetBytes) return;
      for (const entry of forms.values()) {
        this.bytes -= entry.bytes;
        entry.evicted = true;
      }
      this.rows.delete(row);
    }
  }
}
