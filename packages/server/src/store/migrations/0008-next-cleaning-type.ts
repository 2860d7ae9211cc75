import { type Migration, sql } from 'kysely';

/**
 * The type of a house's next cleaning, kept beside its date (`next_cleaning_date`).
 * Every page of the houses list shows it; read from the cleanings, it cost a subquery
 * per house, about a tenth of the page query's time. Existing rows get it from their
 * cleanings here; a row without one (written by an older version) is read as before.
 */
export function nextCleaningTypeMigration(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable('houses').addColumn('next_cleaning_type', 'text').execute();
      await sql`update houses set next_cleaning_type = (
          select c.cleaning_type from cleanings c
          where c.member_id = houses.member_id and c.house_id = houses.id
            and c.date = houses.next_cleaning_date
          order by c.slot limit 1)
        where next_cleaning_date is not null`.execute(db);
    },
    async down(db) {
      await db.schema.alterTable('houses').dropColumn('next_cleaning_type').execute();
    },
  };
}
