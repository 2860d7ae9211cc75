import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database, NewCleaning } from '../store/index.js';

/**
 * Inserts a page's cleanings (about 2 700 rows for 50 houses) as ONE parameter: a JSON
 * array the database unpacks itself (`json_each` in SQLite, `jsonb_to_recordset` in
 * PostgreSQL). The same rows as 27 000 bound values cost Kysely more to build and
 * compile than the database takes to store them; this keeps the write at the
 * database's speed. The rows were just deleted and each house comes once (the writer
 * maps each deal once, the domain plans each cleaning once), so no key repeats: the
 * conflict clause is a guard, not a merge.
 */
export async function insertCleanings(
  trx: Kysely<Database>,
  memberId: string,
  cleanings: readonly Omit<NewCleaning, 'memberId'>[],
): Promise<void> {
  if (cleanings.length === 0) return;

  const json = JSON.stringify(
    cleanings.map((c) => [
      c.houseId,
      c.date,
      c.cleaningType,
      c.typeId ?? null,
      c.typeText ?? null,
      c.slot,
      c.month,
      c.sourceField,
    ]),
  );
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  await (postgres ? postgresInsert(memberId, json) : sqliteInsert(memberId, json)).execute(trx);
}

const conflict = sql`on conflict (member_id, house_id, date, cleaning_type, slot) do update set
  type_id = excluded.type_id, type_text = excluded.type_text, month = excluded.month,
  source_field = excluded.source_field`;

const columns = sql`(member_id, house_id, date, cleaning_type, type_id, type_text, slot, month,
  source_field)`;

function sqliteInsert(memberId: string, json: string) {
  // `where true` tells SQLite's parser that ON CONFLICT belongs to the INSERT.
  return sql`insert into cleanings ${columns}
    select ${memberId}, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4,
      value ->> 5, value ->> 6, value ->> 7
    from json_each(${json}) where true ${conflict}`;
}

function postgresInsert(memberId: string, json: string) {
  return sql`insert into cleanings ${columns}
    select ${memberId}, (c ->> 0)::bigint, c ->> 1, c ->> 2, (c ->> 3)::bigint, c ->> 4,
      (c ->> 5)::integer, c ->> 6, c ->> 7
    from jsonb_array_elements(${json}::jsonb) as c ${conflict}`;
}
