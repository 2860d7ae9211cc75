import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * The outbox: every write AudioBot makes to Bitrix24 is stored here first, then carried
 * out by the outbox worker (packages/server/src/outbox). One row per remote object and
 * intent, named by its idempotency key, unique per portal.
 */
export function outboxMigration(dialect: StoreDialect): Migration {
  return {
    async up(db) {
      await createOutbox(db, dialect);
    },
    async down(db) {
      await db.schema.dropTable('outbox').execute();
    },
  };
}

async function createOutbox(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const table = db.schema.createTable('outbox');
  const withId =
    dialect === 'postgres'
      ? table.addColumn('id', 'bigserial', (column) => column.primaryKey())
      : table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement());

  await withId
    .addColumn('member_id', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('idempotency_key', 'text', (column) => column.notNull())
    .addColumn('payload', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('next_attempt_at', 'text', (column) => column.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('done_at', 'text')
    .addUniqueConstraint('outbox_idempotency_key', ['member_id', 'idempotency_key'])
    .execute();

  await db.schema
    .createIndex('outbox_status_next_attempt_at_idx')
    .on('outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('outbox_member_id_status_idx')
    .on('outbox')
    .columns(['member_id', 'status'])
    .execute();
}
