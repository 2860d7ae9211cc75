import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { withStatementCache } from '../../src/store/statement-cache.js';

function countingDatabase() {
  const database = new SqliteDatabase(':memory:');
  let prepared = 0;
  const counting = {
    close: () => database.close(),
    prepare: (sql: string) => {
      prepared += 1;
      return database.prepare(sql);
    },
  };
  return { database: counting, prepared: () => prepared };
}

describe('withStatementCache', () => {
  it('prepares a text once and reuses the statement with new parameters', () => {
    const inner = countingDatabase();
    const db = withStatementCache(inner.database);

    for (const value of [1, 2, 3]) {
      expect(db.prepare('select ? * 2 as twice').all([value])).toEqual([{ twice: value * 2 }]);
    }
    expect(inner.prepared()).toBe(1);
    db.close();
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const inner = countingDatabase();
    const db = withStatementCache(inner.database, 2);

    db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1'); // used again: «select 2» is now the oldest
    db.prepare('select 3'); // drops «select 2»
    db.prepare('select 1');
    expect(inner.prepared()).toBe(3);
    db.prepare('select 2');
    expect(inner.prepared()).toBe(4);
    db.close();
  });

  it('sees a table changed after the statement was prepared', () => {
    const db = withStatementCache(new SqliteDatabase(':memory:'));
    db.prepare('create table t (a integer)').run([]);
    const read = 'select * from t';
    expect(db.prepare(read).all([])).toEqual([]);
    db.prepare('alter table t add column b text').run([]);
    db.prepare('insert into t values (1, ?)').run(['x']);
    expect(db.prepare(read).all([])).toEqual([{ a: 1, b: 'x' }]);
    db.close();
  });
});
