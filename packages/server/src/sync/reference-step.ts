import type { Kysely } from 'kysely';
import { changedBrigades, refreshHouseListItems } from '../read-model/index.js';
import { type Database, upsertMany } from '../store/index.js';
import type { CommandPump } from './command-pump.js';
import { listAll } from './list-all.js';
import { startedEarly } from './rest-command.js';
import type { PlacedReference, PortalRow, ReferenceLists } from './sync-domain.js';
import { now } from './sync-runs.js';

export const referenceCommands = {
  userFields: { method: 'crm.deal.userfield.list', params: { filter: { LANG: 'ru' } } },
  categories: { method: 'crm.category.list', params: { entityTypeId: 2 } },
  departments: { method: 'department.get', params: {} },
  users: { method: 'user.get', params: {} },
  profile: { method: 'profile', params: {} },
};

/**
 * Starts fetching the reference lists. The categories are handed out on their own as
 * soon as they arrive, so the caller can ask for the first house page in the same
 * batch as the lists' later pages.
 */
export function fetchReference(pump: CommandPump): {
  categories: Promise<PortalRow[]>;
  lists: Promise<ReferenceLists>;
  serverTime: Promise<string | null>;
} {
  const categories = listAll<PortalRow>(pump, referenceCommands.categories);
  const serverTime = pump
    .run({ method: 'server.time', params: {} })
    .then((outcome) => (typeof outcome.result === 'string' ? outcome.result : null));

  const profile = pump.run(referenceCommands.profile).then((outcome) => outcome.result);
  const lists = Promise.all([
    listAll<PortalRow>(pump, referenceCommands.userFields),
    categories,
    listAll<PortalRow>(pump, referenceCommands.departments),
    listAll<PortalRow>(pump, referenceCommands.users),
    profile,
  ]).then(([userFields, categoryRows, departments, users, caller]) => ({
    userFields,
    categories: categoryRows,
    departments,
    users: withCallerAdmin(users, caller),
  }));
  return {
    categories: startedEarly(categories),
    lists: startedEarly(lists),
    serverTime: startedEarly(serverTime),
  };
}

/**
 * `user.get` never says who administers the portal; `profile` does, for the user the
 * connection runs as (the webhook's owner). Marking that user lets the demo, and a
 * webhook installation, sign its administrator in before any OAuth sign-in happened.
 */
function withCallerAdmin(users: PortalRow[], caller: unknown): PortalRow[] {
  if (!isAdminProfile(caller)) return users;
  const callerId = String(caller.ID);
  return users.map((user) => (String(user.ID) === callerId ? { ...user, IS_ADMIN: true } : user));
}

function isAdminProfile(value: unknown): value is { ID: string | number; ADMIN: true } {
  if (typeof value !== 'object' || value === null) return false;
  const profile = value as Record<string, unknown>;
  return profile.ADMIN === true && profile.ID !== undefined;
}

/**
 * Replaces the portal's staff, brigades, enumerations and field mapping in one
 * transaction. Users and departments missing from the portal now are dropped from
 * the brigades table and marked deleted among the employees.
 */
export async function writeReference(
  db: Kysely<Database>,
  memberId: string,
  reference: PlacedReference,
): Promise<void> {
  const syncedAt = now();

  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('brigades')
      .select(['id', 'name'])
      .where('memberId', '=', memberId)
      .execute();
    await trx.deleteFrom('brigades').where('memberId', '=', memberId).execute();
    await upsertMany(trx, 'brigades', stamped(reference.brigades, memberId, syncedAt), [
      'memberId',
      'id',
    ]);
    const brigades = changedBrigades(before, reference.brigades);
    await refreshHouseListItems(trx, memberId, { brigades });

    const employees = reference.employees.map((row) => ({
      ...row,
      memberId,
      syncedAt,
      deletedAt: null,
    }));
    await trx
      .updateTable('employees')
      .set({ deletedAt: syncedAt })
      .where('memberId', '=', memberId)
      .where('deletedAt', 'is', null)
      .execute();
    await upsertMany(trx, 'employees', employees, ['memberId', 'id']);

    await trx.deleteFrom('enumerations').where('memberId', '=', memberId).execute();
    await upsertMany(trx, 'enumerations', withMember(reference.enumerations, memberId), [
      'memberId',
      'fieldName',
      'itemId',
    ]);

    await trx.deleteFrom('fieldMappings').where('memberId', '=', memberId).execute();
    await upsertMany(trx, 'fieldMappings', withMember(reference.fieldMappings, memberId), [
      'memberId',
      'fieldName',
    ]);

    const report = {
      memberId,
      pipelineId: reference.pipeline?.id ?? null,
      pipelineName: reference.pipeline?.name ?? null,
      unplaced: JSON.stringify(reference.unplaced),
      discoveredAt: syncedAt,
    };
    await upsertMany(trx, 'fieldMappingReports', [report], ['memberId']);
  });
}

function withMember<Row extends object>(
  rows: Row[],
  memberId: string,
): (Row & { memberId: string })[] {
  return rows.map((row) => ({ ...row, memberId }));
}

function stamped<Row extends object>(
  rows: Row[],
  memberId: string,
  syncedAt: string,
): (Row & { memberId: string; syncedAt: string })[] {
  return rows.map((row) => ({ ...row, memberId, syncedAt }));
}
