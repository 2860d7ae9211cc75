import { t } from '../i18n/index.js';
import { ApiError, request } from './http.js';

// The house edit: its form and the PATCH that writes it to the deal. A 409 with
// conflicts is an answer the page shows, not a failure, so it is returned as such.

export type SlotCleaningType = 'full_wet' | 'sweeping' | 'first_floor';
export type CountPart = 'apartments' | 'entrances' | 'floors' | 'area';

export interface SlotForm {
  slot: number;
  dates: string[];
  cleaningType: SlotCleaningType | null;
  types: SlotCleaningType[];
}

/** The general cleaning as stored; null when the portal has no date field for it. */
export interface GeneralCleaningForm {
  date: string | null;
  /** Item ids of «Генеральная уборка» the deal holds. */
  items: string[];
  /** The items of that list; empty when the portal has none. */
  choices: { id: string; name: string }[];
}

export interface HouseEditForm {
  houseId: string;
  version: string | null;
  counts: Record<CountPart, number | null>;
  editableCounts: CountPart[];
  brigadeId: string | null;
  brigades: { id: string; name: string }[];
  months: { month: string; slots: SlotForm[] }[];
  generalCleaning: GeneralCleaningForm | null;
  pendingEdit: boolean;
}

export interface HouseEditBody {
  baseVersion: string | null;
  apartments?: number | null;
  entrances?: number | null;
  floors?: number | null;
  area?: number | null;
  brigadeId?: string;
  schedule?: {
    month: string;
    slots: { slot: number; dates: string[]; cleaningType: SlotCleaningType | null }[];
  };
  /** A part left out stays as it is; null clears the date, [] the items. */
  generalCleaning?: { date?: string | null; items?: string[] };
  /** What the form showed for the parts changed: decides when the store moved on. */
  startingValues?: Omit<HouseEditBody, 'baseVersion' | 'startingValues' | 'brigadeId'> & {
    brigadeId?: string | null;
  };
}

export type FieldMeaning = number | string | string[] | null;

export interface EditConflict {
  part: string;
  field: string;
  label: string;
  theirs: FieldMeaning;
  ours: FieldMeaning;
}

export type HouseEditAnswer =
  | { status: 'written' | 'pending'; outboxId: string; version: string | null }
  | { status: 'conflict'; currentVersion: string | null; conflicts: EditConflict[] };

export function loadHouseEditForm(id: string): Promise<HouseEditForm> {
  return request<HouseEditForm>(`/api/cleaning/houses/${encodeURIComponent(id)}/edit`);
}

export async function saveHouseEdit(id: string, body: HouseEditBody): Promise<HouseEditAnswer> {
  try {
    return await request<HouseEditAnswer>(`/api/cleaning/houses/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: JSON.stringify(body),
    });
  } catch (failure) {
    if (!(failure instanceof ApiError) || failure.code !== 'house_edit_conflict') throw failure;
    return conflictOf(failure);
  }
}

function conflictOf(failure: ApiError): HouseEditAnswer {
  const body = failure.body as { currentVersion?: string | null; conflicts?: EditConflict[] };
  if (!Array.isArray(body?.conflicts)) {
    throw new ApiError(failure.code, failure.status, t.errors.house_edit_conflict ?? '');
  }
  return {
    status: 'conflict',
    currentVersion: body.currentVersion ?? null,
    conflicts: body.conflicts,
  };
}
