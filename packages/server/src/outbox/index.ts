export * from './calendar/index.js';
export {
  type ChecklistMarkPayload,
  type ChecklistMarkResult,
  checklistMarkKind,
  checklistMarkOperation,
  DayTaskMissingError,
} from './checklist-mark-operation.js';
export type { OutboxEntry } from './outbox-entry.js';
export type { OutboxFailure } from './outbox-failure.js';
export { outboxFailureOf } from './outbox-failure.js';
export {
  type OperationContext,
  type OperationInput,
  type OutboxOperation,
  OutboxPayloadError,
  type PortalCaller,
} from './outbox-operation.js';
export { outboxOperations } from './outbox-operations.js';
export {
  countOutbox,
  listOutbox,
  type OutboxCounts,
  type OutboxListFilter,
} from './outbox-queries.js';
export {
  enqueueOutbox,
  getOutboxEntries,
  type OutboxIntent,
  retryOutbox,
} from './outbox-repository.js';
export { outboxRetryRoute } from './outbox-retry-route.js';
export { OutboxEntrySchema, outboxRoute, presentOutboxEntry } from './outbox-route.js';
export {
  defaultOutboxLeaseMs,
  defaultOutboxRetry,
  type OutboxRunSummary,
  OutboxWorker,
  type OutboxWorkerOptions,
} from './outbox-worker.js';
export {
  type SystemNotifyPayload,
  systemNotifyKind,
  systemNotifyOperation,
} from './system-notify-operation.js';
export {
  type TaskUpsertPayload,
  type TaskUpsertResult,
  taskUpsertKind,
  taskUpsertOperation,
} from './task-upsert-operation.js';
export {
  type TimelineCommentPayload,
  type TimelineCommentResult,
  timelineCommentKind,
  timelineCommentOperation,
} from './timeline-comment-operation.js';
