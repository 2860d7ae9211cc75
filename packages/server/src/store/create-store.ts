import { CamelCasePlugin, Kysely, type MigrationResult, Migrator, sql } from 'kysely';
import { type DatabaseConfig, parseDatabaseUrl } from '../config/index.js';
import { ensureCleaningsDateIndex } from './cleanings-date-index.js';
import type { Database } from './database-types.js';
import { migrationProvider } from './migrations/migration-provider.js';
import { dialectOf, type StoreDialect } from './store-dialect.js';

export interface Store {
  /** camelCase names in TypeScript, snake_case in the database (CamelCasePlugin). */
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** Brings the schema to the latest migration; safe to call on every start. */
  migrate(): Promise<MigrationResult[]>;
  close(): Promise<void>;
}

export type StoreOptions =
  | { database: DatabaseConfig; pgSchema?: string }
  | { databaseUrl: string; pgSchema?: string; cwd?: string };

export class StoreMigrationError extends Error {
  readonly code = 'store_migration_failed';

  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    super(`Store migration ${migration ?? '(unknown)'} failed`, { cause });
    this.name = 'StoreMigrationError';
  }
}

/**
 * Opens the store named by the configuration (or a bare database URL). It does not
 * migrate by itself: the start calls `migrate()` once, tests through `createTestStore`.
 * `pgSchema` puts every table into that PostgreSQL schema (it must exist).
 */
export function createStore(options: StoreOptions): Store {
  const database = databaseOf(options);
  const db = new Kysely<Database>({
    dialect: dialectOf(database, options.pgSchema),
    plugins: [new CamelCasePlugin()],
  });

  return {
    db,
    dialect: database.dialect,
    migrate: () => migrateToLatest(db, database.dialect, options.pgSchema),
    close: () => db.destroy(),
  };
}

/**
 * On PostgreSQL the migration tables live in the store's own schema: Kysely looks for
 * them across every schema, and would take another schema's (another installation or
 * test run in the same database) for its own.
 */
async function migrateToLatest(
  db: Kysely<Database>,
  dialect: StoreDialect,
  pgSchema: string | undefined,
): Promise<MigrationResult[]> {
  const migrationTableSchema =
    dialect === 'postgres' ? (pgSchema ?? (await currentSchema(db))) : undefined;
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error');
    throw new StoreMigrationError(failed?.migrationName, error);
  }
  // A first sync that crashed while loading left the index out (cleanings-date-index.ts).
  await ensureCleaningsDateIndex(db);
  return results;
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? 'public';
}

function databaseOf(options: StoreOptions): DatabaseConfig {
  if ('database' in options) return options.database;

  const parsed = parseDatabaseUrl(options.databaseUrl, options.cwd ?? process.cwd());
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed;
}
