import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

import { PERIODICITY_NOT_SET } from '../domain/periodicity.js';
import type { Database } from '../store/index.js';

/**
 * A house as one item of the houses list, written by the database as JSON text from the
 * house row `h` and the names it links to (`b` brigade, `m` УК, `r` senior resident).
 * The shape is `HouseSummary` of the API without its next cleaning, which depends on the
 * day; the text starts after the opening brace so that the next cleaning can be put in
 * front (`nextCleaningJson`). A link whose row is missing shows its id as its name, as
 * the presenter does.
 */
export function houseListItemJson(db: Kysely<Database>): RawBuilder<string> {
  const json = jsonFunctions(db);
  const object = (...pairs: Pair[]) => {
    const members = pairs.map(([key, value]) => sql`${sql.lit(key)}, ${value}`);
    return sql`${sql.raw(json.object)}(${sql.join(members)})`;
  };
  const link = (id: RawBuilder<unknown>, name: RawBuilder<unknown>, ...more: Pair[]) =>
    sql`case when ${id} is null then null else ${object(
      ['id', sql`cast(${id} as text)`],
      ['name', sql`coalesce(${name}, '#' || ${id})`],
      ...more,
    )} end`;

  const pairs: Pair[] = [
    ['id', sql`cast(h.id as text)`],
    ['title', sql`h.title`],
    ['address', sql`h.address`],
    ['lat', sql`h.lat`],
    ['lon', sql`h.lon`],
    ['apartments', sql`h.apartments`],
    ['entrances', sql`h.entrances`],
    ['floors', sql`h.floors`],
    ['area', sql`h.area`],
    ['tariff', sql`h.tariff`],
    ['brigade', link(sql`h.brigade_id`, sql`b.name`)],
    ['managementCompany', link(sql`h.management_company_id`, sql`m.name`)],
    [
      'seniorResident',
      link(sql`h.senior_resident_id`, sql`r.name`, ['phone', json.firstOf(sql`r.phones`)]),
    ],
    ['periodicity', sql`coalesce(h.periodicity_current, ${PERIODICITY_NOT_SET})`],
    ['problems', json.parse(sql`h.problems`)],
  ];
  return sql<string>`substr(${json.text(object(...pairs))}, 2)`;
}

type Pair = [key: string, value: RawBuilder<unknown>];

/**
 * The front of an item: its opening brace and its next cleaning (`date`, `type`: SQL of
 * the date and the type code; «none» without both). Dates and type codes hold no
 * character JSON would escape, and nothing here is outside ASCII, so its length in
 * characters is its length in bytes on both databases.
 */
export function nextCleaningJson(
  date: RawBuilder<unknown>,
  type: RawBuilder<unknown>,
): RawBuilder<string> {
  return sql<string>`'{"nextCleaning":' || case when ${date} is null or ${type} is null then 'null'
    else '{"date":"' || ${date} || '","type":"' || ${type} || '"}' end || ','`;
}

/** The two stores spell JSON differently; the text they write parses to the same value. */
function jsonFunctions(db: Kysely<Database>) {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return {
      object: 'json_build_object',
      parse: (text: RawBuilder<unknown>) => sql`cast(${text} as json)`,
      firstOf: (array: RawBuilder<unknown>) => sql`(cast(${array} as json) ->> 0)`,
      text: (value: RawBuilder<unknown>) => sql`cast(${value} as text)`,
    };
  }
  return {
    object: 'json_object',
    parse: (text: RawBuilder<unknown>) => sql`json(${text})`,
    firstOf: (array: RawBuilder<unknown>) => sql`json_extract(${array}, '$[0]')`,
    text: (value: RawBuilder<unknown>) => value,
  };
}
