import { CompiledQuery, type Kysely, PostgresAdapter, sql } from 'kysely';
import { chunkSizes, type Database, type NewCleaning } from '../store/index.js';

type CleaningRow = Omit<NewCleaning, 'memberId'>;

/**
 * Inserts a page group's cleanings (about 56 000 rows for 1 000 houses) without
 * building them through Kysely, whose query building costs more than the database takes
 * to store them. PostgreSQL gets ONE parameter, a JSON array it unpacks itself
 * (`jsonb_array_elements`). SQLite gets multi-row VALUES statements of a few fixed
 * sizes (chunk-sizes.ts), so the same prepared statements serve every write: a sixth
 * cheaper than its `json_each`, which parses each row's JSON again for every column it
 * reads. The rows were just deleted and each house comes once (the writer maps each deal
 * once, the domain plans each cleaning once), so no key repeats: the conflict clause is
 * a guard, not a merge.
 */
export async function insertCleanings(
  trx: Kysely<Database>,
  memberId: string,
  cleanings: readonly CleaningRow[],
): Promise<void> {
  if (cleanings.length === 0) return;

  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await postgresInsert(memberId, JSON.stringify(cleanings.map(valuesOf))).execute(trx);
    return;
  }
  let start = 0;
  for (const size of chunkSizes(cleanings.length, SQLITE_CHUNK)) {
    const parameters: unknown[] = [];
    for (let index = start; index < start + size; index += 1) {
      // Straight into the parameters: no array per row (a sync writes millions of rows).
      parameters.push(memberId);
      pushValues(parameters, cleanings[index] as CleaningRow);
    }
    start += size;
    await trx.executeQuery(CompiledQuery.raw(sqliteInsert(size), parameters));
  }
}

/** The values after `member_id`, in the order of `columns`, pushed onto `values`. */
function pushValues(values: unknown[], c: CleaningRow): void {
  values.push(
    c.houseId,
    c.date,
    c.cleaningType,
    c.typeId ?? null,
    c.typeText ?? null,
    c.slot,
    c.month,
    c.sourceField,
  );
}

function valuesOf(c: CleaningRow): unknown[] {
  const values: unknown[] = [];
  pushValues(values, c);
  return values;
}

/** Rows per SQLite statement: 9 000 parameters, well under its limit of 32 766. */
const SQLITE_CHUNK = 1000;

const columns = `(member_id, house_id, date, cleaning_type, type_id, type_text, slot, month,
  source_field)`;

const conflict = `on conflict (member_id, house_id, date, cleaning_type, slot) do update set
  type_id = excluded.type_id, type_text = excluded.type_text, month = excluded.month,
  source_field = excluded.source_field`;

/** Multi-row INSERT text for `rows` rows, built once for each of the few sizes used. */
function sqliteInsert(rows: number): string {
  let text = insertTexts.get(rows);
  if (!text) {
    const values = Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    text = `insert into cleanings ${columns} values ${values} ${conflict}`;
    insertTexts.set(rows, text);
  }
  return text;
}

const insertTexts = new Map<number, string>();

function postgresInsert(memberId: string, json: string) {
  return sql`insert into cleanings ${sql.raw(columns)}
    select ${memberId}, (c ->> 0)::bigint, c ->> 1, c ->> 2, (c ->> 3)::bigint, c ->> 4,
      (c ->> 5)::integer, c ->> 6, c ->> 7
    from jsonb_array_elements(${json}::jsonb) as c ${sql.raw(conflict)}`;
}
