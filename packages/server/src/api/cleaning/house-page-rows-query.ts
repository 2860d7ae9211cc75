import { type Kysely, sql } from 'kysely';

import type { Database } from '../../store/index.js';
import type { FilterScope } from './house-filter-query.js';
import type { HouseSummaryPageRow } from './house-summary-query.js';

/**
 * The rows of one page of the houses list: the columns and names of `summaryQuery`, and
 * the next cleaning. Written as SQL text, not with the query builder: on every list
 * request the builder's building, renaming and compiling of this statement cost nearly
 * as much as the database's work. Columns are spelt as the database spells them and
 * aliased to the row's camelCase names, so it runs without the CamelCasePlugin.
 *
 * The next cleaning is the one stored on the house (date and type) while it holds: worked
 * out today or earlier and not passed; a null date then stays «none». Else it is the
 * first cleaning from today, one seek into the cleanings key, and that day's first slot.
 */
export async function selectPageRows(
  db: Kysely<Database>,
  scope: FilterScope,
  ids: number[],
): Promise<HouseSummaryPageRow[]> {
  const { memberId, today } = scope;
  const holds = sql`h.next_cleaning_as_of <= ${today}
    and (h.next_cleaning_date is null or h.next_cleaning_date >= ${today})`;
  const nextDate = sql`case when ${holds} then h.next_cleaning_date
    else (select min(c.date) from cleanings c
      where c.member_id = h.member_id and c.house_id = h.id and c.date >= ${today})
    end`;
  // A row written before the type was kept has its date but no type.
  const nextType = sql`case when ${holds} and h.next_cleaning_type is not null
    then h.next_cleaning_type
    else (select c.cleaning_type from cleanings c
      where c.member_id = h.member_id and c.house_id = h.id and c.date = ${nextDate}
      order by c.slot limit 1)
    end`;

  const { rows } = await sql<HouseSummaryPageRow>`select
      h.id, h.title, h.address, h.lat, h.lon, h.apartments, h.entrances, h.floors,
      h.area, h.tariff,
      h.brigade_id as "brigadeId", b.name as "brigadeName",
      h.management_company_id as "managementCompanyId",
      m.name as "managementCompanyName",
      h.senior_resident_id as "seniorResidentId", r.name as "seniorResidentName",
      r.phones as "seniorResidentPhones",
      h.periodicity_current as "periodicityCurrent", h.problems,
      ${nextDate} as "nextCleaningOn", ${nextType} as "nextCleaningType"
    from houses h
    left join brigades b on b.member_id = h.member_id and b.id = h.brigade_id
    left join management_companies m
      on m.member_id = h.member_id and m.id = h.management_company_id
    left join senior_residents r on r.member_id = h.member_id and r.id = h.senior_resident_id
    where h.member_id = ${memberId} and h.id in (${sql.join(ids)})`.execute(db.withoutPlugins());
  return rows;
}
