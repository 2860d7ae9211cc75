import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type Dialect, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/index.js';
import { withStatementCache } from './statement-cache.js';

export type StoreDialect = 'sqlite' | 'postgres';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * PostgreSQL sends bigint and numeric as strings (they may exceed a JS number). Bitrix24
 * ids and our counts fit, so they become numbers: rows then look the same on both dialects.
 */
function parseNumber(value: string): number {
  return Number(value);
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return parseNumber;
    return format ? pg.types.getTypeParser(oid, format) : pg.types.getTypeParser(oid);
  },
};

export function postgresDialect(url: string, schema?: string): Dialect {
  // search_path puts an isolated schema (tests) first; public stays for extensions.
  const options = schema ? `-c search_path=${schema},public` : undefined;
  const pool = new pg.Pool({ connectionString: url, max: 10, options, types: pgTypes });
  return new PostgresDialect({ pool });
}

/**
 * WAL lets API reads run while a sync writes; busy_timeout waits out the writer instead
 * of failing with SQLITE_BUSY; NORMAL sync is safe with WAL and much faster. The page
 * cache (32 MB instead of 2 MB) holds the index pages a sync appends to and the read
 * paths' indexes, so that neither goes to the file for every page.
 *
 * No ANALYZE: the read paths are written for the planner's choices without statistics
 * (tried at 100 000 houses, sampled statistics made the joins on houses slower).
 */
export function sqliteDialect(file: string): Dialect {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });

  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('cache_size = -32768');
  return new SqliteDialect({ database: withStatementCache(database) });
}

export function dialectOf(database: DatabaseConfig, schema?: string): Dialect {
  return database.dialect === 'postgres'
    ? postgresDialect(database.url, schema)
    : sqliteDialect(database.path);
}
