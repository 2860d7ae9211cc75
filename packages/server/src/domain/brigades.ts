import { parseId } from './number-parsing.js';

/** A row of `department.get`. */
export interface DepartmentRow {
  ID: string | number;
  NAME: string;
  SORT?: string | number;
  PARENT?: string | number | null;
  UF_HEAD?: string | number | null;
}

export interface Department {
  id: number;
  name: string;
  parentId: number | null;
  headId: number | null;
  sort: number | null;
}

export function toDepartment(row: DepartmentRow): Department {
  return {
    id: Number(row.ID),
    name: row.NAME,
    parentId: parseId(row.PARENT),
    headId: parseId(row.UF_HEAD),
    sort: row.SORT === undefined ? null : Number(row.SORT),
  };
}

/** How the parent of the brigades was found, for the doctor and the mapping page. */
export type BrigadeParentSource = 'configured' | 'named' | 'houses' | 'none';

export interface BrigadeStructure {
  parentId: number | null;
  source: BrigadeParentSource;
  /** The brigades: the direct children of the parent. */
  brigades: Department[];
  /** The brigade of a user from their departments (UF_DEPARTMENT), or null. */
  brigadeOf(departmentIds: readonly number[]): number | null;
}

export interface BrigadeHints {
  /** A parent department id set by the admin: wins over discovery. */
  parentId?: number | null;
  /** The departments (UF_DEPARTMENT) of each house's responsible user, one entry a house. */
  houseDepartmentIds?: readonly (readonly number[])[];
}

const BRIGADE_NAME = /бригад/i;

/**
 * Brigades are departments under one parent department. The parent is found, in order:
 * 1. `configured`: the id the admin gave;
 * 2. `named`: the department with the most children named «…бригада…» (two at least,
 *    so one team called «Бригада» does not turn its siblings into brigades);
 * 3. `houses`: the department whose children hold the responsible users of the houses
 *    spread over the most children (the root holds everyone, but under a single child,
 *    so it loses to the real parent), ties broken by the number of houses;
 * 4. `none`: no brigades; every house then reports `no_brigade`.
 * A user in a sub-department of a brigade belongs to that brigade.
 */
export function resolveBrigades(
  departments: readonly Department[],
  hints: BrigadeHints = {},
): BrigadeStructure {
  const byId = new Map(departments.map((department) => [department.id, department]));
  const { parentId, source } = findParent(departments, byId, hints);

  const brigades = departments
    .filter((department) => parentId !== null && department.parentId === parentId)
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a.id - b.id);
  const brigadeIds = new Set(brigades.map((brigade) => brigade.id));

  return {
    parentId,
    source,
    brigades,
    brigadeOf: (departmentIds) => brigadeOfUser(departmentIds, brigadeIds, byId),
  };
}

function findParent(
  departments: readonly Department[],
  byId: Map<number, Department>,
  hints: BrigadeHints,
): { parentId: number | null; source: BrigadeParentSource } {
  if (hints.parentId && byId.has(hints.parentId)) {
    return { parentId: hints.parentId, source: 'configured' };
  }

  const named = bestParent(
    departments.filter((department) => BRIGADE_NAME.test(department.name)).flatMap(childEntry),
  );
  if (named && named.children >= 2) return { parentId: named.parentId, source: 'named' };

  const entries = (hints.houseDepartmentIds ?? []).flatMap((ids) =>
    ids.flatMap((id) => ancestorEntries(id, byId)),
  );
  const byHouses = bestParent(entries);
  if (byHouses) return { parentId: byHouses.parentId, source: 'houses' };
  return { parentId: null, source: 'none' };
}

/** (parent, child) pairs: a department seen under its parent. */
type ChildEntry = { parentId: number; childId: number };

function childEntry(department: Department): ChildEntry[] {
  return department.parentId === null
    ? []
    : [{ parentId: department.parentId, childId: department.id }];
}

/** Every (ancestor, child-on-the-way) pair from a department up to the root. */
function ancestorEntries(departmentId: number, byId: Map<number, Department>): ChildEntry[] {
  const entries: ChildEntry[] = [];
  const seen = new Set<number>();
  let current = byId.get(departmentId);

  while (current && current.parentId !== null && !seen.has(current.id)) {
    seen.add(current.id);
    entries.push({ parentId: current.parentId, childId: current.id });
    current = byId.get(current.parentId);
  }
  return entries;
}

/** The parent with the most distinct children, then the most entries, then the lowest id. */
function bestParent(entries: readonly ChildEntry[]): { parentId: number; children: number } | null {
  const score = new Map<number, { children: Set<number>; entries: number }>();
  for (const { parentId, childId } of entries) {
    const current = score.get(parentId) ?? { children: new Set<number>(), entries: 0 };
    current.children.add(childId);
    current.entries += 1;
    score.set(parentId, current);
  }

  const ranked = [...score].sort(
    ([idA, a], [idB, b]) => b.children.size - a.children.size || b.entries - a.entries || idA - idB,
  );
  const best = ranked[0];
  return best ? { parentId: best[0], children: best[1].children.size } : null;
}

function brigadeOfUser(
  departmentIds: readonly number[],
  brigadeIds: Set<number>,
  byId: Map<number, Department>,
): number | null {
  for (const departmentId of departmentIds) {
    const seen = new Set<number>();
    let current: number | null = departmentId;
    while (current !== null && !seen.has(current)) {
      if (brigadeIds.has(current)) return current;
      seen.add(current);
      current = byId.get(current)?.parentId ?? null;
    }
  }
  return null;
}
