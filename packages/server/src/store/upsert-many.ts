import type { Insertable, Kysely } from 'kysely';
import { chunkSizes } from './chunk-sizes.js';
import type { Database, TableName } from './database-types.js';

/**
 * SQLite (since 3.32) refuses more than 32 766 bound parameters in a statement, PostgreSQL
 * more than 65 535. Staying under the smaller keeps one code path for both.
 */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts rows, or updates every other column of the row already holding the same
 * `conflictColumns` (which must be a primary key or unique constraint, and should start
 * with `memberId`). All rows must have the same keys. Two rows with the same key: the
 * last wins (PostgreSQL would refuse them in one statement, SQLite would not: deduping
 * first makes both behave alike). Runs inside the caller's transaction when given one,
 * else in its own, so a failed chunk leaves nothing written.
 */
export async function upsertMany<T extends TableName>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  conflictColumns: readonly (keyof Database[T] & string)[],
): Promise<void> {
  const unique = lastByKey(rows, conflictColumns);
  const first = unique[0];
  if (!first) return;

  const columns = Object.keys(first);
  const updated = columns.filter((column) => !conflictColumns.includes(column as never));
  const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));

  const write = async (target: Kysely<Database>) => {
    let start = 0;
    for (const size of chunkSizes(unique.length, chunkSize)) {
      const chunk = unique.slice(start, start + size);
      start += size;
      await upsertChunk(target, table, chunk, conflictColumns, updated);
    }
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

function lastByKey<T extends object>(rows: readonly T[], columns: readonly string[]): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    byKey.set(JSON.stringify(columns.map((column) => values[column])), row);
  }
  return byKey.size === rows.length ? [...rows] : [...byKey.values()];
}

/**
 * Kysely cannot type a table chosen at run time, so the builder is widened to a plain
 * record table here; the public signature above keeps callers typed.
 */
type AnyTable = Record<string, unknown>;

async function upsertChunk(
  db: Kysely<Database>,
  table: TableName,
  rows: readonly object[],
  conflictColumns: readonly string[],
  updated: readonly string[],
): Promise<void> {
  const loose = db as unknown as Kysely<Record<string, AnyTable>>;
  await loose
    .insertInto(table)
    .values(rows as AnyTable[])
    .onConflict((conflict) => {
      const target = conflict.columns(conflictColumns as string[]);
      if (updated.length === 0) return target.doNothing();
      return target.doUpdateSet((eb) =>
        Object.fromEntries(updated.map((column) => [column, eb.ref(`excluded.${column}`)])),
      );
    })
    .execute();
}
