import { isBitrix24Error } from '@audiobot/bitrix24';
import type { OperationContext, OperationInput, OutboxOperation } from './outbox-operation.js';
import { OutboxPayloadError } from './outbox-operation.js';

/**
 * Makes one comment on a CRM item's timeline say the given text. The comment carries
 * `marker` (e.g. `[AB completion:12]`); crm.timeline.comment.list filters only by the
 * item, so an earlier run's comment is found by reading the item's comments: a run that
 * crashed or lost the answer right after the add finds it instead of adding a second
 * one. A comment found (by its saved id or the marker) is updated to the text.
 */
export interface TimelineCommentPayload {
  entityType: 'deal';
  entityId: number;
  marker: string;
  /** The comment's text; it must contain the marker. */
  comment: string;
}

export interface TimelineCommentResult {
  commentId: number;
  via: 'stored_id' | 'marker' | 'added';
}

export const timelineCommentKind = 'bitrix24.timeline.comment.add';

export const timelineCommentOperation: OutboxOperation<
  TimelineCommentPayload,
  TimelineCommentResult
> = {
  kind: timelineCommentKind,
  parse: parseComment,
  execute: addComment,
};

function parseComment(payload: unknown): TimelineCommentPayload {
  const value = payload as Partial<TimelineCommentPayload> | null;
  if (value?.entityType !== 'deal') throw new OutboxPayloadError('A comment goes on a deal');
  if (!Number.isInteger(value.entityId) || Number(value.entityId) <= 0)
    throw new OutboxPayloadError('A comment needs the id of its deal');
  if (typeof value.marker !== 'string' || value.marker.length < 8)
    throw new OutboxPayloadError('A comment needs a marker of 8 characters or more');
  if (typeof value.comment !== 'string' || !value.comment.includes(value.marker))
    throw new OutboxPayloadError('The comment must carry the marker');
  return {
    entityType: 'deal',
    entityId: Number(value.entityId),
    marker: value.marker,
    comment: value.comment,
  };
}

async function addComment(
  input: OperationInput<TimelineCommentPayload>,
  context: OperationContext,
): Promise<TimelineCommentResult> {
  const stored = commentIdOf(input.result);
  if (stored !== null && (await updateComment(stored, input.payload, context))) {
    return { commentId: stored, via: 'stored_id' };
  }

  const found = await findByMarker(input.payload, context);
  if (found !== null && (await updateComment(found, input.payload, context))) {
    return { commentId: found, via: 'marker' };
  }

  const { entityType, entityId, comment } = input.payload;
  const answer = await context.portal.call<unknown>(
    'crm.timeline.comment.add',
    { fields: { ENTITY_TYPE: entityType, ENTITY_ID: entityId, COMMENT: comment } },
    { signal: context.signal },
  );
  const commentId = Number(answer.result);
  if (!Number.isInteger(commentId) || commentId <= 0)
    throw new Error('crm.timeline.comment.add answered without a comment id');
  await context.saveResult({ commentId, via: 'added' } satisfies TimelineCommentResult);
  return { commentId, via: 'added' };
}

/** False when the comment is gone (deleted in the portal): the caller looks further. */
async function updateComment(
  commentId: number,
  payload: TimelineCommentPayload,
  context: OperationContext,
): Promise<boolean> {
  try {
    await context.portal.call(
      'crm.timeline.comment.update',
      { id: commentId, fields: { COMMENT: payload.comment } },
      { signal: context.signal },
    );
    return true;
  } catch (error) {
    if (isBitrix24Error(error) && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

function commentIdOf(result: unknown): number | null {
  const id = (result as { commentId?: unknown } | null)?.commentId;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null;
}

interface CommentRow {
  ID?: unknown;
  COMMENT?: unknown;
}

/** The oldest comment of the item carrying the marker, reading its comments page by page. */
async function findByMarker(
  payload: TimelineCommentPayload,
  context: OperationContext,
): Promise<number | null> {
  let start: number | null = 0;

  while (start !== null) {
    const answer: { result: CommentRow[]; next: number | null } = await context.portal.call<
      CommentRow[]
    >(
      'crm.timeline.comment.list',
      {
        filter: { ENTITY_TYPE: payload.entityType, ENTITY_ID: payload.entityId },
        select: ['ID', 'COMMENT'],
        order: { ID: 'ASC' },
        start,
      },
      { signal: context.signal },
    );
    const mine = answer.result.find((row) => String(row.COMMENT ?? '').includes(payload.marker));
    if (mine) return Number(mine.ID);
    start = answer.next;
  }
  return null;
}
