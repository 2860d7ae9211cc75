import type { Kysely } from 'kysely';

import type { Database } from '../store/index.js';

/** A brigade, УК or senior resident as a list item shows it. */
export interface ShownLink {
  id: number;
  name: string;
  phones?: string | null;
}

const CHUNK = 500;

/**
 * The УК or senior residents among `rows` that items would show differently: new ones
 * (items named them by id until now) and those whose name or phones changed. Read before
 * the rows are written. A full sync writes every party again; only the few that changed
 * send their houses' items to be rewritten.
 */
export async function changedParties(
  db: Kysely<Database>,
  table: 'managementCompanies' | 'seniorResidents',
  memberId: string,
  rows: readonly ShownLink[],
): Promise<number[]> {
  const stored = new Map<number, string>();
  for (let start = 0; start < rows.length; start += CHUNK) {
    const found = await db
      .selectFrom(table)
      .select(['id', 'name', 'phones'])
      .where('memberId', '=', memberId)
      .where(
        'id',
        'in',
        rows.slice(start, start + CHUNK).map((row) => row.id),
      )
      .execute();
    for (const row of found) stored.set(Number(row.id), shownOf(row));
  }
  return rows.filter((row) => stored.get(row.id) !== shownOf(row)).map((row) => row.id);
}

/** Brigades added, renamed or gone between two complete lists of them. */
export function changedBrigades(
  before: readonly ShownLink[],
  after: readonly ShownLink[],
): number[] {
  const named = (links: readonly ShownLink[]) =>
    new Map(links.map((link) => [Number(link.id), link.name]));
  const old = named(before);
  const now = named(after);
  const ids = new Set([...old.keys(), ...now.keys()]);
  return [...ids].filter((id) => old.get(id) !== now.get(id));
}

function shownOf(link: ShownLink): string {
  return `${link.name}\n${link.phones ?? ''}`;
}
