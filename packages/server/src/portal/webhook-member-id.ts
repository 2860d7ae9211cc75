import { createHash } from 'node:crypto';

/**
 * A webhook carries no `member_id` (only an application learns it, from the install
 * event), yet every stored row is keyed by one. Without `BITRIX_MEMBER_ID`, a webhook
 * portal is keyed by `wh` + the first 30 hex digits of SHA-256 of its host name: stable
 * across restarts and machines, distinct per portal, and never mistaken for a real
 * member_id (those are 32 hex digits). Set BITRIX_MEMBER_ID before the first sync if
 * the application will later serve the same portal, so both key the same rows.
 */
export function webhookMemberId(domain: string): string {
  const digest = createHash('sha256').update(domain.toLowerCase()).digest('hex');
  return `wh${digest.slice(0, 30)}`;
}
