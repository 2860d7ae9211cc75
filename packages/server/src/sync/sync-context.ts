import type { Kysely } from 'kysely';
import type { WorkLogger } from '../jobs/index.js';
import type { Database, SyncMode } from '../store/index.js';
import type { CommandPump } from './command-pump.js';
import type { ProgressReporter } from './progress-reporter.js';
import type { BatchSender } from './rest-command.js';
import type { SyncDomain } from './sync-domain.js';
import type { ProgressListener } from './sync-progress.js';

/** What a sync needs from the process: the store, the portal, the domain rules. */
export interface SyncDependencies {
  db: Kysely<Database>;
  memberId: string;
  /** Sends one `batch` request through the Bitrix24 client (bucket, retries, auth). */
  send: BatchSender;
  domain: SyncDomain;
  logger?: WorkLogger;
  /** Batch requests in flight at once; the client's bucket paces them. Default 3. */
  concurrency?: number;
  /** The client's count of HTTP requests (retries included), for the run's figures. */
  requests?: () => number;
}

export interface SyncRequest {
  mode: SyncMode;
  runId: number;
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

/** Where a full sync stands, stored with each written page. */
export interface SyncCheckpoint {
  /** Every house deal with an id up to this one is written. */
  afterId: number;
  /** The portal's clock when the (first attempt of the) run began: the next incremental's start. */
  portalStartedAt: string | null;
}

/** One run in progress: dependencies, the pump, the reporter and the resume point. */
export interface RunContext extends SyncDependencies {
  runId: number;
  pump: CommandPump;
  progress: ProgressReporter;
  logger: WorkLogger;
  resumeFrom: SyncCheckpoint | null;
  signal?: AbortSignal;
}

export interface SyncSummary {
  runId: number;
  mode: SyncMode;
  /** Houses present in the store after the run. */
  houses: number;
  /** Houses written (new or changed) by this run. */
  housesWritten: number;
  housesDeleted: number;
  /** Active employees in a brigade (the guide's «82 сотрудника»). */
  employees: number;
  brigades: number;
  /** HTTP requests sent to the portal. */
  requests: number;
  seconds: number;
}

/** What the house phases report back to the run. */
export interface PhaseResult {
  written: number;
  deleted: number;
  /** The portal clock at the start: where the next incremental sync begins. */
  portalStartedAt: string | null;
}
