import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { withArrayRows } from '../../src/store/array-rows.js';

describe('withArrayRows', () => {
  let database: SqliteDatabase.Database;

  beforeEach(() => {
    database = new SqliteDatabase(':memory:');
    database.exec(`create table t (id integer primary key, name text, lat real);
      insert into t values (1, 'Дом', 54.5), (2, null, null)`);
  });

  afterEach(() => database.close());

  it('gives the rows better-sqlite3 gives, named alike', () => {
    const sql = 'select id, name, lat, id * 2 as twice from t where id >= ? order by id';
    const native = database.prepare(sql).all([1]);

    expect(withArrayRows(database.prepare(sql)).all([1])).toEqual(native);
    expect([...withArrayRows(database.prepare(sql)).iterate([2])]).toEqual([native[1]]);
    expect(native).toEqual([
      { id: 1, name: 'Дом', lat: 54.5, twice: 2 },
      { id: 2, name: null, lat: null, twice: 4 },
    ]);
  });

  it('returns what an insert returns, and runs statements that return nothing', () => {
    const insert = withArrayRows(database.prepare('insert into t (name) values (?) returning id'));
    const update = withArrayRows(database.prepare('update t set name = ? where id = ?'));

    expect(insert.reader).toBe(true);
    expect(insert.all(['Новый'])).toEqual([{ id: 3 }]);
    expect(update.reader).toBe(false);
    expect(update.run(['Старый', 3]).changes).toBe(1);
    expect(database.prepare('select name from t where id = 3').get()).toEqual({ name: 'Старый' });
  });
});
