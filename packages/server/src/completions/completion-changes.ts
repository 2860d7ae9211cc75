import type { Kysely } from 'kysely';
import type { CompletionStatus, Database } from '../store/index.js';

/** One correction of a completion by the office, as the API shows it. */
export interface CompletionChange {
  id: number;
  completionId: number;
  houseId: number;
  date: string;
  before: { status: CompletionStatus; reason: string | null; authorName: string };
  after: { status: CompletionStatus; reason: string | null };
  note: string;
  changedByName: string;
  changedAt: string;
}

/** The corrections of the houses' completions on the date, oldest first. */
export async function completionChanges(
  db: Kysely<Database>,
  memberId: string,
  filter: { houseIds: number[]; date: string },
): Promise<CompletionChange[]> {
  if (filter.houseIds.length === 0) return [];
  const rows = await db
    .selectFrom('completionChanges')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('houseId', 'in', filter.houseIds)
    .where('date', '=', filter.date)
    .orderBy('id')
    .execute();

  return rows.map((row) => ({
    id: Number(row.id),
    completionId: Number(row.completionId),
    houseId: Number(row.houseId),
    date: row.date,
    before: { status: row.statusBefore, reason: row.reasonBefore, authorName: row.authorBefore },
    after: { status: row.statusAfter, reason: row.reasonAfter },
    note: row.note,
    changedByName: row.changedByName,
    changedAt: row.changedAt,
  }));
}
