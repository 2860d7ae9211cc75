import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';

import { chunkSizes } from '../../src/store/chunk-sizes.js';
import type { Database } from '../../src/store/index.js';
import { withStatementCache } from '../../src/store/statement-cache.js';
import { upsertMany } from '../../src/store/upsert-many.js';

const isPowerOfTwo = (size: number) => Number.isInteger(Math.log2(size));

describe('chunkSizes', () => {
  it('takes full chunks, then the rest in falling powers of two', () => {
    expect(chunkSizes(137, 1000)).toEqual([128, 8, 1]);
    expect(chunkSizes(2137, 1000)).toEqual([1000, 1000, 128, 8, 1]);
    expect(chunkSizes(1000, 1000)).toEqual([1000]);
    expect(chunkSizes(0, 1000)).toEqual([]);
  });

  it('covers every count exactly, with no chunk above the limit', () => {
    for (let total = 0; total <= 2100; total += 7) {
      const sizes = chunkSizes(total, 750);
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(total);
      expect(sizes.every((size) => size === 750 || (size < 750 && isPowerOfTwo(size)))).toBe(true);
    }
  });
});

describe('upsertMany on SQLite', () => {
  it('prepares a handful of statement texts for writes of any row count', async () => {
    const sqlite = new SqliteDatabase(':memory:');
    const texts = new Set<string>();
    const counting = {
      close: () => sqlite.close(),
      prepare: (text: string) => {
        texts.add(text);
        return sqlite.prepare(text);
      },
    };
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(counting) }),
      plugins: [new CamelCasePlugin()],
    });
    sqlite.exec(`create table management_companies (member_id text, id integer, name text,
      primary key (member_id, id))`);

    for (let count = 1; count <= 300; count += 1) {
      const rows = Array.from({ length: count }, (_, index) => ({
        memberId: 'm',
        id: index,
        name: `УК ${count}`,
      }));
      await upsertMany(db, 'managementCompanies', rows as never[], ['memberId', 'id']);
    }

    const inserts = [...texts].filter((text) => text.startsWith('insert'));
    expect(inserts.length).toBeLessThanOrEqual(9); // 1, 2, 4 … 256
    expect(
      sqlite.prepare('select count(*) as n, min(name) as name from management_companies').get(),
    ).toEqual({ n: 300, name: 'УК 300' });
    await db.destroy();
  });
});
