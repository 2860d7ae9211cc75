import { sql } from 'kysely';

/**
 * Floor-cleanings of one visit (a row of `cleanings` joined to its `houses` row): the
 * landings a brigade cleans. A first-floor cleaning is one landing per entrance; every
 * other type covers all floors of every entrance. Missing counts count as nothing,
 * never as a guess.
 */
export const visitFloorCleaningsSql = sql<number>`case
  when cleanings.cleaning_type = 'first_floor' then coalesce(houses.entrances, 0)
  else coalesce(houses.entrances, 0) * coalesce(houses.floors, 0) end`;

/** The same rule for a visit counted in code, with the house's counts (null: 0). */
export function visitFloorCleanings(
  cleaningType: string,
  house: { entrances: number | null; floors: number | null },
): number {
  const entrances = house.entrances ?? 0;
  return cleaningType === 'first_floor' ? entrances : entrances * (house.floors ?? 0);
}
