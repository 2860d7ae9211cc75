import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteStatement } from 'kysely';

/**
 * A reading statement that fetches its rows as arrays and names their values in
 * JavaScript. better-sqlite3 builds each row object natively, one property at a time;
 * for a page of 50 houses with 21 columns that cost 0.15 ms of the 0.4 ms the query
 * took. The column names are read once, when the statement is wrapped: the cache that
 * keeps the wrapper drops it when the schema changes (see statement-cache.ts).
 */
export function withArrayRows(statement: BetterSqlite3.Statement): SqliteStatement {
  if (!statement.reader) return statement;

  const names = statement.columns().map((column) => column.name);
  const rows = statement.raw(true);
  return {
    reader: true,
    all: (parameters) => (rows.all(parameters) as unknown[][]).map((row) => named(names, row)),
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const row of rows.iterate(parameters)) yield named(names, row as unknown[]);
    },
  };
}

function named(names: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let index = 0; index < names.length; index += 1) row[names[index]!] = values[index];
  return row;
}
