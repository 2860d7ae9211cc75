export type { InProcessQueueOptions } from './in-process-queue.js';
export { InProcessQueue } from './in-process-queue.js';
export type { WorkLogger } from './job-logger.js';
export { silentLogger } from './job-logger.js';
export type {
  EnqueueOptions,
  HandlerOptions,
  Job,
  JobContext,
  JobHandler,
  JobQueue,
  JobStatus,
  RetryPolicy,
} from './job-queue.js';
export { defaultRetryPolicy, retryDelayMs } from './job-queue.js';
export type { SyncJobPayload, SyncMode, SyncSchedule, SyncScheduler } from './sync-scheduler.js';
export {
  defaultSyncSchedule,
  startSyncScheduler,
  syncJobName,
  syncScheduleOf,
} from './sync-scheduler.js';
export { nextDailyAt } from './zoned-time.js';
