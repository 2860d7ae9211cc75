import type { Kysely, Transaction } from 'kysely';
import { apiError } from '../http/api-error.js';
import {
  checklistMarkKind,
  enqueueOutbox,
  systemNotifyKind,
  timelineCommentKind,
} from '../outbox/index.js';
import type { CompletionStatus, Database } from '../store/index.js';
import type { PlannedCleaning } from './cleaning-lookup.js';
import { completionKeys } from './completion-keys.js';
import {
  type CompletionFacts,
  completionComment,
  completionMarker,
  notDoneNotice,
} from './completion-messages.js';
import { checklistMarkPayload } from './day-checklist.js';
import { findDayTask } from './day-task-lookup.js';
import type { PhotoStore } from './photo-store.js';
import type { PhotoUpload } from './photo-upload.js';

export interface CompletionInput {
  memberId: string;
  cleaning: PlannedCleaning;
  status: 'done' | 'not_done';
  reason: string | null;
  photos: PhotoUpload[];
  author: { id: number | null; name: string };
  /** The company's date today: a cleaning of a later date cannot be marked yet. */
  today: string;
  /** AudioBot's public address for the link in Bitrix24; null leaves the link out. */
  publicUrl: string | null;
  now: Date;
}

export interface RecordedCompletion {
  id: number;
  /** The outbox entries that carry it to Bitrix24. */
  outboxIds: number[];
}

type Db = Kysely<Database>;

/**
 * Stores a completion with its photos and, in the same transaction, the Bitrix24 writes
 * it causes: the deal's timeline comment, the line of the day's task, and for a cleaning
 * not done a notification to each portal admin. Either all of it is stored or nothing
 * (the photo files of a failed attempt are removed again). A cleaning marked not done
 * may later be marked done (the brigade came back): the same completion, comment and
 * line then say so. Any other second mark is refused.
 */
export async function recordCompletion(
  db: Db,
  photos: PhotoStore,
  input: CompletionInput,
): Promise<RecordedCompletion> {
  checkCompletion(input);
  const earlier = await completionOf(db, input);
  if (earlier && !canMarkAgain(earlier.status, input.status)) {
    throw apiError('completion_exists');
  }

  const fileNames: string[] = [];
  let recorded: RecordedCompletion;
  try {
    for (const photo of input.photos) {
      fileNames.push(await photos.save(input.memberId, input.cleaning.date, photo));
    }
    recorded = await db
      .transaction()
      .execute((trx) =>
        earlier
          ? replaceCompletion(trx, input, earlier, fileNames)
          : storeCompletion(trx, input, fileNames),
      );
  } catch (error) {
    await photos.discard(fileNames);
    // Two phones marking the same cleaning at once: the unique key lets one through.
    if (!earlier && (await completionOf(db, input))) throw apiError('completion_exists');
    throw error;
  }

  // The files are written under a pending name and take their own only once the
  // completion is stored: a process killed in between leaves pending files, which the
  // sweep at start finishes or removes (`PhotoStore.sweep`).
  await photos.commit(fileNames);
  return recorded;
}

/**
 * Not done, then done: the brigade came back. A mark the office withdrew is open again.
 * Anything else is a second mark.
 */
function canMarkAgain(earlier: CompletionStatus, next: CompletionInput['status']): boolean {
  return earlier === 'withdrawn' || (earlier === 'not_done' && next === 'done');
}

function checkCompletion(input: CompletionInput): void {
  if (input.cleaning.date > input.today) throw apiError('cleaning_not_due');
  if (input.status === 'done' && input.photos.length === 0) {
    throw apiError('validation_failed', 'photos: a done cleaning needs a photo', 'photos');
  }
  if (input.status === 'not_done' && !input.reason) {
    throw apiError('validation_failed', 'reason: say why it was not done', 'reason');
  }
}

async function completionOf(db: Db, input: CompletionInput) {
  const { cleaning } = input;
  return db
    .selectFrom('completions')
    .select(['id', 'status', 'reason'])
    .where('memberId', '=', input.memberId)
    .where('houseId', '=', cleaning.houseId)
    .where('date', '=', cleaning.date)
    .where('cleaningType', '=', cleaning.cleaningType)
    .where('slot', '=', cleaning.slot)
    .executeTakeFirst();
}

