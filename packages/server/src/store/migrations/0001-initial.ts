import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * The first schema. Written once for both dialects with portable types: text, bigint for
 * Bitrix24 ids, integer for counts and 0/1 flags, double precision for coordinates and
 * areas. Names are snake_case here; the CamelCasePlugin leaves them as they are.
 * No foreign keys: a sync writes houses before or after their companies and employees,
 * and a portal may point at a record AudioBot cannot see.
 */
export function initialMigration(dialect: StoreDialect): Migration {
  return {
    async up(db) {
      await createPortalTables(db);
      await createHouseTables(db);
      await createDirectoryTables(db);
      await createMappingTables(db);
      await createRunTables(db, dialect);
      await createAccessTables(db, dialect);
    },
    async down(db) {
      for (const table of TABLES.slice().reverse()) await db.schema.dropTable(table).execute();
    },
  };
}

const TABLES = [
  'portals',
  'houses',
  'cleanings',
  'management_companies',
  'senior_residents',
  'employees',
  'brigades',
  'enumerations',
  'field_mappings',
  'field_mapping_reports',
  'sync_runs',
  'jobs',
  'sessions',
  'api_tokens',
];

type Builder = CreateTableBuilder<string, string>;
const notNull = (column: ColumnDefinitionBuilder) => column.notNull();

/** An auto-increment id: SQLite's rowid alias, PostgreSQL's serial. */
function withAutoId(table: Builder, dialect: StoreDialect): Builder {
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigserial', (column) => column.primaryKey())
    : table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement());
}

async function createPortalTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portals')
    .addColumn('member_id', 'text', (column) => column.primaryKey())
    .addColumn('domain', 'text', notNull)
    .addColumn('auth_kind', 'text', notNull)
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('access_expires_at', 'text')
    .addColumn('application_token', 'text')
    .addColumn('server_endpoint', 'text')
    .addColumn('client_endpoint', 'text')
    .addColumn('scope', 'text')
    .addColumn('status', 'text', (column) => column.notNull().defaultTo('active'))
    .addColumn('installed_at', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
}

