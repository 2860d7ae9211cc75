import type { Kysely } from 'kysely';
import { cancelledTitlePrefix } from '../dispatch/cancelled-plan-task.js';
import { taskUpsertKind } from '../outbox/index.js';
import type { Database } from '../store/index.js';
import { dayTaskKeys } from './completion-keys.js';

/** The day's task a cleaning's checklist line lives in, as dispatch stored it. */
export interface DayTask {
  /** The marker in its title: how the checklist mark finds the task. */
  marker: string;
  /** The house's own task (`AUDIOBOT_DISPATCH_TASKS=house`), closed once it is done. */
  perHouse: boolean;
}

export interface DayTaskOwner {
  houseId: number;
  brigadeId: number | null;
  date: string;
}

/**
 * The house's own task, else its brigade's, of those dispatch sent for the date. A task
 * rewritten as cancelled (the other kind was sent later) is passed over, so the line goes
 * to the task that counts. Nothing sent for that day: null, dispatch adds the line later.
 */
export async function findDayTask(
  db: Kysely<Database>,
  memberId: string,
  owner: DayTaskOwner,
): Promise<DayTask | null> {
  const keys = dayTaskKeys(owner.houseId, owner.brigadeId, owner.date);
  const rows = await db
    .selectFrom('outbox')
    .select(['idempotencyKey', 'payload'])
    .where('memberId', '=', memberId)
    .where('kind', '=', taskUpsertKind)
    .where('idempotencyKey', 'in', [keys.house, keys.brigade ?? keys.house])
    .execute();

  const live = rows
    .map((row) => ({ key: row.idempotencyKey, task: taskOf(row.payload) }))
    .filter((row) => row.task !== null && !row.task.cancelled);
  const chosen = live.find((row) => row.key === keys.house) ?? live[0];
  if (!chosen?.task) return null;
  return { marker: chosen.task.marker, perHouse: chosen.key === keys.house };
}

function taskOf(payload: string): { marker: string; cancelled: boolean } | null {
  const task = JSON.parse(payload) as { marker?: unknown; fields?: { TITLE?: unknown } };
  if (typeof task.marker !== 'string') return null;
  const title = typeof task.fields?.TITLE === 'string' ? task.fields.TITLE : '';
  return { marker: task.marker, cancelled: title.startsWith(cancelledTitlePrefix) };
}
