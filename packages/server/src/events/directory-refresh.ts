import type { Bitrix24Client } from '@audiobot/bitrix24';
import type { Insertable } from 'kysely';
import type { ApplicationServices } from '../application/application-services.js';
import {
  type CompanyRow,
  type ContactRow,
  toEmployee,
  toManagementCompany,
  toSeniorResident,
  type UserRow,
} from '../domain/index.js';
import { changedParties, refreshHouseListItems, type ShownLink } from '../read-model/index.js';
import { type Database, upsertMany } from '../store/index.js';
import type { RefreshOutcome } from './house-refresh.js';
import { storedBrigadeStructure } from './stored-brigades.js';

/**
 * A УК or senior resident changed: fetched again, but only when a house names it.
 * AudioBot mirrors the parties of its houses, not the whole CRM.
 */
export function refreshManagementCompany(
  services: ApplicationServices,
  memberId: string,
  id: number,
): Promise<RefreshOutcome> {
  return refreshParty(services, memberId, id, {
    table: 'managementCompanies',
    fetch: async (client) => {
      const answer = await client.call<CompanyRow>('crm.company.get', { id });
      return toManagementCompany(answer.result, stampOf(services, memberId));
    },
  });
}

export function refreshSeniorResident(
  services: ApplicationServices,
  memberId: string,
  id: number,
): Promise<RefreshOutcome> {
  return refreshParty(services, memberId, id, {
    table: 'seniorResidents',
    fetch: async (client) => {
      const answer = await client.call<ContactRow>('crm.contact.get', { id });
      return toSeniorResident(answer.result, stampOf(services, memberId));
    },
  });
}

type PartyTable = 'managementCompanies' | 'seniorResidents';
/** A row of either table, with what a house list item shows of it. */
type PartyRow<Table extends PartyTable> = Insertable<Database[Table]> & ShownLink;

async function refreshParty<Table extends PartyTable>(
  services: ApplicationServices,
  memberId: string,
  id: number,
  party: { table: Table; fetch: (client: Bitrix24Client) => Promise<PartyRow<Table>> },
): Promise<RefreshOutcome> {
  const known = await services.db
    .selectFrom(party.table as PartyTable)
    .select('id')
    .where('memberId', '=', memberId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!known) return 'skipped';

  const client = await services.clients.clientFor(memberId);
  const row = { ...(await party.fetch(client)), deletedAt: null };
  await services.db.transaction().execute(async (trx) => {
    const renamed = await changedParties(trx, party.table, memberId, [row]);
    await upsertMany(trx, party.table, [row], ['memberId', 'id']);
    const links = party.table === 'managementCompanies' ? 'companies' : 'residents';
    await refreshHouseListItems(trx, memberId, { [links]: renamed });
  });
  return 'written';
}

/** A new portal user joins the staff, in the brigade of their department. */
export async function refreshEmployee(
  services: ApplicationServices,
  memberId: string,
  id: number,
): Promise<RefreshOutcome> {
  const structure = await storedBrigadeStructure(services.db, memberId);
  if (!structure) return 'skipped';

  const client = await services.clients.clientFor(memberId);
  const answer = await client.call<UserRow[]>('user.get', { ID: id });
  const user = Array.isArray(answer.result) ? answer.result[0] : undefined;
  if (!user) return 'skipped';

  const row = toEmployee(user, structure, stampOf(services, memberId));
  await upsertMany(services.db, 'employees', [row], ['memberId', 'id']);
  return 'written';
}

function stampOf(services: ApplicationServices, memberId: string) {
  return { memberId, syncedAt: services.now().toISOString() };
}
