/** Where a sync run stands; written to its sync-run record and passed to `onProgress`. */
export interface SyncProgress {
  /** `reference` (fields, pipeline, staff), `houses`, `deletions`, `finished`. */
  phase: string;
  done: number;
  total: number;
  /** HTTP requests to the portal so far in this run. */
  requests: number;
}

export type ProgressListener = (progress: SyncProgress) => void;
