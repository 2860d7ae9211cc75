import type { Kysely } from 'kysely';

import type { Database, Employee } from '../store/index.js';
import type { RequestUser } from './request-user.js';
import { brigadeOf, roleOf } from './user-role.js';

/** The user an employee row signs in as: role and brigade computed from the portal's data. */
export function userOfEmployee(employee: Employee): Omit<RequestUser, 'via'> {
  const brigadeId = employee.brigadeId === null ? null : String(employee.brigadeId);
  const facts = {
    isAdmin: employee.isAdmin === 1,
    leadsBrigadeId: employee.isLeader === 1 ? brigadeId : null,
    memberOfBrigadeId: brigadeId,
  };
  return {
    id: String(employee.id),
    name: employee.name,
    role: roleOf(facts),
    brigadeId: brigadeOf(facts),
  };
}

/** The portal's first active admin: whom the demo signs in as. */
export async function findPortalAdmin(
  db: Kysely<Database>,
  memberId: string,
): Promise<Employee | undefined> {
  return db
    .selectFrom('employees')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('isAdmin', '=', 1)
    .where('active', '=', 1)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
