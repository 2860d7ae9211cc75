import type { Kysely } from 'kysely';
import { type ChecklistMarkPayload, checklistMarkKind, enqueueOutbox } from '../outbox/index.js';
import type { Database } from '../store/index.js';
import { completionKeys } from './completion-keys.js';
import { type ChecklistFacts, checklistTitle, cleaningMarker } from './completion-messages.js';
import type { DayTask } from './day-task-lookup.js';
import { findDayTask } from './day-task-lookup.js';

type Db = Kysely<Database>;

/** The mark of a completion's line in the day's task; the line is found by its cleaning. */
export function checklistMarkPayload(
  facts: ChecklistFacts,
  dayTask: DayTask,
): ChecklistMarkPayload {
  const done = facts.status === 'done';
  return {
    taskMarker: dayTask.marker,
    itemMarker: cleaningMarker(facts),
    title: checklistTitle(facts),
    complete: done,
    completeTask: dayTask.perHouse && done,
  };
}

/**
 * After a date's tasks were enqueued: the line of every completion of that date in the
 * task that now carries its house. It covers cleanings marked before the day was sent
 * (their completion had no task to write to) and a day sent again as the other kind of
 * task. A line already written with the same payload is left alone.
 */
export async function enqueueDayChecklists(
  db: Db,
  input: { memberId: string; date: string; now: Date },
): Promise<number[]> {
  const ids: number[] = [];
  for (const completion of await completionsOn(db, input.memberId, input.date)) {
    const dayTask = await findDayTask(db, input.memberId, completion);
    if (!dayTask) continue;

    const key = completionKeys.dayTask(completion.id);
    const payload = checklistMarkPayload(completion, dayTask);
    if (await alreadyWritten(db, input.memberId, key, payload)) continue;
    const intent = { memberId: input.memberId, kind: checklistMarkKind, payload };
    ids.push((await enqueueOutbox(db, { ...intent, idempotencyKey: key }, input.now)).id);
  }
  return ids;
}

/** The date's completions, with the house's current brigade: the one dispatch sent. */
async function completionsOn(db: Db, memberId: string, date: string) {
  const rows = await db
    .selectFrom('completions')
    .innerJoin('houses', (join) =>
      join
        .onRef('houses.memberId', '=', 'completions.memberId')
        .onRef('houses.id', '=', 'completions.houseId'),
    )
    .select([
      'completions.id',
      'completions.houseId',
      'completions.date',
      'completions.slot',
      'completions.status',
      'completions.reason',
      'completions.photoCount',
      'completions.brigadeId as markedBrigadeId',
      'houses.brigadeId',
      'houses.address',
      'houses.title',
    ])
    .where('completions.memberId', '=', memberId)
    .where('completions.date', '=', date)
    .orderBy('completions.id')
    .execute();

  return rows.map((row) => {
    const brigadeId = row.brigadeId ?? row.markedBrigadeId;
    return {
      id: Number(row.id),
      houseId: Number(row.houseId),
      date: row.date,
      slot: Number(row.slot),
      status: row.status,
      reason: row.reason,
      photoCount: Number(row.photoCount),
      address: row.address ?? row.title,
      brigadeId: brigadeId === null ? null : Number(brigadeId),
    };
  });
}

async function alreadyWritten(
  db: Db,
  memberId: string,
  idempotencyKey: string,
  payload: ChecklistMarkPayload,
): Promise<boolean> {
  const row = await db
    .selectFrom('outbox')
    .select(['status', 'payload'])
    .where('memberId', '=', memberId)
    .where('idempotencyKey', '=', idempotencyKey)
    .executeTakeFirst();
  return row?.status === 'done' && row.payload === JSON.stringify(payload);
}
