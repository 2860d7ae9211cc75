/**
 * Roles, from the portal's own structure: portal admins are admins; heads and members
 * of brigade departments are brigade leaders and members; everyone else is office.
 */
export type UserRole = 'admin' | 'office' | 'brigade_leader' | 'brigade_member';

export interface RoleFacts {
  isAdmin: boolean;
  /** The brigade this employee heads, if any. */
  leadsBrigadeId: string | null;
  /** The brigade this employee belongs to, if any. */
  memberOfBrigadeId: string | null;
}

export function roleOf(facts: RoleFacts): UserRole {
  if (facts.isAdmin) return 'admin';
  if (facts.leadsBrigadeId) return 'brigade_leader';
  if (facts.memberOfBrigadeId) return 'brigade_member';
  return 'office';
}

export function brigadeOf(facts: RoleFacts): string | null {
  return facts.leadsBrigadeId ?? facts.memberOfBrigadeId;
}
