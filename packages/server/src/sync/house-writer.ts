import type { Kysely } from 'kysely';
import { changedParties, refreshHouseListItems } from '../read-model/index.js';
import { type Database, upsertMany } from '../store/index.js';
import { insertCleanings } from './cleanings-insert.js';
import type { HouseUnit } from './deal-walk.js';
import type { MappedHouse, PlacedReference, PortalRow, SyncDomain } from './sync-domain.js';
import { now } from './sync-runs.js';

export interface HouseWrite {
  db: Kysely<Database>;
  memberId: string;
  domain: SyncDomain;
  reference: PlacedReference;
  runId: number;
}

/**
 * Writes pages of houses with their companies, contacts, cleanings and list items, and
 * the run's checkpoint, in ONE transaction: a crash leaves each page either fully written
 * or not at all, and the checkpoint never runs ahead of the rows. Pages that wait together are
 * written together (one commit instead of many). Cleanings are derived data: a house's
 * are replaced whole, and only when its plan's fingerprint changed.
 */
export async function writeHouseUnits(
  write: HouseWrite,
  units: HouseUnit[],
  checkpoint: object | null,
): Promise<number[]> {
  const { memberId, domain, reference } = write;
  const syncedAt = now();
  const stamp = { memberId, syncedAt, deletedAt: null };

  const companyRows = units.flatMap((unit) => unit.companies);
  const contactRows = units.flatMap((unit) => unit.contacts);
  const companies = companyRows.map((row) => ({ ...domain.managementCompanyOf(row), ...stamp }));
  const residents = contactRows.map((row) => ({ ...domain.seniorResidentOf(row), ...stamp }));
  const deals = lastById(units.flatMap((unit) => unit.deals));
  const mapped = deals.map((deal) => domain.houseOf(deal, reference));
  const houses = mapped.map(({ house }) => ({ ...house, ...stamp }));
  const houseIds = houses.map((house) => house.id);

  await write.db.transaction().execute(async (trx) => {
    const renamed = {
      companies: await changedParties(trx, 'managementCompanies', memberId, companies),
      residents: await changedParties(trx, 'seniorResidents', memberId, residents),
    };
    await upsertMany(trx, 'managementCompanies', companies, ['memberId', 'id']);
    await upsertMany(trx, 'seniorResidents', residents, ['memberId', 'id']);
    const replanned = await withNewPlans(trx, memberId, mapped);
    await upsertMany(trx, 'houses', houses, ['memberId', 'id']);
    await replaceCleanings(
      trx,
      memberId,
      replanned.map(({ house }) => house.id),
      replanned.flatMap(({ cleanings }) => cleanings),
    );
    await refreshHouseListItems(trx, memberId, { houses: houseIds, ...renamed });
    if (checkpoint) {
      await trx
        .updateTable('syncRuns')
        .set({ checkpoint: JSON.stringify(checkpoint), heartbeatAt: syncedAt })
        .where('id', '=', write.runId)
        .execute();
    }
  });
  return houseIds;
}

/**
 * A deal seen twice in one write (offset pages can shift while the walk runs) is
 * written once, as last seen: its cleanings then appear once in the insert.
 */
function lastById(deals: PortalRow[]): PortalRow[] {
  const byId = new Map(deals.map((deal) => [String(deal.ID), deal]));
  return byId.size === deals.length ? deals : [...byId.values()];
}

/**
 * The houses whose plan differs from the one their stored cleanings hold (or who have
 * none stored). Read before the houses are written, which replaces the fingerprints.
 */
async function withNewPlans(
  trx: Kysely<Database>,
  memberId: string,
  mapped: MappedHouse[],
): Promise<MappedHouse[]> {
  const stored = new Map<number, string | null>();
  for (let start = 0; start < mapped.length; start += 500) {
    const rows = await trx
      .selectFrom('houses')
      .select(['id', 'planFingerprint'])
      .where('memberId', '=', memberId)
      .where(
        'id',
        'in',
        mapped.slice(start, start + 500).map(({ house }) => house.id),
      )
      .where('deletedAt', 'is', null)
      .execute();
    for (const row of rows) stored.set(Number(row.id), row.planFingerprint);
  }
  return mapped.filter(
    ({ house }) => !house.planFingerprint || stored.get(house.id) !== house.planFingerprint,
  );
}

async function replaceCleanings(
  trx: Kysely<Database>,
  memberId: string,
  houseIds: number[],
  cleanings: MappedHouse['cleanings'],
): Promise<void> {
  for (let start = 0; start < houseIds.length; start += 500) {
    await trx
      .deleteFrom('cleanings')
      .where('memberId', '=', memberId)
      .where('houseId', 'in', houseIds.slice(start, start + 500))
      .execute();
  }
  await insertCleanings(trx, memberId, cleanings);
}

/**
 * Marks houses gone from the pipeline as deleted (the row stays for history) and drops
 * their cleanings, in one transaction.
 */
export async function markHousesDeleted(
  db: Kysely<Database>,
  memberId: string,
  houseIds: number[],
): Promise<void> {
  if (houseIds.length === 0) return;
  const deletedAt = now();

  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < houseIds.length; start += 1000) {
      const chunk = houseIds.slice(start, start + 1000);
      await trx
        .updateTable('houses')
        // The cleanings go: no fingerprint then, so a house that comes back gets them again.
        .set({ deletedAt, planFingerprint: null })
        .where('memberId', '=', memberId)
        .where('id', 'in', chunk)
        .execute();
      await trx
        .deleteFrom('cleanings')
        .where('memberId', '=', memberId)
        .where('houseId', 'in', chunk)
        .execute();
    }
  });
}

/** Ids of the houses the store holds as present (not deleted). */
export async function presentHouseIds(db: Kysely<Database>, memberId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('houses')
    .select('id')
    .where('memberId', '=', memberId)
    .where('deletedAt', 'is', null)
    .execute();
  return rows.map((row) => Number(row.id));
}
