import type { Kysely } from 'kysely';
import type { Database } from './database-types.js';

// Every reading of the plan pairs a cleaning with its house (and often the house's brigade);
// the join is on the portal too, since one store serves many portals.

/** The portal's cleanings, each with its house. */
export function cleaningsWithHouses(db: Kysely<Database>) {
  return db
    .selectFrom('cleanings')
    .innerJoin('houses', (join) =>
      join
        .onRef('houses.memberId', '=', 'cleanings.memberId')
        .onRef('houses.id', '=', 'cleanings.houseId'),
    );
}

/** The same, with the house's brigade where it has one. */
export function cleaningsWithBrigades(db: Kysely<Database>) {
  return cleaningsWithHouses(db).leftJoin('brigades', (join) =>
    join
      .onRef('brigades.memberId', '=', 'houses.memberId')
      .onRef('brigades.id', '=', 'houses.brigadeId'),
  );
}