async function storeCompletion(
  trx: Transaction<Database>,
  input: CompletionInput,
  fileNames: string[],
): Promise<RecordedCompletion> {
  const at = input.now.toISOString();
  const { cleaning } = input;
  const row = await trx
    .insertInto('completions')
    .values({
      memberId: input.memberId,
      houseId: cleaning.houseId,
      date: cleaning.date,
      cleaningType: cleaning.cleaningType,
      slot: cleaning.slot,
      brigadeId: cleaning.brigadeId,
      status: input.status,
      reason: input.status === 'done' ? null : input.reason,
      photoCount: fileNames.length,
      authorId: input.author.id,
      authorName: input.author.name,
      createdAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);

  await storePhotos(trx, input, id, fileNames);
  const outboxIds = await enqueueWrites(trx, input, factsOf(input, id, fileNames.length));
  return { id, outboxIds };
}

/**
 * A cleaning marked not done, now done, or marked again after the office withdrew its
 * mark: the same completion and its writes say so.
 */
async function replaceCompletion(
  trx: Transaction<Database>,
  input: CompletionInput,
  earlier: { id: number | string; status: CompletionStatus; reason: string | null },
  fileNames: string[],
): Promise<RecordedCompletion> {
  const id = Number(earlier.id);
  const changed = await trx
    .updateTable('completions')
    .set({
      status: input.status,
      reason: input.status === 'done' ? null : input.reason,
      photoCount: fileNames.length,
      authorId: input.author.id,
      authorName: input.author.name,
      createdAt: input.now.toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', earlier.status)
    .executeTakeFirst();
  // Another phone (or the office) changed it meanwhile.
  if (Number(changed.numUpdatedRows) !== 1) throw apiError('completion_exists');

  await storePhotos(trx, input, id, fileNames);
  const earlierReason = earlier.status === 'not_done' ? earlier.reason : null;
  const facts = { ...factsOf(input, id, fileNames.length), earlierReason };
  return { id, outboxIds: await enqueueWrites(trx, input, facts) };
}

async function storePhotos(
  trx: Transaction<Database>,
  input: CompletionInput,
  completionId: number,
  fileNames: string[],
): Promise<void> {
  if (fileNames.length === 0) return;
  await trx
    .insertInto('completionPhotos')
    .values(
      fileNames.map((fileName, index) => ({
        memberId: input.memberId,
        completionId,
        fileName,
        contentType: input.photos[index]?.contentType ?? 'image/jpeg',
        size: input.photos[index]?.bytes.length ?? 0,
        createdAt: input.now.toISOString(),
      })),
    )
    .execute();
}

function factsOf(input: CompletionInput, id: number, photoCount: number): CompletionFacts {
  const { cleaning } = input;
  const query = `house=${cleaning.houseId}&date=${cleaning.date}`;
  return {
    id,
    houseId: cleaning.houseId,
    address: cleaning.address,
    date: cleaning.date,
    cleaningType: cleaning.cleaningType,
    slot: cleaning.slot,
    brigadeName: cleaning.brigadeName,
    status: input.status,
    reason: input.reason,
    photoCount,
    authorName: input.author.name,
    earlierReason: null,
    correction: null,
    link: input.publicUrl ? `${input.publicUrl.replace(/\/$/, '')}/check?${query}` : null,
  };
}

async function enqueueWrites(
  trx: Transaction<Database>,
  input: CompletionInput,
  facts: CompletionFacts,
): Promise<number[]> {
  const enqueue = async (kind: string, idempotencyKey: string, payload: unknown) =>
    (
      await enqueueOutbox(
        trx,
        { memberId: input.memberId, kind, idempotencyKey, payload },
        input.now,
      )
    ).id;

  const ids = [
    await enqueue(timelineCommentKind, completionKeys.comment(facts.id), {
      entityType: 'deal',
      entityId: facts.houseId,
      marker: completionMarker(facts.id),
      comment: completionComment(facts),
    }),
  ];

  // No task sent for the day yet: dispatch adds the line when it sends one.
  const dayTask = await findDayTask(trx, input.memberId, input.cleaning);
  if (dayTask) {
    const payload = checklistMarkPayload(facts, dayTask);
    ids.push(await enqueue(checklistMarkKind, completionKeys.dayTask(facts.id), payload));
  }

  if (facts.status === 'not_done') {
    for (const userId of await officeRecipients(trx, input.memberId)) {
      ids.push(
        await enqueue(systemNotifyKind, completionKeys.notify(facts.id, userId), {
          userId,
          message: notDoneNotice(facts),
          tag: `AUDIOBOT|completion|${facts.id}|${userId}`,
        }),
      );
    }
  }
  return ids;
}

/** Who hears of a cleaning not done: the portal's active administrators. */
async function officeRecipients(trx: Transaction<Database>, memberId: string): Promise<number[]> {
  const rows = await trx
    .selectFrom('employees')
    .select('id')
    .where('memberId', '=', memberId)
    .where('isAdmin', '=', 1)
    .where('active', '=', 1)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((row) => Number(row.id));
}
