import type { Employee, Session } from '../store/index.js';
import { userOfEmployee } from './employee-user.js';
import type { RequestUser } from './request-user.js';
import { brigadeOf, roleOf } from './user-role.js';

/**
 * Who a session is now, not when it began: brigade, leadership and employment come from
 * the employee row as the latest sync (or CRM event) left it, so a member moved to
 * another brigade, made its head or dismissed has the new role at the next request.
 *
 * Admin is the exception: Bitrix24 has no method that lists a portal's administrators,
 * so a sync only learns about the user it runs as. Admin therefore holds when the
 * portal said so at sign-in, or when a sync after the sign-in says so; admin sessions
 * are short (see `sessionLifetime`) so that a demotion in the portal takes effect soon.
 */
export function sessionUserNow(
  session: Session,
  employee: Employee | undefined,
): RequestUser | null {
  if (!employee) return storedUserOf(session);
  if (employee.deletedAt !== null || employee.active !== 1) return null;

  const synced = userOfEmployee(employee);
  const brigadeId = synced.brigadeId;
  const facts = {
    isAdmin:
      session.role === 'admin' || (employee.isAdmin === 1 && employee.syncedAt > session.createdAt),
    leadsBrigadeId: employee.isLeader === 1 ? brigadeId : null,
    memberOfBrigadeId: brigadeId,
  };
  return {
    id: synced.id,
    name: synced.name,
    role: roleOf(facts),
    brigadeId: brigadeOf(facts),
    via: 'session',
  };
}

/** Before any sync knew the user (only an admin may sign in then): as signed in. */
function storedUserOf(session: Session): RequestUser {
  return {
    id: String(session.userId ?? ''),
    name: session.userName,
    role: session.role,
    brigadeId: session.brigadeId === null ? null : String(session.brigadeId),
    via: 'session',
  };
}
