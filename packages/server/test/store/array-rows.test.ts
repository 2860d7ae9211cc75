import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

  it('asks for the names once when the only `*` is in `count(*)`', () => {
    const counting = database.prepare('select count(*) as n, max(id) as top from t');
    const starred = database.prepare('select *, id * 2 as twice from t where id = 1');
    const asked = { counting: 0, starred: 0 };
    for (const [name, statement] of [
      ['counting', counting],
      ['starred', starred],
    ] as const) {
      const columns = statement.columns.bind(statement);
      statement.columns = () => {
        asked[name] += 1;
        return columns();
      };
    }
    const rowsCounting = withArrayRows(counting);
    const rowsStarred = withArrayRows(starred);

    for (let run = 0; run < 3; run += 1) {
      expect(rowsCounting.all([])).toEqual([{ n: 2, top: 2 }]);
      expect(rowsStarred.all([])).toEqual([{ id: 1, name: 'Дом', lat: 54.5, twice: 2 }]);
    }
    expect(asked).toEqual({ counting: 1, starred: 3 });
  });

  it('names a `*` as the schema now has it, after another connection rebuilt the table', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'audiobot-rows-'));
    const file = path.join(folder, 'rows.sqlite');
    const mine = new SqliteDatabase(file);
    mine.exec("create table h (a integer, b text); insert into h values (1, 'x')");
    const all = withArrayRows(mine.prepare('select * from h'));
    const listed = withArrayRows(mine.prepare('select a, b from h'));
    expect(all.all([])).toEqual([{ a: 1, b: 'x' }]);

    const theirs = new SqliteDatabase(file);
    theirs.exec(`create table h2 (b text, c integer, a integer);
      insert into h2 select b, 7, a from h; drop table h; alter table h2 rename to h`);
    theirs.close();

    expect(all.all([])).toEqual([{ b: 'x', c: 7, a: 1 }]);
    expect(listed.all([])).toEqual([{ a: 1, b: 'x' }]);
    mine.close();
    rmSync(folder, { recursive: true, force: true });
  });
});
