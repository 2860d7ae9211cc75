import type { Kysely } from 'kysely';

import { type Database, hashToken } from '../store/index.js';
import type { RequestUser } from './request-user.js';

/**
 * API tokens are created by admins (issue 5 adds the endpoints); only their hash is
 * stored. A revoked token is as good as none.
 */
export async function findApiTokenUser(
  db: Kysely<Database>,
  token: string,
): Promise<RequestUser | null> {
  const row = await db
    .selectFrom('apiTokens')
    .select(['name', 'role', 'userId'])
    .where('tokenHash', '=', hashToken(token))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return null;

  return {
    id: row.userId === null ? `token:${row.name}` : String(row.userId),
    name: row.name,
    role: row.role,
    brigadeId: null,
    via: 'api_token',
  };
}
