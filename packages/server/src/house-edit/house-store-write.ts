import type { Kysely } from 'kysely';

import { type DealRow, toHouse } from '../domain/index.js';
import { loadHouseMapping } from '../events/index.js';
import { refreshHouseListItems } from '../read-model/index.js';
import { type Database, upsertMany } from '../store/index.js';
import { insertCleanings } from '../sync/cleanings-insert.js';

export interface HouseStoreWrite {
  db: Kysely<Database>;
  timeZone: string;
  /** Called after the transaction (the read cache forgets its answers). */
  afterWrite?: () => void;
  now?: () => Date;
}

/**
 * Stores a deal just read from the portal as its house and cleanings, mapped exactly as
 * the sync maps it, in one transaction: a reader never sees the new counts beside the
 * old schedule. Only the deal's own row changes; its УК and senior resident stay.
 */
export async function storeDeal(
  options: HouseStoreWrite,
  memberId: string,
  deal: DealRow,
): Promise<void> {
  const mapping = await loadHouseMapping(options.db, memberId);
  if (!mapping) return;

  const { house, cleanings } = toHouse(deal, mapping.fields, {
    memberId,
    timeZone: options.timeZone,
    enumerations: mapping.enumerations,
    brigadeOfUser: (userId) => mapping.brigadeOfUser.get(userId) ?? null,
    now: options.now?.() ?? new Date(),
  });

  await options.db.transaction().execute(async (trx) => {
    await upsertMany(trx, 'houses', [house], ['memberId', 'id']);
    await trx
      .deleteFrom('cleanings')
      .where('memberId', '=', memberId)
      .where('houseId', '=', house.id)
      .execute();
    await insertCleanings(trx, memberId, cleanings);
    await refreshHouseListItems(trx, memberId, { houses: [house.id] });
  });
  options.afterWrite?.();
}
