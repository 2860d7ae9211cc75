export { type BackgroundSync, startBackgroundSync, syncDependencies } from './background-sync.js';
export { type DomainRulesOptions, domainRules } from './domain-rules.js';
export { loadMappingOverride } from './mapping-file.js';
export { runSync } from './run-sync.js';
export type {
  SyncCheckpoint,
  SyncDependencies,
  SyncRequest,
  SyncSummary,
} from './sync-context.js';
export type { SyncDomain } from './sync-domain.js';
export { failureOf, isRetryableSyncError, SyncError } from './sync-errors.js';
export type { ProgressListener, SyncProgress } from './sync-progress.js';
export { markStaleRuns, staleAfterMs } from './sync-recovery.js';
export {
  createSyncRun,
  getSyncRun,
  getSyncRuns,
  type SyncRunView,
  toSyncRunView,
} from './sync-runs.js';
export { registerSyncJob, type SyncJobOptions, startSync } from './sync-service.js';
