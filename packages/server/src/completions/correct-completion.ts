import type { Kysely, Transaction } from 'kysely';
import { apiError } from '../http/api-error.js';
import { checklistMarkKind, enqueueOutbox, timelineCommentKind } from '../outbox/index.js';
import type { CompletionStatus, Database } from '../store/index.js';
import { completionKeys } from './completion-keys.js';
import {
  type CompletionFacts,
  completionComment,
  completionMarker,
} from './completion-messages.js';
import { checklistMarkPayload } from './day-checklist.js';
import { findDayTask } from './day-task-lookup.js';

export interface CorrectionInput {
  memberId: string;
  completionId: number;
  /** `withdrawn` takes the mark back: the cleaning counts as not marked again. */
  status: CompletionStatus;
  /** Why it was not done; needed for `not_done`. */
  reason: string | null;
  /** Why the office corrects the mark: kept in the history and shown in the comment. */
  note: string;
  by: { id: number | null; name: string };
  publicUrl: string | null;
  now: Date;
}

export interface RecordedCorrection {
  changeId: number;
  completionId: number;
  houseId: number;
  date: string;
  outboxIds: number[];
}

type Trx = Transaction<Database>;

/**
 * The office corrects a completion: a wrong mark is withdrawn, or done and not done are
 * swapped. In one transaction the completion changes, the change is kept in its history
 * (what it was, who changed it, why), and the deal's timeline comment and the line of the
 * day's task are rewritten under the completion's own outbox keys — the same comment and
 * line are updated, never a second one added. The photos stay with the completion.
 */
export async function correctCompletion(
  db: Kysely<Database>,
  input: CorrectionInput,
): Promise<RecordedCorrection> {
  return db.transaction().execute(async (trx) => {
    const completion = await completionOf(trx, input);
    if (!completion) throw apiError('completion_not_found');
    const reason = input.status === 'not_done' ? input.reason : null;
    checkCorrection(input, completion, reason);

    const changed = await trx
      .updateTable('completions')
      .set({ status: input.status, reason })
      .where('id', '=', completion.id)
      .where('status', '=', completion.status)
      .executeTakeFirst();
    // A brigade's phone or another office user changed it since it was read.
    if (Number(changed.numUpdatedRows) !== 1) throw apiError('completion_changed');

    const changeId = await storeChange(trx, input, completion, reason);
    const facts = factsOf(input, completion, reason);
    const outboxIds = await enqueueWrites(trx, input, facts, completion.brigadeId);
    const { houseId, date } = completion;
    return { changeId, completionId: completion.id, houseId, date, outboxIds };
  });
}

async function completionOf(trx: Trx, input: CorrectionInput) {
  const row = await trx
    .selectFrom('completions')
    .innerJoin('houses', (join) =>
      join
        .onRef('houses.memberId', '=', 'completions.memberId')
        .onRef('houses.id', '=', 'completions.houseId'),
    )
    .leftJoin('brigades', (join) =>
      join
        .onRef('brigades.memberId', '=', 'completions.memberId')
        .onRef('brigades.id', '=', 'completions.brigadeId'),
    )
    .select([
      'completions.id',
      'completions.houseId',
      'completions.date',
      'completions.cleaningType',
      'completions.slot',
      'completions.status',
      'completions.reason',
      'completions.photoCount',
      'completions.authorName',
      'houses.brigadeId',
      'houses.address',
      'houses.title',
      'brigades.name as brigadeName',
    ])
    .where('completions.memberId', '=', input.memberId)
    .where('completions.id', '=', input.completionId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...row,
    id: Number(row.id),
    houseId: Number(row.houseId),
    slot: Number(row.slot),
    photoCount: Number(row.photoCount),
    brigadeId: row.brigadeId === null ? null : Number(row.brigadeId),
  };
}

type Corrected = NonNullable<Awaited<ReturnType<typeof completionOf>>>;

function checkCorrection(input: CorrectionInput, completion: Corrected, reason: string | null) {
  if (input.status === 'not_done' && !reason) {
    throw apiError('validation_failed', 'reason: say why it was not done', 'reason');
  }
  if (input.status === completion.status && reason === completion.reason) {
    throw apiError('validation_failed', `status: the completion is ${input.status} already`);
  }
}

async function storeChange(
  trx: Trx,
  input: CorrectionInput,
  completion: Corrected,
  reason: string | null,
): Promise<number> {
  const row = await trx
    .insertInto('completionChanges')
    .values({
      memberId: input.memberId,
      completionId: completion.id,
      houseId: completion.houseId,
      date: completion.date,
      statusBefore: completion.status,
      reasonBefore: completion.reason,
      authorBefore: completion.authorName,
      statusAfter: input.status,
      reasonAfter: reason,
      note: input.note,
      changedById: input.by.id,
      changedByName: input.by.name,
      changedAt: input.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

function factsOf(
  input: CorrectionInput,
  completion: Corrected,
  reason: string | null,
): CompletionFacts {
  const query = `house=${completion.houseId}&date=${completion.date}`;
  return {
    id: completion.id,
    houseId: completion.houseId,
    address: completion.address ?? completion.title,
    date: completion.date,
    cleaningType: completion.cleaningType,
    slot: completion.slot,
    brigadeName: completion.brigadeName ?? null,
    status: input.status,
    reason,
    photoCount: completion.photoCount,
    authorName: completion.authorName,
    earlierReason: null,
    correction: { byName: input.by.name, note: input.note },
    link: input.publicUrl ? `${input.publicUrl.replace(/\/$/, '')}/check?${query}` : null,
  };
}

/** The comment and the line, rewritten under the keys the completion first used. */
async function enqueueWrites(
  trx: Trx,
  input: CorrectionInput,
  facts: CompletionFacts,
  brigadeId: number | null,
): Promise<number[]> {
  const enqueue = async (kind: string, idempotencyKey: string, payload: unknown) => {
    const intent = { memberId: input.memberId, kind, idempotencyKey, payload };
    return (await enqueueOutbox(trx, intent, input.now)).id;
  };

  const ids = [
    await enqueue(timelineCommentKind, completionKeys.comment(facts.id), {
      entityType: 'deal',
      entityId: facts.houseId,
      marker: completionMarker(facts.id),
      comment: completionComment(facts),
    }),
  ];
  const owner = { houseId: facts.houseId, brigadeId, date: facts.date };
  const dayTask = await findDayTask(trx, input.memberId, owner);
  if (dayTask) {
    const payload = checklistMarkPayload(facts, dayTask);
    ids.push(await enqueue(checklistMarkKind, completionKeys.dayTask(facts.id), payload));
  }
  return ids;
}
