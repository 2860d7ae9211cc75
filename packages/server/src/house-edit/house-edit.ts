import type { FieldKind } from './field-values.js';

/** The cleaning types a schedule slot can be given (the general cleaning has its own field). */
export type SlotCleaningType = 'full_wet' | 'sweeping' | 'first_floor';

export const SLOT_CLEANING_TYPES: readonly SlotCleaningType[] = [
  'full_wet',
  'sweeping',
  'first_floor',
];

/** One slot of a month's schedule as the user wants it. */
export interface SlotEdit {
  slot: number;
  /** Local dates, all within the month. */
  dates: string[];
  cleaningType: SlotCleaningType | null;
}

/**
 * The general cleaning: its date (null clears it) and the items of its own list
 * («Генеральная уборка»: walls, railings …) by item id ([] clears them); a part left out
 * stays as it is, so changing one is not refused over a portal change of the other.
 */
export interface GeneralCleaningEdit {
  date?: string | null;
  items?: string[];
}

/** What the user changes; an absent part stays as it is in the portal. */
export interface HouseEdit {
  apartments?: number | null;
  entrances?: number | null;
  floors?: number | null;
  area?: number | null;
  brigadeId?: number;
  schedule?: { month: string; slots: SlotEdit[] };
  generalCleaning?: GeneralCleaningEdit;
}

/**
 * The values the user's form showed for the parts an edit changes (the brigade may have
 * been none). Only consulted when the store no longer holds the form's version.
 */
export type HouseEditStart = Omit<HouseEdit, 'brigadeId'> & { brigadeId?: number | null };

export type CountPart = 'apartments' | 'entrances' | 'floors' | 'area';

export const COUNT_PARTS: readonly CountPart[] = ['apartments', 'entrances', 'floors', 'area'];

/** One deal field an edit writes. */
export interface FieldChange {
  /**
   * What it is to the user: `apartments`, `brigade`, `schedule.2025-09.1.dates`,
   * `generalCleaning.date`, `generalCleaning.items`.
   */
  part: string;
  /** The deal field: `UF_CRM_…` or `ASSIGNED_BY_ID`. */
  field: string;
  label: string;
  kind: FieldKind;
  /** The value to send in crm.deal.update. */
  value: unknown;
}
