import type { Kysely } from 'kysely';
import { enqueueDayChecklists } from '../completions/day-checklist.js';
import {
  enqueueOutbox,
  type OutboxEntry,
  type OutboxWorker,
  type TaskUpsertPayload,
  taskUpsertKind,
} from '../outbox/index.js';
import type { Database } from '../store/index.js';
import { type BrigadeDayPlan, brigadeDayPlans } from './brigade-day-plan.js';
import { brigadePlanKey, brigadePlanMarker, brigadePlanTask } from './brigade-plan-task.js';
import { type CancelReason, cancelledPlanTask } from './cancelled-plan-task.js';
import { housePlanKey, housePlanMarker, housePlanTask } from './house-plan-task.js';

/** One task per brigade (its houses listed) or one per house; `AUDIOBOT_DISPATCH_TASKS`. */
export type DispatchTaskMode = 'brigade' | 'house';

export interface BrigadeDispatchInput {
  memberId: string;
  /** The local date of the plans, YYYY-MM-DD. */
  date: string;
  /** The company's zone: the tasks are due at the end of the date there. */
  timeZone: string;
  /** Default `brigade`. */
  tasks?: DispatchTaskMode;
  now?: Date;
}

/** What happened to one brigade's plan. */
export interface BrigadePlanDispatch {
  brigadeId: number;
  brigadeName: string;
  houses: number;
  /** The outbox entries that carry its tasks: one, or one per house; none when skipped. */
  outboxIds: number[];
  /** Why it was not sent: no leader to make responsible. */
  skipped: 'no_leader' | null;
}

export interface BrigadeDispatch {
  date: string;
  tasks: DispatchTaskMode;
  plans: BrigadePlanDispatch[];
  /** Entries rewriting tasks of this date that no longer carry a plan (see README). */
  cancelledIds: number[];
  /** Checklist lines of the date's completions marked before these tasks were sent. */
  checklistIds?: number[];
}

type Db = Kysely<Database>;

/**
 * Stores the day's task upserts in the outbox: one per brigade, or one per house. Running
 * it again for the same date replaces the payloads under the same keys: the worker then
 * updates the tasks it made instead of adding new ones. Brigades that had a plan for that
 * date keep getting one even when their day has emptied, so their task says so; tasks of
 * the other mode, or of a house whose cleaning left the day, are rewritten as cancelled.
 */
export async function enqueueBrigadeDispatch(
  db: Db,
  input: BrigadeDispatchInput,
): Promise<BrigadeDispatch> {
  const now = input.now ?? new Date();
  const mode = input.tasks ?? 'brigade';
  const earlier = await earlierPlans(db, input.memberId, input.date);
  const alsoBrigades = mode === 'brigade' ? earlier.brigadeIds : [];
  const plans = await brigadeDayPlans(db, input.memberId, input.date, alsoBrigades);

  const dispatched: BrigadePlanDispatch[] = [];
  for (const plan of plans) dispatched.push(await enqueuePlan(db, plan, mode, input, now));

  const orphans = orphanedPlans(mode, plans, earlier, input.date);
  const cancelledIds: number[] = [];
  for (const orphan of orphans) {
    const payload = cancelledPlanTask(orphan.marker, input.date, orphan.reason);
    cancelledIds.push(await enqueueTask(db, input.memberId, orphan.key, payload, now));
  }
  // After the tasks: each completion's line goes to the task that now carries its house.
  const checklistIds = await enqueueDayChecklists(db, {
    memberId: input.memberId,
    date: input.date,
    now,
  });
  return { date: input.date, tasks: mode, plans: dispatched, cancelledIds, checklistIds };
}

async function enqueuePlan(
  db: Db,
  plan: BrigadeDayPlan,
  mode: DispatchTaskMode,
  input: BrigadeDispatchInput,
  now: Date,
): Promise<BrigadePlanDispatch> {
  const summary = {
    brigadeId: plan.brigadeId,
    brigadeName: plan.brigadeName,
    houses: plan.houses.length,
  };
  if (plan.leaderId === null) return { ...summary, outboxIds: [], skipped: 'no_leader' };

  const led = { ...plan, leaderId: plan.leaderId };
  const tasks =
    mode === 'brigade'
      ? [
          {
            key: brigadePlanKey(plan.brigadeId, plan.date),
            task: brigadePlanTask(led, input.timeZone),
          },
        ]
      : plan.houses.map((house) => ({
          key: housePlanKey(house.houseId, plan.date),
          task: housePlanTask(led, house, input.timeZone),
        }));

  const outboxIds: number[] = [];
  for (const { key, task } of tasks) {
    outboxIds.push(await enqueueTask(db, input.memberId, key, task, now));
  }
  return { ...summary, outboxIds, skipped: null };
}

