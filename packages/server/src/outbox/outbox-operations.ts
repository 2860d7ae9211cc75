import { calendarEventDeleteOperation, calendarEventUpsertOperation } from './calendar/index.js';
import { checklistMarkOperation } from './checklist-mark-operation.js';
import type { OutboxOperation } from './outbox-operation.js';
import { systemNotifyOperation } from './system-notify-operation.js';
import { taskUpsertOperation } from './task-upsert-operation.js';
import { timelineCommentOperation } from './timeline-comment-operation.js';

/** Every kind of write the outbox carries out; a worker gets them all. */
export const outboxOperations: readonly OutboxOperation[] = [
  taskUpsertOperation as OutboxOperation,
  calendarEventUpsertOperation as OutboxOperation,
  calendarEventDeleteOperation as OutboxOperation,
  // A completion's writes: the deal's comment, the day task's line, the office's notice.
  timelineCommentOperation as OutboxOperation,
  checklistMarkOperation as OutboxOperation,
  systemNotifyOperation as OutboxOperation,
];
