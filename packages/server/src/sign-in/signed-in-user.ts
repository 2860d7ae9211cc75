import type { Kysely } from 'kysely';

import { userOfEmployee } from '../auth/employee-user.js';
import type { RequestUser } from '../auth/request-user.js';
import { brigadeOf, type RoleFacts, roleOf } from '../auth/user-role.js';
import { storedBrigadeStructure } from '../events/stored-brigades.js';
import { apiError } from '../http/api-error.js';
import type { Database } from '../store/index.js';
import type { PortalIdentity } from './portal-identity.js';

export type SignedInUser = Omit<RequestUser, 'via'>;

/**
 * The role of a portal user, recomputed at every sign-in: admin when the portal says
 * so now (or, if it would not say, when the synced employee row says so); brigade
 * leader or member from the synced brigades; everyone else office. Before the first
 * sync only an admin may sign in: a brigade member would otherwise see every brigade.
 */
export async function signedInUser(
  db: Kysely<Database>,
  memberId: string,
  identity: PortalIdentity,
): Promise<SignedInUser> {
  const employee = await db
    .selectFrom('employees')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('id', '=', identity.userId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();

  if (employee) {
    if (employee.active !== 1) throw apiError('forbidden', 'This portal user is deactivated.');
    const synced = userOfEmployee(employee);
    if (identity.isAdmin === null) return synced;

    const brigadeId = employee.brigadeId === null ? null : String(employee.brigadeId);
    return withRole(synced, {
      isAdmin: identity.isAdmin,
      leadsBrigadeId: employee.isLeader === 1 ? brigadeId : null,
      memberOfBrigadeId: brigadeId,
    });
  }
  return unsyncedUser(db, memberId, identity);
}

async function unsyncedUser(
  db: Kysely<Database>,
  memberId: string,
  identity: PortalIdentity,
): Promise<SignedInUser> {
  const base = { id: String(identity.userId), name: identity.name };
  if (identity.isAdmin) return { ...base, role: 'admin', brigadeId: null };

  const structure = await storedBrigadeStructure(db, memberId);
  if (!structure) throw apiError('sync_pending');

  const brigadeId = structure.brigadeOf(identity.departmentIds);
  const brigade = structure.brigades.find((candidate) => candidate.id === brigadeId);
  const id = brigadeId === null ? null : String(brigadeId);
  return withRole(base, {
    isAdmin: false,
    leadsBrigadeId: brigade?.headId === identity.userId ? id : null,
    memberOfBrigadeId: id,
  });
}

function withRole(user: { id: string; name: string }, facts: RoleFacts): SignedInUser {
  return { id: user.id, name: user.name, role: roleOf(facts), brigadeId: brigadeOf(facts) };
}