async function enqueueTask(
  db: Db,
  memberId: string,
  idempotencyKey: string,
  payload: TaskUpsertPayload,
  now: Date,
): Promise<number> {
  const entry = await enqueueOutbox(
    db,
    { memberId, kind: taskUpsertKind, idempotencyKey, payload },
    now,
  );
  return entry.id;
}

interface EarlierPlans {
  brigadeIds: number[];
  houseIds: number[];
}

/** The plans of this date sent before, of either mode: their keys are in the outbox. */
async function earlierPlans(db: Db, memberId: string, date: string): Promise<EarlierPlans> {
  const rows = await db
    .selectFrom('outbox')
    .select('idempotencyKey')
    .where('memberId', '=', memberId)
    .where((eb) =>
      eb.or([
        eb('idempotencyKey', 'like', `brigade-plan:%:${date}`),
        eb('idempotencyKey', 'like', `house-plan:%:${date}`),
      ]),
    )
    .execute();
  const idsOf = (prefix: string) =>
    rows
      .map((row) => row.idempotencyKey.split(':'))
      .filter((parts) => parts.length === 3 && parts[0] === prefix && parts[2] === date)
      .map((parts) => Number(parts[1]));
  return { brigadeIds: idsOf('brigade-plan'), houseIds: idsOf('house-plan') };
}

interface OrphanedPlan {
  key: string;
  marker: string;
  reason: CancelReason;
}

/**
 * Tasks of the date that carry no plan now. Per brigade: every per-house task. Per house:
 * every brigade task, and the house tasks of houses no longer planned that day (a house
 * of a brigade without a leader keeps its task as it was: that plan is reported unsent).
 */
function orphanedPlans(
  mode: DispatchTaskMode,
  plans: BrigadeDayPlan[],
  earlier: EarlierPlans,
  date: string,
): OrphanedPlan[] {
  const house = (houseId: number, reason: CancelReason): OrphanedPlan => ({
    key: housePlanKey(houseId, date),
    marker: housePlanMarker(houseId, date),
    reason,
  });
  if (mode === 'brigade') return earlier.houseIds.map((id) => house(id, 'sent_per_brigade'));

  const planned = new Set(plans.flatMap((plan) => plan.houses.map((one) => one.houseId)));
  const brigades = earlier.brigadeIds.map((brigadeId) => ({
    key: brigadePlanKey(brigadeId, date),
    marker: brigadePlanMarker(brigadeId, date),
    reason: 'sent_per_house' as const,
  }));
  const houses = earlier.houseIds
    .filter((houseId) => !planned.has(houseId))
    .map((houseId) => house(houseId, 'no_cleaning'));
  return [...brigades, ...houses];
}

/** A dispatch and how its entries ended after running them. */
export interface BrigadeDispatchRun extends BrigadeDispatch {
  entries: OutboxEntry[];
}

/** Every outbox entry a dispatch stored. */
export function dispatchOutboxIds(dispatch: BrigadeDispatch): number[] {
  return [
    ...dispatch.plans.flatMap((plan) => plan.outboxIds),
    ...dispatch.cancelledIds,
    ...(dispatch.checklistIds ?? []),
  ];
}

/**
 * Enqueues the day's plans and runs them now, waiting out retries for at most
 * `timeoutMs`. Entries still pending then stay in the outbox for the next worker pass.
 */
export async function runBrigadeDispatch(
  db: Db,
  worker: OutboxWorker,
  input: BrigadeDispatchInput & { timeoutMs?: number },
): Promise<BrigadeDispatchRun> {
  const dispatch = await enqueueBrigadeDispatch(db, input);
  const entries = await worker.settle(dispatchOutboxIds(dispatch), input.timeoutMs ?? 120_000);
  return { ...dispatch, entries };
}
