import path from 'node:path';

export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; url: string };

export const DEFAULT_SQLITE_PATH = './data/audiobot.sqlite';
const IN_MEMORY = ':memory:';

/**
 * Reads `DATABASE_URL`: absent → the default SQLite file, `postgres://` or `postgresql://`
 * → PostgreSQL, `sqlite:PATH` / `sqlite://PATH` / a plain path / `:memory:` → SQLite.
 * Relative SQLite paths are resolved against `cwd` so a later chdir cannot move the store.
 * Returns a problem text instead of throwing, so config loading can list every problem.
 */
export function parseDatabaseUrl(
  value: string | undefined,
  cwd: string,
): DatabaseConfig | { problem: string } {
  if (value === undefined || value === '') {
    return { dialect: 'sqlite', path: path.resolve(cwd, DEFAULT_SQLITE_PATH) };
  }

  if (/^postgres(ql)?:\/\//i.test(value)) {
    return URL.canParse(value)
      ? { dialect: 'postgres', url: value }
      : { problem: 'DATABASE_URL: not a valid postgres:// URL' };
  }

  const sqlitePath = value.replace(/^sqlite:(\/\/)?/i, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(sqlitePath)) {
    return { problem: 'DATABASE_URL: use postgres://..., sqlite:PATH or a file path' };
  }
  if (sqlitePath === '') {
    return { problem: 'DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/db.sqlite' };
  }
  if (sqlitePath === IN_MEMORY) {
    return { dialect: 'sqlite', path: IN_MEMORY };
  }
  return { dialect: 'sqlite', path: path.resolve(cwd, sqlitePath) };
}

/** Folder for files AudioBot keeps beside the store (the generated secret key). */
export function dataDirOf(database: DatabaseConfig, cwd: string): string {
  if (database.dialect === 'sqlite' && database.path !== IN_MEMORY) {
    return path.dirname(database.path);
  }
  return path.resolve(cwd, path.dirname(DEFAULT_SQLITE_PATH));
}