async function createHouseTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('houses')
    .addColumn('member_id', 'text', notNull)
    .addColumn('id', 'bigint', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('category_id', 'bigint', notNull)
    .addColumn('stage_id', 'text')
    .addColumn('address', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('apartments', 'integer')
    .addColumn('entrances', 'integer')
    .addColumn('floors', 'integer')
    .addColumn('area', 'double precision')
    .addColumn('tariff', 'text')
    .addColumn('tariff_count', 'integer')
    .addColumn('tariff_price', 'double precision')
    .addColumn('contract', 'text')
    .addColumn('service_start', 'text')
    .addColumn('management_company_id', 'bigint')
    .addColumn('senior_resident_id', 'bigint')
    .addColumn('responsible_id', 'bigint')
    .addColumn('brigade_id', 'bigint')
    .addColumn('general_cleaning_date', 'text')
    .addColumn('general_cleaning_text', 'text')
    .addColumn('periodicity_current', 'text')
    .addColumn('problems', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('raw_fields', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('search_text', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('deal_modified_at', 'text')
    .addColumn('synced_at', 'text', notNull)
    .addColumn('deleted_at', 'text')
    .addPrimaryKeyConstraint('houses_pk', ['member_id', 'id'])
    .execute();

  // Serves prefix searches only. Known shortcoming: «any part of the address» is a
  // LIKE '%…%' that scans the portal's houses; a trigram index (pg_trgm, or SQLite FTS5)
  // would remove the scan if 100 000-house portals need faster search.
  await index(db, 'houses', ['member_id', 'search_text']);
  await index(db, 'houses', ['member_id', 'brigade_id']);
  await index(db, 'houses', ['member_id', 'management_company_id']);
  await index(db, 'houses', ['member_id', 'deal_modified_at']);

  await db.schema
    .createTable('cleanings')
    .addColumn('member_id', 'text', notNull)
    .addColumn('house_id', 'bigint', notNull)
    .addColumn('date', 'text', notNull)
    .addColumn('cleaning_type', 'text', notNull)
    .addColumn('type_id', 'bigint')
    .addColumn('type_text', 'text')
    .addColumn('slot', 'integer', notNull)
    .addColumn('month', 'text', notNull)
    .addColumn('source_field', 'text', notNull)
    .addPrimaryKeyConstraint('cleanings_pk', [
      'member_id',
      'house_id',
      'date',
      'cleaning_type',
      'slot',
    ])
    .execute();

  await index(db, 'cleanings', ['member_id', 'date']);
  await index(db, 'cleanings', ['member_id', 'month', 'cleaning_type']);
}

async function createDirectoryTables(db: Kysely<unknown>): Promise<void> {
  for (const table of ['management_companies', 'senior_residents']) {
    let builder = db.schema
      .createTable(table)
      .addColumn('member_id', 'text', notNull)
      .addColumn('id', 'bigint', notNull)
      .addColumn('name', 'text', notNull)
      .addColumn('phones', 'text', (column) => column.notNull().defaultTo('[]'))
      .addColumn('emails', 'text', (column) => column.notNull().defaultTo('[]'));
    if (table === 'management_companies') builder = builder.addColumn('address', 'text');
    await builder
      .addColumn('modified_at', 'text')
      .addColumn('synced_at', 'text', notNull)
      .addColumn('deleted_at', 'text')
      .addPrimaryKeyConstraint(`${table}_pk`, ['member_id', 'id'])
      .execute();
  }

  await db.schema
    .createTable('employees')
    .addColumn('member_id', 'text', notNull)
    .addColumn('id', 'bigint', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('second_name', 'text')
    .addColumn('position', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('active', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('department_ids', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('brigade_id', 'bigint')
    .addColumn('is_leader', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('is_admin', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('synced_at', 'text', notNull)
    .addColumn('deleted_at', 'text')
    .addPrimaryKeyConstraint('employees_pk', ['member_id', 'id'])
    .execute();

  await index(db, 'employees', ['member_id', 'brigade_id']);

  await db.schema
    .createTable('brigades')
    .addColumn('member_id', 'text', notNull)
    .addColumn('id', 'bigint', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('parent_id', 'bigint')
    .addColumn('head_id', 'bigint')
    .addColumn('sort', 'integer')
    .addColumn('is_brigade', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('synced_at', 'text', notNull)
    .addPrimaryKeyConstraint('brigades_pk', ['member_id', 'id'])
    .execute();
}

async function createMappingTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enumerations')
    .addColumn('member_id', 'text', notNull)
    .addColumn('field_name', 'text', notNull)
    .addColumn('item_id', 'bigint', notNull)
    .addColumn('value', 'text', notNull)
    .addColumn('sort', 'integer')
    .addColumn('cleaning_type', 'text')
    .addPrimaryKeyConstraint('enumerations_pk', ['member_id', 'field_name', 'item_id'])
    .execute();

  await db.schema
    .createTable('field_mappings')
    .addColumn('member_id', 'text', notNull)
    .addColumn('field_name', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('label', 'text', notNull)
    .addColumn('month', 'text')
    .addColumn('slot', 'integer')
    .addColumn('source', 'text', (column) => column.notNull().defaultTo('label'))
    .addPrimaryKeyConstraint('field_mappings_pk', ['member_id', 'field_name'])
    .execute();

  await db.schema
    .createTable('field_mapping_reports')
    .addColumn('member_id', 'text', (column) => column.primaryKey())
    .addColumn('pipeline_id', 'bigint')
    .addColumn('pipeline_name', 'text')
    .addColumn('unplaced', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('discovered_at', 'text', notNull)
    .execute();
}

async function createRunTables(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await withAutoId(db.schema.createTable('sync_runs'), dialect)
    .addColumn('member_id', 'text', notNull)
    .addColumn('mode', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('phase', 'text')
    .addColumn('done', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('total', 'integer')
    .addColumn('requests', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('queued_at', 'text', notNull)
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('checkpoint', 'text')
    .execute();

  await index(db, 'sync_runs', ['member_id', 'status']);

  await withAutoId(db.schema.createTable('jobs'), dialect)
    .addColumn('member_id', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('dedupe_key', 'text', notNull)
    .addColumn('payload', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('status', 'text', notNull)
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', notNull)
    .addColumn('run_at', 'text', notNull)
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('jobs_dedupe_key', ['member_id', 'kind', 'dedupe_key'])
    .execute();

  await index(db, 'jobs', ['status', 'run_at']);
}

async function createAccessTables(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('member_id', 'text', notNull)
    .addColumn('user_id', 'bigint')
    .addColumn('user_name', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('brigade_id', 'bigint')
    .addColumn('created_at', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .addColumn('last_seen_at', 'text')
    .execute();

  await index(db, 'sessions', ['member_id', 'expires_at']);

  await withAutoId(db.schema.createTable('api_tokens'), dialect)
    .addColumn('member_id', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('token_hash', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('user_id', 'bigint')
    .addColumn('created_at', 'text', notNull)
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addUniqueConstraint('api_tokens_token_hash', ['token_hash'])
    .execute();

  await index(db, 'api_tokens', ['member_id', 'name']);
}

async function index(db: Kysely<unknown>, table: string, columns: string[]): Promise<void> {
  const name = `${table}_${columns.join('_')}_idx`;
  await db.schema.createIndex(name).on(table).columns(columns).execute();
}
