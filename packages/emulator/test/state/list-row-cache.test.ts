import { describe, expect, it } from 'vitest';
import { ListRowCache } from '../../src/state/list-row-cache.js';

const project = (row: object) => ({ ...(row as Record<string, unknown>) });
const decoded = (json: string | undefined) =>
  JSON.parse(Buffer.from(json ?? '', 'latin1').toString('utf8'));

describe('the cache of listed rows', () => {
  it('shares one frozen projection and its JSON from the second listing on', () => {
    const cache = new ListRowCache();
    const row = { ID: '1', TITLE: 'Дом 1' };

    const first = cache.projection(row, 'ID,TITLE', project);
    const second = cache.projection(row, 'ID,TITLE', project);
    const third = cache.projection(row, 'ID,TITLE', project);

    expect(second).not.toBe(first);
    expect(third).toBe(second);
    expect(Object.isFrozen(second)).toBe(true);
    expect(decoded(cache.jsonOf(third))).toEqual(row);
    expect(cache.jsonOf(third)).toBe(cache.jsonOf(second));
    expect(cache.size.rows).toBe(1);
  });

  it('encodes a row listed once without keeping it', () => {
    const cache = new ListRowCache();
    const row = { ID: '2', TITLE: 'Дом 2' };

    const once = cache.projection(row, 'ID,TITLE', project);

    expect(decoded(cache.jsonOf(once))).toEqual(row);
    expect(cache.size).toEqual({ rows: 0, bytes: 0 });
    expect(cache.jsonOf({ ID: '2' })).toBeUndefined();
  });

  it('keeps one projection per field list', () => {
    const cache = new ListRowCache();
    const row = { ID: '3', TITLE: 'Дом 3' };
    cache.projection(row, 'ID', () => ({ ID: '3' }));

    const onlyId = cache.projection(row, 'ID', () => ({ ID: '3' }));
    const both = cache.projection(row, 'ID,TITLE', project);

    expect(decoded(cache.jsonOf(onlyId))).toEqual({ ID: '3' });
    expect(decoded(cache.jsonOf(both))).toEqual(row);
  });

  it('drops the rows listed least recently once over its budget', () => {
    const cache = new ListRowCache(3_000);
    const rows = Array.from({ length: 100 }, (_, index) => ({ ID: String(index), TEXT: 'x' }));
    const listTwice = (row: object) => {
      cache.projection(row, 'ID,TEXT', project);
      cache.jsonOf(cache.projection(row, 'ID,TEXT', project));
    };

    for (const row of rows) listTwice(row);

    expect(cache.size.bytes).toBeLessThanOrEqual(3_000);
    expect(cache.size.rows).toBeLessThan(100);
    const last = rows[99] as object;
    expect(cache.projection(last, 'ID,TEXT', project)).toBe(
      cache.projection(last, 'ID,TEXT', project),
    );
  });
});
