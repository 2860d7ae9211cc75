import type { OperationContext, OperationInput, OutboxOperation } from './outbox-operation.js';
import { OutboxPayloadError } from './outbox-operation.js';

/**
 * A system notification to one portal user. Bitrix24 keeps one notification per TAG:
 * sending again with the same tag replaces the earlier one, so a run that lost the
 * answer and sends again still leaves one (docs: im-notify-system-add.md). A run that
 * knows it was sent does not send again.
 */
export interface SystemNotifyPayload {
  userId: number;
  message: string;
  /** Unique per notification and user, e.g. `AUDIOBOT|completion|12|7`. */
  tag: string;
}

export interface SystemNotifyResult {
  notificationId: number;
}

export const systemNotifyKind = 'bitrix24.notify.system';

export const systemNotifyOperation: OutboxOperation<SystemNotifyPayload, SystemNotifyResult> = {
  kind: systemNotifyKind,
  parse: parseNotify,
  execute: notify,
};

function parseNotify(payload: unknown): SystemNotifyPayload {
  const value = payload as Partial<SystemNotifyPayload> | null;
  if (!Number.isInteger(value?.userId) || Number(value?.userId) <= 0)
    throw new OutboxPayloadError('A notification needs the id of its user');
  if (typeof value?.message !== 'string' || value.message.trim() === '')
    throw new OutboxPayloadError('A notification needs a message');
  if (typeof value.tag !== 'string' || value.tag.length < 8)
    throw new OutboxPayloadError('A notification needs a tag of 8 characters or more');
  return { userId: Number(value.userId), message: value.message, tag: value.tag };
}

async function notify(
  input: OperationInput<SystemNotifyPayload>,
  context: OperationContext,
): Promise<SystemNotifyResult> {
  const sent = (input.result as { notificationId?: unknown } | null)?.notificationId;
  if (typeof sent === 'number' && sent > 0) return { notificationId: sent };

  const { userId, message, tag } = input.payload;
  const answer = await context.portal.call<unknown>(
    'im.notify.system.add',
    { USER_ID: userId, MESSAGE: message, TAG: tag },
    { signal: context.signal },
  );
  return { notificationId: Number(answer.result) };
}
