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
  dealUrl: string | null;
}

export interface ComplaintCheck {
  date: string;
  houses: ComplaintHouse[];
}
