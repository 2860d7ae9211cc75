import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * Completions: a brigade's answer for one planned cleaning (house, date, type, slot),
 * done with photos or not done with a reason, and the photos' files on disk. One
 * completion per cleaning; its Bitrix24 writes go through the outbox under its id.
 */
export function completionsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db) {
      await createCompletions(db, dialect);
      await createPhotos(db, dialect);
    },
    async down(db) {
      await db.schema.dropTable('completion_photos').execute();
      await db.schema.dropTable('completions').execute();
    },
  };
}

async function createCompletions(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await withAutoId(db.schema.createTable('completions'), dialect)
    .addColumn('member_id', 'text', (column) => column.notNull())
    .addColumn('house_id', 'bigint', (column) => column.notNull())
    .addColumn('date', 'text', (column) => column.notNull())
    .addColumn('cleaning_type', 'text', (column) => column.notNull())
    .addColumn('slot', 'integer', (column) => column.notNull())
    .addColumn('brigade_id', 'bigint')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('reason', 'text')
    .addColumn('photo_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('author_id', 'bigint')
    .addColumn('author_name', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('completions_cleaning', [
      'member_id',
      'house_id',
      'date',
      'cleaning_type',
      'slot',
    ])
    .execute();

  await db.schema
    .createIndex('completions_member_id_date_idx')
    .on('completions')
    .columns(['member_id', 'date'])
    .execute();
}

async function createPhotos(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await withAutoId(db.schema.createTable('completion_photos'), dialect)
    .addColumn('member_id', 'text', (column) => column.notNull())
    .addColumn('completion_id', 'bigint', (column) => column.notNull())
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('content_type', 'text', (column) => column.notNull())
    .addColumn('size', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createIndex('completion_photos_completion_idx')
    .on('completion_photos')
    .columns(['member_id', 'completion_id'])
    .execute();
}

type TableBuilder = ReturnType<Kysely<unknown>['schema']['createTable']>;

function withAutoId(table: TableBuilder, dialect: StoreDialect): TableBuilder {
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigserial', (column) => column.primaryKey())
    : table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement());
}
