import type { Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * The history of the office's corrections of completions: a wrong mark withdrawn, or
 * done turned not done and back. The completion row holds only the present state; each
 * change keeps what it was before, what it became, who changed it and why, so nothing a
 * brigade marked is lost by a correction.
 */
export function completionChangesMigration(dialect: StoreDialect): Migration {
  return {
    async up(db) {
      const table = db.schema.createTable('completion_changes');
      await (dialect === 'postgres'
        ? table.addColumn('id', 'bigserial', (column) => column.primaryKey())
        : table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
      )
        .addColumn('member_id', 'text', (column) => column.notNull())
        .addColumn('completion_id', 'bigint', (column) => column.notNull())
        .addColumn('house_id', 'bigint', (column) => column.notNull())
        .addColumn('date', 'text', (column) => column.notNull())
        .addColumn('status_before', 'text', (column) => column.notNull())
        .addColumn('reason_before', 'text')
        .addColumn('author_before', 'text', (column) => column.notNull())
        .addColumn('status_after', 'text', (column) => column.notNull())
        .addColumn('reason_after', 'text')
        .addColumn('note', 'text', (column) => column.notNull())
        .addColumn('changed_by_id', 'bigint')
        .addColumn('changed_by_name', 'text', (column) => column.notNull())
        .addColumn('changed_at', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createIndex('completion_changes_house_date_idx')
        .on('completion_changes')
        .columns(['member_id', 'house_id', 'date'])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('completion_changes').execute();
    },
  };
}
