import type { Migration } from 'kysely';

/**
 * Signed acts of works: one row per house and month once the office has signed the act
 * (on which date, by whom). Unsigning deletes the row, so "signed" is simply "a row
 * exists". The counts of an act (planned, done) are not stored: they are read from the
 * cleanings and completions, so a late completion still shows.
 */
export function actsMigration(): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('acts')
        .addColumn('member_id', 'text', (column) => column.notNull())
        .addColumn('house_id', 'bigint', (column) => column.notNull())
        .addColumn('month', 'text', (column) => column.notNull())
        .addColumn('signed_on', 'text', (column) => column.notNull())
        .addColumn('signed_by_id', 'bigint')
        .addColumn('signed_by_name', 'text', (column) => column.notNull())
        .addColumn('signed_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('acts_pk', ['member_id', 'house_id', 'month'])
        .execute();

      await db.schema
        .createIndex('acts_member_id_month_idx')
        .on('acts')
        .columns(['member_id', 'month'])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('acts').execute();
    },
  };
}
