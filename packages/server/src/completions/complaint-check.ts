import type { Kysely } from 'kysely';
import { type CleaningType, searchTokens } from '../domain/index.js';
import type { Database } from '../store/index.js';
import { type CompletionChange, completionChanges } from './completion-changes.js';
import { type CompletionView, completionViews } from './completion-views.js';

/**
 * «Была ли уборка по адресу X такого-то числа?»: for every house the address finds, the
 * cleanings planned that day (else the nearest planned before and after), what the
 * brigade marked, with photos and the timeline comment in Bitrix24.
 */
export interface ComplaintAnswer {
  houseId: number;
  address: string;
  brigadeId: number | null;
  brigadeName: string | null;
  /** done: every cleaning of the day marked done; not_marked: planned, nothing marked. */
  verdict: 'done' | 'not_done' | 'partly_done' | 'not_marked' | 'not_planned';
  planned: PlannedOnDay[];
  nearestBefore: PlannedOnDay | null;
  nearestAfter: PlannedOnDay | null;
  completions: CompletionView[];
  /** The office's corrections of that day's marks. */
  changes: CompletionChange[];
}

export interface PlannedOnDay {
  date: string;
  cleaningType: CleaningType;
  slot: number;
}

type Db = Kysely<Database>;

export const MAX_COMPLAINT_HOUSES = 10;

export async function checkComplaint(
  db: Db,
  memberId: string,
  query: { address?: string; houseId?: number; date: string; brigadeId: number | null },
): Promise<ComplaintAnswer[]> {
  const houses = await housesOf(db, memberId, query);
  const answers: ComplaintAnswer[] = [];
  for (const house of houses) {
    const houseId = Number(house.id);
    const planned = await plannedOf(db, memberId, houseId, '=', query.date);
    const completions = await completionViews(db, memberId, {
      houseIds: [houseId],
      date: query.date,
    });
    const changes = await completionChanges(db, memberId, {
      houseIds: [houseId],
      date: query.date,
    });
    const nearest = planned.length > 0 ? null : await nearestOf(db, memberId, houseId, query.date);
    answers.push({
      houseId,
      address: house.address ?? house.title,
      brigadeId: house.brigadeId === null ? null : Number(house.brigadeId),
      brigadeName: house.brigadeName ?? null,
      verdict: verdictOf(planned, completions),
      planned,
      nearestBefore: nearest?.before ?? null,
      nearestAfter: nearest?.after ?? null,
      completions,
      changes,
    });
  }
  return answers;
}

async function housesOf(
  db: Db,
  memberId: string,
  query: { address?: string; houseId?: number; brigadeId: number | null },
) {
  let select = db
    .selectFrom('houses')
    .leftJoin('brigades', (join) =>
      join
        .onRef('brigades.memberId', '=', 'houses.memberId')
        .onRef('brigades.id', '=', 'houses.brigadeId'),
    )
    .select([
      'houses.id',
      'houses.address',
      'houses.title',
      'houses.brigadeId',
      'brigades.name as brigadeName',
    ])
    .where('houses.memberId', '=', memberId)
    .where('houses.deletedAt', 'is', null);
  if (query.houseId !== undefined) select = select.where('houses.id', '=', query.houseId);
  // Normalised words hold letters, digits and spaces only: no LIKE wildcard from users.
  for (const token of searchTokens(query.address ?? '')) {
    select = select.where('houses.searchText', 'like', `%${token}%`);
  }
  if (query.brigadeId !== null) select = select.where('houses.brigadeId', '=', query.brigadeId);
  return select.orderBy('houses.address').limit(MAX_COMPLAINT_HOUSES).execute();
}

/** The cleanings of one date: `=` that date, `<` the latest before it, `>` the next after. */
async function plannedOf(
  db: Db,
  memberId: string,
  houseId: number,
  relation: '=' | '<' | '>',
  date: string,
): Promise<PlannedOnDay[]> {
  const day = await db
    .selectFrom('cleanings')
    .select('date')
    .where('memberId', '=', memberId)
    .where('houseId', '=', houseId)
    .where('date', relation, date)
    .orderBy('date', relation === '<' ? 'desc' : 'asc')
    .limit(1)
    .executeTakeFirst();
  if (!day) return [];

  const rows = await db
    .selectFrom('cleanings')
    .select(['date', 'cleaningType', 'slot'])
    .where('memberId', '=', memberId)
    .where('houseId', '=', houseId)
    .where('date', '=', day.date)
    .orderBy('slot')
    .execute();
  return rows.map((row) => ({ ...row, slot: Number(row.slot) }));
}

async function nearestOf(db: Db, memberId: string, houseId: number, date: string) {
  const [before] = await plannedOf(db, memberId, houseId, '<', date);
  const [after] = await plannedOf(db, memberId, houseId, '>', date);
  return { before: before ?? null, after: after ?? null };
}

function verdictOf(planned: PlannedOnDay[], completions: CompletionView[]) {
  if (planned.length === 0 && completions.length === 0) return 'not_planned';
  if (completions.length === 0) return 'not_marked';
  const done = completions.filter((completion) => completion.status === 'done').length;
  if (done === 0) return 'not_done';
  return done >= planned.length ? 'done' : 'partly_done';
}
