import { createHash } from 'node:crypto';

import type { PlannedCleaning } from './schedule.js';

/**
 * A short fingerprint of a house's plan: every field of every cleaning, in the plan's
 * order (sorted, repeats dropped, by `cleaningsOf`). Two plans with the same fingerprint
 * store the same rows, whatever changed elsewhere in the deal.
 */
export function planFingerprint(planned: readonly PlannedCleaning[]): string {
  return createHash('sha1').update(JSON.stringify(planned)).digest('base64url');
}
