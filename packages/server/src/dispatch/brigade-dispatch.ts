import type { Kysely } from 'kysely';
import {
  enqueueOutbox,
  type OutboxEntry,
  type OutboxWorker,
  taskUpsertKind,
} from '../outbox/index.js';
import type { Database } from '../store/index.js';
import { type BrigadeDayPlan, brigadeDayPlans } from './brigade-day-plan.js';
import { brigadePlanKey, brigadePlanTask } from './brigade-plan-task.js';

export interface BrigadeDispatchInput {
  memberId: string;
  /** The local date of the plans, YYYY-MM-DD. */
  date: string;
  /** The company's zone: the tasks are due at the end of the date there. */
  timeZone: string;
  now?: Date;
}

/** What happened to one brigade's plan. */
export interface BrigadePlanDispatch {
  brigadeId: number;
  brigadeName: string;
  houses: number;
  /** The outbox entry that carries the task; null when the plan could not be sent. */
  outboxId: number | null;
  /** Why it was not sent: no leader to make responsible. */
  skipped: 'no_leader' | null;
}

export interface BrigadeDispatch {
  date: string;
  plans: BrigadePlanDispatch[];
}

/**
 * Stores one task upsert per brigade for the date in the outbox. Running it again for the
 * same date replaces the payloads under the same keys: the worker then updates the tasks
 * it made instead of adding new ones. Brigades that had a plan for that date keep getting
 * one even when their day has emptied, so their task says so instead of staying stale.
 */
export async function enqueueBrigadeDispatch(
  db: Kysely<Database>,
  input: BrigadeDispatchInput,
): Promise<BrigadeDispatch> {
  const now = input.now ?? new Date();
  const earlier = await brigadesWithPlan(db, input.memberId, input.date);
  const plans = await brigadeDayPlans(db, input.memberId, input.date, earlier);

  const dispatched: BrigadePlanDispatch[] = [];
  for (const plan of plans) dispatched.push(await enqueuePlan(db, plan, input, now));
  return { date: input.date, plans: dispatched };
}

async function enqueuePlan(
  db: Kysely<Database>,
  plan: BrigadeDayPlan,
  input: BrigadeDispatchInput,
  now: Date,
): Promise<BrigadePlanDispatch> {
  const summary = {
    brigadeId: plan.brigadeId,
    brigadeName: plan.brigadeName,
    houses: plan.houses.length,
  };
  if (plan.leaderId === null) return { ...summary, outboxId: null, skipped: 'no_leader' };

  const entry = await enqueueOutbox(
    db,
    {
      memberId: input.memberId,
      kind: taskUpsertKind,
      idempotencyKey: brigadePlanKey(plan.brigadeId, plan.date),
      payload: brigadePlanTask({ ...plan, leaderId: plan.leaderId }, input.timeZone),
    },
    now,
  );
  return { ...summary, outboxId: entry.id, skipped: null };
}

async function brigadesWithPlan(
  db: Kysely<Database>,
  memberId: string,
  date: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('idempotencyKey')
    .where('memberId', '=', memberId)
    .where('idempotencyKey', 'like', `brigade-plan:%:${date}`)
    .execute();
  return rows
    .map((row) => row.idempotencyKey.split(':'))
    .filter((parts) => parts.length === 3 && parts[2] === date)
    .map((parts) => Number(parts[1]));
}

/** A dispatch and how its entries ended after running them. */
export interface BrigadeDispatchRun extends BrigadeDispatch {
  entries: OutboxEntry[];
}

/**
 * Enqueues the day's plans and runs them now, waiting out retries for at most
 * `timeoutMs`. Entries still pending then stay in the outbox for the next worker pass.
 */
export async function runBrigadeDispatch(
  db: Kysely<Database>,
  worker: OutboxWorker,
  input: BrigadeDispatchInput & { timeoutMs?: number },
): Promise<BrigadeDispatchRun> {
  const dispatch = await enqueueBrigadeDispatch(db, input);
  const ids = dispatch.plans.flatMap((plan) => (plan.outboxId === null ? [] : [plan.outboxId]));
  const entries = await worker.settle(ids, input.timeoutMs ?? 120_000);
  return { ...dispatch, entries };
}
