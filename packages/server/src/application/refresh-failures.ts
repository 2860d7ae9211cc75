import type { Kysely } from 'kysely';

import type { Database, SecretBox } from '../store/index.js';

/**
 * Why the OAuth server last refused to refresh a portal's tokens. `invalid_grant` means
 * the refresh token is spent, expired or revoked: only a reinstall brings new ones.
 * `invalid_client` means the configured client id or secret is wrong: the tokens may
 * still be good once the configuration is fixed.
 */
export interface RefreshFailure {
  memberId: string;
  /** The OAuth server's error code, e.g. `invalid_grant`. */
  code: string;
  at: string;
  /** True when the spent tokens were removed from the store. */
  tokensForgotten: boolean;
}

/**
 * Refresh failures seen by this process, for the doctor and for the client registry,
 * which stops calling a portal whose tokens cannot work. The lasting state is in the
 * store (the tokens are gone); this adds the reason.
 */
export class RefreshFailures {
  readonly #failures = new Map<string, RefreshFailure>();

  record(failure: RefreshFailure): void {
    this.#failures.set(failure.memberId, failure);
  }

  of(memberId: string): RefreshFailure | null {
    return this.#failures.get(memberId) ?? null;
  }

  clear(memberId: string): void {
    this.#failures.delete(memberId);
  }
}

/** The refresh-token errors that no retry can cure. */
export function isFinalRefreshError(code: string | null): code is string {
  return code === 'invalid_grant' || code === 'invalid_client';
}

/**
 * Removes the portal's tokens when the refresh token the OAuth server refused is still
 * the stored one. Compared and cleared in one statement, so that tokens another process
 * saved in the meantime (after its own successful refresh) are never thrown away.
 */
export async function forgetSpentTokens(
  db: Kysely<Database>,
  box: SecretBox,
  memberId: string,
  spentRefreshToken: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('portals')
    .select('refreshToken')
    .where('memberId', '=', memberId)
    .executeTakeFirst();
  if (!row?.refreshToken || openOrNull(box, row.refreshToken) !== spentRefreshToken) return false;

  const result = await db
    .updateTable('portals')
    .set({
      accessToken: null,
      refreshToken: null,
      accessExpiresAt: null,
      updatedAt: new Date().toISOString(),
    })
    .where('memberId', '=', memberId)
    .where('refreshToken', '=', row.refreshToken)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function openOrNull(box: SecretBox, sealed: string): string | null {
  try {
    return box.open(sealed);
  } catch {
    return null;
  }
}
