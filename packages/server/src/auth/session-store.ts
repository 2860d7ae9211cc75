import type { Kysely } from 'kysely';

import { type Database, hashToken } from '../store/index.js';
import type { RequestUser } from './request-user.js';
import { newToken } from './session-token.js';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Sessions live in the store under the SHA-256 of the cookie value, never the value. */
export async function createSession(
  db: Kysely<Database>,
  memberId: string,
  user: Omit<RequestUser, 'via'>,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
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
  if (!session) return null;

  return {
    id: String(session.userId ?? ''),
    name: session.userName,
    role: session.role,
    brigadeId: session.brigadeId === null ? null : String(session.brigadeId),
    via: 'session',
  };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('tokenHash', '=', hashToken(token)).execute();
}
