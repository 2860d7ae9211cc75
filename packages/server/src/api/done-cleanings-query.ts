import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * Whether the planned cleaning in scope as `cleanings` was marked done: the one place
 * acts and KPI learn what a brigade did. A completion answers one cleaning by its whole
 * key (house, date, type, slot), so the probe is a lookup in the completions' unique
 * index; a completion marked not done, or one for a cleaning the schedule no longer
 * holds, is no fact.
 */
export function cleaningDone(): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from completions
    where completions.member_id = cleanings.member_id
      and completions.house_id = cleanings.house_id
      and completions.date = cleanings.date
      and completions.cleaning_type = cleanings.cleaning_type
      and completions.slot = cleanings.slot
      and completions.status = 'done')`;
}
