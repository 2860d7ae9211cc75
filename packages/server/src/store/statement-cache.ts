import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

import { withArrayRows } from './array-rows.js';

/**
 * Kysely prepares every query anew; on a list request that is a third of the time the
 * database spends. The same SQL text is asked for again and again (the parameters
 * differ, not the text), so prepared statements are kept by text, the least recently
 * used dropped beyond `size`. Safe because Kysely's SQLite driver runs one query at a
 * time on its single connection, a stream included, so no statement is used twice at
 * once. Rows come as arrays, named in JavaScript (array-rows.ts).
 */
export function withStatementCache(database: PreparingDatabase, size = 256): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();

  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = withArrayRows(database.prepare(sql));
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

/** What the cache needs of a better-sqlite3 database (tests count its prepares). */
export interface PreparingDatabase {
  prepare(sql: string): BetterSqlite3.Statement;
  close(): unknown;
}
