import type { Kysely } from 'kysely';

import { type ApiToken, type Database, hashToken } from '../store/index.js';
import type { RequestUser } from './request-user.js';
import { newToken } from './session-token.js';
import type { UserRole } from './user-role.js';

/** Marks AudioBot's tokens, so a secret scanner (or a person) recognises a leaked one. */
const TOKEN_PREFIX = 'abt_';
// `last_used_at` is written at most this often: a script's every call is not a write.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * API tokens are created by admins for scripts and integrations; only their hash is
 * stored and the token itself is shown once. A revoked token is as good as none.
 */
export async function findApiTokenUser(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<RequestUser | null> {
  const row = await db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'role', 'userId', 'lastUsedAt'])
    .where('tokenHash', '=', hashToken(token))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return null;

  await noteUse(db, row, now);
  return {
    id: row.userId === null ? `token:${row.name}` : String(row.userId),
    name: row.name,
    role: row.role,
    brigadeId: null,
    via: 'api_token',
  };
}

async function noteUse(
  db: Kysely<Database>,
  row: { id: number | string; lastUsedAt: string | null },
  now: Date,
): Promise<void> {
  const last = row.lastUsedAt ? Date.parse(row.lastUsedAt) : 0;
  if (now.getTime() - last < LAST_USED_PRECISION_MS) return;
  await db
    .updateTable('apiTokens')
    .set({ lastUsedAt: now.toISOString() })
    .where('id', '=', Number(row.id))
    .execute();
}

export interface NewApiToken {
  name: string;
  role: UserRole;
}

/** Creates a token: the row keeps its hash, the caller gets the secret, once. */
export async function createApiToken(
  db: Kysely<Database>,
  memberId: string,
  token: NewApiToken,
  now = new Date(),
): Promise<{ row: ApiToken; secret: string }> {
  const secret = `${TOKEN_PREFIX}${newToken()}`;
  const row = await db
    .insertInto('apiTokens')
    .values({
      memberId,
      name: token.name,
      tokenHash: hashToken(secret),
      role: token.role,
      userId: null,
      createdAt: now.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, secret };
}

/** The portal's tokens, newest first, revoked ones included (with when). */
export function listApiTokens(db: Kysely<Database>, memberId: string): Promise<ApiToken[]> {
  return db
    .selectFrom('apiTokens')
    .selectAll()
    .where('memberId', '=', memberId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes a token of the portal; a second revoke keeps the first time. Null: no such token. */
export async function revokeApiToken(
  db: Kysely<Database>,
  memberId: string,
  id: number,
  now = new Date(),
): Promise<ApiToken | null> {
  await db
    .updateTable('apiTokens')
    .set({ revokedAt: now.toISOString() })
    .where('memberId', '=', memberId)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();

  const row = await db
    .selectFrom('apiTokens')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}
