import type { Kysely } from 'kysely';

import { type Database, hashToken } from '../store/index.js';
import type { RequestUser } from './request-user.js';
import { newToken } from './session-token.js';
import { sessionUserNow } from './session-user.js';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * An admin's word from the portal cannot be checked again without them (no REST method
 * lists administrators): their session ends after a day and the next sign-in asks anew.
 */
export const ADMIN_SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export function sessionLifetime(user: Pick<RequestUser, 'role'>): number {
  return user.role === 'admin' ? ADMIN_SESSION_TTL_MS : SESSION_TTL_MS;
}

/** Sessions live in the store under the SHA-256 of the cookie value, never the value. */
export async function createSession(
  db: Kysely<Database>,
  memberId: string,
  user: Omit<RequestUser, 'via'>,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + sessionLifetime(user));
  // Expired sessions go at the next sign-in: no timer needed, the table stays small.
  await db
    .deleteFrom('sessions')
    .where('memberId', '=', memberId)
    .where('expiresAt', '<=', now.toISOString())
    .execute();

  await db
    .insertInto('sessions')
    .values({
      tokenHash: hashToken(token),
      memberId,
      userId: Number(user.id),
      userName: user.name,
      role: user.role,
      brigadeId: user.brigadeId === null ? null : Number(user.brigadeId),
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      lastSeenAt: now.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/** The session's user with the role the portal's data gives them now (`sessionUserNow`). */
export async function findSessionUser(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<RequestUser | null> {
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('tokenHash', '=', hashToken(token))
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst();
  if (!session || session.userId === null) return null;

  const employee = await db
    .selectFrom('employees')
    .selectAll()
    .where('memberId', '=', session.memberId)
    .where('id', '=', session.userId)
    .executeTakeFirst();
  return sessionUserNow(session, employee);
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('tokenHash', '=', hashToken(token)).execute();
}
