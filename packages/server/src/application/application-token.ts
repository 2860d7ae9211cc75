import type { Kysely } from 'kysely';

import { secretsEqual } from '../auth/session-token.js';
import type { Database, Portal, SecretBox } from '../store/index.js';

/**
 * Finds the installed portal whose stored application token equals the presented one
 * (docs: api-reference/events/safe-event-handlers.md). The comparison takes the same
 * time however much of the token matches. Null for anything else: unknown portal,
 * uninstalled, no token stored, or a mismatch; callers answer 401 without saying which.
 */
export async function portalOfApplicationToken(
  db: Kysely<Database>,
  box: SecretBox,
  memberId: string | null,
  presented: string | null,
): Promise<Portal | null> {
  if (!memberId || !presented) return null;

  const portal = await db
    .selectFrom('portals')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('authKind', '=', 'application')
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!portal?.applicationToken) return null;

  const stored = openOrNull(box, portal.applicationToken);
  if (stored === null || !secretsEqual(presented, stored)) return null;
  return portal;
}

function openOrNull(box: SecretBox, sealed: string): string | null {
  try {
    return box.open(sealed);
  } catch {
    // Sealed under another key (the key file was lost): no token can match.
    return null;
  }
}
