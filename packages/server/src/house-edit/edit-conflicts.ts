import type { DealRow } from '../domain/index.js';
import type { EditReference } from './edit-reference.js';
import { type FieldMeaning, meaningOf, sameMeaning } from './field-values.js';
import { COUNT_PARTS, type FieldChange, type HouseEditStart } from './house-edit.js';

/** What the user is shown for a field the portal changed: its value there, and theirs. */
export interface EditConflict {
  part: string;
  field: string;
  label: string;
  /** In the API's terms: a number, dates, a cleaning type, a brigade id. */
  theirs: FieldMeaning;
  ours: FieldMeaning;
}

/** What the user started from: the deal's version, and its values when AudioBot knows them. */
export interface EditBase {
  version: string | null;
  /** The stored values of that version; null when the store has moved past it. */
  values: Record<string, unknown> | null;
  /**
   * When `values` is null: what the form showed, per part, in the API's terms (as the
   * request's `startingValues` gave them). A part without one falls back to the version.
   */
  starting?: Map<string, FieldMeaning>;
}

/**
 * The changed fields whose portal value is neither ours nor the one the user started
 * from. Values decide, not DATE_MODIFY alone: it has a resolution of one second, and a
 * change of another field is no reason to ask. When the store no longer holds the
 * starting values, the form's own (`starting`, in the API's terms) take their place; only
 * for a part without them does a newer DATE_MODIFY count as a change.
 */
export function findConflicts(
  changes: readonly FieldChange[],
  deal: DealRow,
  base: EditBase,
  timeZone: string,
  reference?: EditReference,
): FieldChange[] {
  const versionMoved = versionOf(deal) !== base.version;

  return changes.filter((change) => {
    const theirs = deal[change.field];
    if (sameMeaning(change.kind, theirs, change.value, timeZone)) return false;
    if (base.values) return !sameMeaning(change.kind, theirs, base.values[change.field], timeZone);

    const start = base.starting?.get(change.part);
    if (start === undefined || !reference) return versionMoved;
    return !sameMeanings(userMeaning(change, theirs, reference, timeZone), start);
  });
}

function sameMeanings(a: FieldMeaning, b: FieldMeaning): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.join(',') === b.join(',');
  return a === b;
}

/** The form's values of an edit's parts, keyed as `FieldChange.part`, in the API's terms. */
export function startingMeanings(start: HouseEditStart): Map<string, FieldMeaning> {
  const meanings = new Map<string, FieldMeaning>();
  for (const part of COUNT_PARTS) {
    const value = start[part];
    if (value !== undefined) meanings.set(part, value);
  }
  if (start.brigadeId !== undefined) meanings.set('brigade', start.brigadeId);
  for (const slot of start.schedule?.slots ?? []) {
    const part = `schedule.${start.schedule?.month}.${slot.slot}`;
    meanings.set(`${part}.dates`, [...new Set(slot.dates)].sort());
    meanings.set(`${part}.type`, slot.cleaningType);
  }
  const general = start.generalCleaning;
  if (general?.date !== undefined) meanings.set('generalCleaning.date', general.date);
  if (general?.items !== undefined) {
    const items = [...new Set(general.items)].sort((a, b) => Number(a) - Number(b));
    meanings.set('generalCleaning.items', items);
  }
  return meanings;
}

/** A deal's DATE_MODIFY as the store keeps it (ISO UTC), the edit's `baseVersion`. */
export function versionOf(deal: DealRow): string | null {
  const text = deal.DATE_MODIFY;
  if (!text) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

export function presentConflict(
  change: FieldChange,
  theirs: unknown,
  reference: EditReference,
  timeZone: string,
): EditConflict {
  const meaning = (value: unknown) => userMeaning(change, value, reference, timeZone);
  return {
    part: change.part,
    field: change.field,
    label: change.label,
    theirs: meaning(theirs),
    ours: meaning(change.value),
  };
}

/** A user becomes their brigade, an enumeration item its cleaning type: what the form shows. */
function userMeaning(
  change: FieldChange,
  value: unknown,
  reference: EditReference,
  timeZone: string,
): FieldMeaning {
  const meaning = meaningOf(change.kind, value, timeZone);
  if (typeof meaning !== 'number') return meaning;
  if (change.kind === 'user') return reference.mapping.brigadeOfUser.get(meaning) ?? null;
  if (change.kind !== 'enum') return meaning;

  const item = reference.typeItems.get(change.field)?.find((entry) => entry.itemId === meaning);
  return item?.cleaningType ?? String(meaning);
}
