import type { CleaningType } from './types.js';

// The completions contract: GET /api/completions/day, POST /api/completions,
// GET /api/completions/check (schemas in the server's api/completions).

export type WriteState = 'pending' | 'running' | 'done' | 'failed';

export interface Completion {
  id: string;
  houseId: string;
  date: string;
  cleaningType: CleaningType;
  slot: number;
  brigadeId: string | null;
  status: 'done' | 'not_done';
  reason: string | null;
  authorName: string;
  createdAt: string;
  photos: Array<{ id: string; url: string }>;
  bitrix24: {
    commentId: string | null;
    comment: WriteState | null;
    dayTask: WriteState | null;
    notifications: WriteState[];
  };
}

export interface DayCleaning {
  cleaningType: CleaningType;
  typeText: string | null;
  slot: number;
  completion: Completion | null;
}

export interface DayHouse {
  houseId: string;
  address: string;
  brigadeId: string | null;
  entrances: number | null;
  floors: number | null;
  cleanings: DayCleaning[];
}

export interface BrigadeDay {
  date: string;
  brigadeId: string | null;
  houses: DayHouse[];
}

export interface CompletionMark {
  houseId: string;
  date: string;
  cleaningType: CleaningType;
  slot: number;
  status: 'done' | 'not_done';
  reason?: string;
  /** Data URLs of the (shrunk) photos. */
  photos: string[];
}

export interface PlannedCleaning {
  date: string;
  cleaningType: CleaningType;
  slot: number;
}

export type ComplaintVerdict = 'done' | 'partly_done' | 'not_done' | 'not_marked' | 'not_planned';

/** withdrawn: the office took the mark back; the cleaning counts as not marked. */
export type CompletionState = 'done' | 'not_done' | 'withdrawn';

/** POST /api/completions/:id/correction (office and admins). */
export interface CompletionCorrection {
  status: CompletionState;
  reason?: string;
  /** Why the mark is corrected: kept in the history and the deal's comment. */
  note: string;
}

/** One correction of a completion by the office. */
export interface CompletionChange {
  id: string;
  completionId: string;
  before: { status: CompletionState; reason: string | null; authorName: string };
  after: { status: CompletionState; reason: string | null };
  note: string;
  changedByName: string;
  changedAt: string;
}

export interface ComplaintHouse {
  houseId: string;
  address: string;
  brigadeId: string | null;
  brigadeName: string | null;
  verdict: ComplaintVerdict;
  planned: PlannedCleaning[];
  nearestBefore: PlannedCleaning | null;
  nearestAfter: PlannedCleaning | null;
  completions: Completion[];
  changes: CompletionChange[];
  dealUrl: string | null;
}

export interface ComplaintCheck {
  date: string;
  houses: ComplaintHouse[];
}
