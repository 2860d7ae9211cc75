/** A brigade and the employees who could be made responsible for its houses. */
export interface BrigadeStaff {
  brigadeId: number;
  leaderId: number | null;
  /** Active employees of the brigade, the leader among them when active. */
  memberIds: readonly number[];
}

/**
 * Who becomes the deal's responsible user (ASSIGNED_BY_ID) when the house moves to a
 * brigade, since the brigade is the responsible user's department. The current
 * responsible stays when already in that brigade; else the brigade's leader, who plans
 * its days; else its first active member by id. Null when the brigade has nobody.
 */
export function responsibleForBrigade(
  staff: BrigadeStaff,
  current: { responsibleId: number | null; brigadeId: number | null },
): number | null {
  if (current.responsibleId !== null && current.brigadeId === staff.brigadeId) {
    return current.responsibleId;
  }
  if (staff.leaderId !== null && staff.memberIds.includes(staff.leaderId)) return staff.leaderId;
  const [first] = [...staff.memberIds].sort((a, b) => a - b);
  return first ?? null;
}
