import { apiError } from '../http/api-error.js';
import type { RequestUser } from './request-user.js';

/**
 * The one rule of what a request may see: brigade leaders and members see their own
 * brigade's houses, schedule and staff; admins, office users and API tokens see all.
 * Every route that lists or counts houses, cleanings or staff asks here, so a brigade
 * user's scope cannot be widened by a query parameter.
 */
export function brigadeScopeOf(user: RequestUser | null): string | null {
  if (!user || (user.role !== 'brigade_leader' && user.role !== 'brigade_member')) return null;
  // Role rules give every brigade user a brigade; without one they may see nothing.
  if (user.brigadeId === null) throw apiError('forbidden', 'You belong to no brigade.');
  return user.brigadeId;
}

/**
 * The brigade filter a route applies: what the caller asked for, narrowed to their
 * scope. A brigade user asking for another brigade is refused rather than answered
 * with their own brigade under the other's name.
 */
export function scopedBrigadeId(
  user: RequestUser | null,
  requested?: string | undefined,
): string | undefined {
  const scope = brigadeScopeOf(user);
  if (scope === null) return requested;
  if (requested !== undefined && requested !== scope) {
    throw apiError('forbidden', 'You see only your own brigade.');
  }
  return scope;
}

/** Whether a house of `brigadeId` is visible: another brigade's house answers 404. */
export function seesBrigade(user: RequestUser | null, brigadeId: number | null): boolean {
  const scope = brigadeScopeOf(user);
  return scope === null || (brigadeId !== null && String(brigadeId) === scope);
}
