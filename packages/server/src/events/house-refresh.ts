import { type Bitrix24Client, isBitrix24Error } from '@audiobot/bitrix24';
import type { Kysely } from 'kysely';

import type { ApplicationServices } from '../application/application-services.js';
import {
  type CompanyRow,
  type ContactRow,
  type DealRow,
  toHouse,
  toManagementCompany,
  toSeniorResident,
} from '../domain/index.js';
import { changedParties, refreshHouseListItems } from '../read-model/index.js';
import { type Database, type NewCleaning, type NewHouse, upsertMany } from '../store/index.js';
import { markHousesDeleted } from '../sync/house-writer.js';
import { loadHouseMapping, type StoredHouseMapping } from './stored-house-mapping.js';

export type RefreshOutcome = 'written' | 'deleted' | 'skipped';

/** Everything one deal brings: the deal, its УК and its senior resident, in one request. */
interface DealWithParties {
  deal: DealRow | null;
  company: CompanyRow | null;
  contact: ContactRow | null;
}

/**
 * Fetches one deal again and writes its house, УК, senior resident and cleanings as the
 * sync would, in one transaction. A deal that is gone, or left the houses pipeline,
 * marks its house deleted. Before the first sync there is no mapping: nothing is
 * written and the sync brings the deal.
 */
export async function refreshHouse(
  services: ApplicationServices,
  memberId: string,
  dealId: number,
): Promise<RefreshOutcome> {
  const mapping = await loadHouseMapping(services.db, memberId);
  if (!mapping) return 'skipped';

  const client = await services.clients.clientFor(memberId);
  const fetched = await fetchDeal(client, dealId);
  if (!fetched.deal || Number(fetched.deal.CATEGORY_ID) !== mapping.pipelineId) {
    await markHousesDeleted(services.db, memberId, [dealId]);
    return 'deleted';
  }

  await writeHouse(services, memberId, fetched, mapping);
  return 'written';
}

async function fetchDeal(client: Bitrix24Client, dealId: number): Promise<DealWithParties> {
  const answer = await client.batch({
    deal: { method: 'crm.deal.get', params: { id: dealId } },
    company: { method: 'crm.company.get', params: { id: '$result[deal][COMPANY_ID]' } },
    contact: { method: 'crm.contact.get', params: { id: '$result[deal][CONTACT_ID]' } },
  });

  const dealError = answer.errors.deal;
  if (dealError && dealError.kind !== 'not_found') throw dealError;
  // A deal without a company or contact fails those commands; that is not an error.
  return {
    deal: (answer.results.deal as DealRow | undefined) ?? null,
    company: (answer.results.company as CompanyRow | undefined) ?? null,
    contact: (answer.results.contact as ContactRow | undefined) ?? null,
  };
}

async function writeHouse(
  services: ApplicationServices,
  memberId: string,
  fetched: DealWithParties,
  mapping: StoredHouseMapping,
): Promise<void> {
  const now = services.now();
  const stamp = { memberId, syncedAt: now.toISOString() };
  const { house, cleanings } = toHouse(fetched.deal as DealRow, mapping.fields, {
    memberId,
    timeZone: services.timeZone,
    enumerations: mapping.enumerations,
    brigadeOfUser: (userId) => mapping.brigadeOfUser.get(userId) ?? null,
    now,
  });

  const companies = fetched.company ? [toManagementCompany(fetched.company, stamp)] : [];
  const residents = fetched.contact ? [toSeniorResident(fetched.contact, stamp)] : [];
  await services.db.transaction().execute(async (trx) => {
    const renamed = {
      companies: await changedParties(trx, 'managementCompanies', memberId, companies),
      residents: await changedParties(trx, 'seniorResidents', memberId, residents),
    };
    const present = { deletedAt: null };
    const rows = <T>(list: T[]) => list.map((row) => ({ ...row, ...present }));
    await upsertMany(trx, 'managementCompanies', rows(companies), ['memberId', 'id']);
    await upsertMany(trx, 'seniorResidents', rows(residents), ['memberId', 'id']);
    await upsertMany(trx, 'houses', [{ ...house, ...present }], ['memberId', 'id']);
    await replaceCleanings(trx, house, cleanings);
    await refreshHouseListItems(trx, memberId, { houses: [house.id], ...renamed });
  });
}

/** Cleanings are derived from the schedule: a house's are replaced whole. */
async function replaceCleanings(
  trx: Kysely<Database>,
  house: NewHouse,
  cleanings: NewCleaning[],
): Promise<void> {
  await trx
    .deleteFrom('cleanings')
    .where('memberId', '=', house.memberId)
    .where('houseId', '=', house.id)
    .execute();
  await upsertMany(trx, 'cleanings', cleanings, [
    'memberId',
    'houseId',
    'date',
    'cleaningType',
    'slot',
  ]);
}

export function isRetryableRefreshError(error: unknown): boolean {
  return isBitrix24Error(error) && error.retryable;
}
