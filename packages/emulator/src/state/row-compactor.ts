/**
 * Makes snapshot rows small and fast to read: one pass at load that
 * - rebuilds each row with an object literal of its key set, so rows share a hidden
 *   class and keep their properties in-object. Rows built by assigning dozens of
 *   computed keys (as generators do) fall into V8's slow dictionary mode instead;
 * - shares repeated values: short strings (dates, enumeration ids, stage ids) and
 *   string arrays (a month's cleaning dates) are stored once. Shared arrays are frozen;
 *   the engine never changes a row in place, it replaces it.
 * A snapshot parsed from JSON shrinks to about 40 % (98 MB to 41 MB for 23 000 deals).
 * The demo generator already builds rows this way, so its snapshots skip this pass.
 */
type Row = Record<string, unknown>;
type Factory = (row: Row, share: (value: unknown) => unknown) => Row;

const MAX_SHARED_STRING = 40;

export class RowCompactor {
  private readonly strings = new Map<string, string>();
  private readonly arrays = new Map<string, readonly unknown[]>();
  private readonly factories = new Map<string, Factory>();
  private readonly share = (value: unknown): unknown => this.shareValue(value);

  compact<T extends object>(row: T): T {
    const source = row as Row;
    const keys = Object.keys(source);
    const signature = keys.join('\u0001');

    let factory = this.factories.get(signature);
    if (!factory) {
      factory = buildFactory(keys);
      this.factories.set(signature, factory);
    }
    return factory(source, this.share) as T;
  }

  private shareValue(value: unknown): unknown {
    if (typeof value === 'string') return this.shareString(value);
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return value;

    const key = value.join('\u0001');
    let shared = this.arrays.get(key);
    if (!shared) {
      shared = Object.freeze(value.map((item: string) => this.shareString(item)));
      this.arrays.set(key, shared);
    }
    return shared;
  }

  private shareString(value: string): string {
    if (value.length > MAX_SHARED_STRING) return value;
    const shared = this.strings.get(value);
    if (shared !== undefined) return shared;
    this.strings.set(value, value);
    return value;
  }
}

function buildFactory(keys: string[]): Factory {
  // Field names come from the snapshot; JSON.stringify makes each a safe literal.
  const body = keys.map((key) => `${JSON.stringify(key)}: share(row[${JSON.stringify(key)}])`);
  return new Function('row', 'share', `return { ${body.join(', ')} };`) as Factory;
}
