import type {
  CountPart,
  EditConflict,
  FieldMeaning,
  HouseEditBody,
  HouseEditForm,
  SlotCleaningType,
} from '../api/house-edit-api.js';
import { t } from '../i18n/index.js';

// The edit form's state as the user types it, and the request it becomes: only what
// the user changed is sent, so a field changed in Bitrix24 meanwhile and not touched
// here is neither overwritten nor reported as a conflict.

export const COUNT_PARTS: readonly CountPart[] = ['apartments', 'entrances', 'floors', 'area'];

export interface SlotState {
  slot: number;
  /** Days of the month as typed: «3, 17». */
  days: string;
  /** '' for no type. */
  cleaningType: SlotCleaningType | '';
  types: SlotCleaningType[];
}

/** The general cleaning as the user sets it; null when the portal has no field for it. */
export interface GeneralState {
  /** YYYY-MM-DD as the date input gives it; '' for no date. */
  date: string;
  /** Item ids of the general cleaning list. */
  items: string[];
}

export interface EditState {
  counts: Record<CountPart, string>;
  brigadeId: string;
  month: string;
  slots: SlotState[];
  general: GeneralState | null;
}

export type EditProblem = {
  part: string;
  reason: 'not_a_number' | 'not_a_day' | 'not_a_date';
};

export function editStateOf(form: HouseEditForm, month: string): EditState {
  const text = (value: number | null) => (value === null ? '' : String(value));
  return {
    counts: {
      apartments: text(form.counts.apartments),
      entrances: text(form.counts.entrances),
      floors: text(form.counts.floors),
      area: text(form.counts.area),
    },
    brigadeId: form.brigadeId ?? '',
    month,
    slots: slotStatesOf(form, month),
    general: form.generalCleaning
      ? { date: form.generalCleaning.date ?? '', items: [...form.generalCleaning.items] }
      : null,
  };
}

export function slotStatesOf(form: HouseEditForm, month: string): SlotState[] {
  const slots = form.months.find((entry) => entry.month === month)?.slots ?? [];
  return slots.map((slot) => ({
    slot: slot.slot,
    days: daysText(slot.dates),
    cleaningType: slot.cleaningType ?? '',
    types: slot.types,
  }));
}

/** The month the form opens on: this month when the house has its fields, else the last. */
export function initialMonth(form: HouseEditForm, today: string): string {
  const current = today.slice(0, 7);
  if (form.months.some((entry) => entry.month === current)) return current;
  return form.months.at(-1)?.month ?? '';
}

export function daysText(dates: string[]): string {
  return dates.map((date) => String(Number(date.slice(8, 10)))).join(', ');
}

/** «3, 17 24» → the dates of the month; null when something typed is not a day. */
export function datesOfDays(month: string, days: string): string[] | null {
  const tokens = days.split(/[\s,;]+/).filter((token) => token !== '');
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  const dates: string[] = [];

  for (const token of tokens) {
    const day = Number(token);
    if (!/^\d{1,2}$/.test(token) || day < 1 || day > last.getUTCDate()) return null;
    dates.push(`${month}-${String(day).padStart(2, '0')}`);
  }
  return [...new Set(dates)].sort();
}

/** The request for what changed, or the problems that keep it from being sent. */
export function editBodyOf(
  form: HouseEditForm,
  state: EditState,
): { body: HouseEditBody | null; problems: EditProblem[] } {
  const body: HouseEditBody = { baseVersion: form.version };
  const problems: EditProblem[] = [];
  let changed = false;

  for (const part of form.editableCounts) {
    const value = countOf(state.counts[part], part === 'area');
    if (value === undefined) problems.push({ part, reason: 'not_a_number' });
    else if (value !== form.counts[part]) {
      body[part] = value;
      changed = true;
    }
  }
  if (state.brigadeId && state.brigadeId !== (form.brigadeId ?? '')) {
    body.brigadeId = state.brigadeId;
    changed = true;
  }

  const schedule = scheduleOf(form, state, problems);
  if (schedule) {
    body.schedule = schedule;
    changed = true;
  }
  const general = generalCleaningOf(form, state, problems);
  if (general) {
    body.generalCleaning = general;
    changed = true;
  }
  if (changed) body.startingValues = startingValuesOf(form, body);
  return { body: changed && problems.length === 0 ? body : null, problems };
}

/**
 * What the form showed for each part the body changes. The server compares with these
 * when its store has moved past the form's version, so a part changed in Bitrix24 by
 * someone else is asked about and one left alone is not.
 */
function startingValuesOf(
  form: HouseEditForm,
  body: HouseEditBody,
): NonNullable<HouseEditBody['startingValues']> {
  const start: NonNullable<HouseEditBody['startingValues']> = {};
  for (const part of COUNT_PARTS) {
    if (body[part] !== undefined) start[part] = form.counts[part];
  }
  if (body.brigadeId !== undefined) start.brigadeId = form.brigadeId;

  const month = body.schedule?.month;
  const before = form.months.find((entry) => entry.month === month)?.slots ?? [];
  const slots = (body.schedule?.slots ?? []).flatMap((changed) => {
    const old = before.find((slot) => slot.slot === changed.slot);
    return old ? [{ slot: old.slot, dates: old.dates, cleaningType: old.cleaningType }] : [];
  });
  if (month && slots.length > 0) start.schedule = { month, slots };

  const general = body.generalCleaning;
  if (general && form.generalCleaning) {
    start.generalCleaning = {
      ...(general.date === undefined ? {} : { date: form.generalCleaning.date }),
      ...(general.items === undefined ? {} : { items: form.generalCleaning.items }),
    };
  }
  return start;
}

/** '' → null (clears the field); undefined when the text is not a count (or an area). */
function countOf(text: string, decimal: boolean): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const pattern = decimal ? /^\d+(\.\d+)?$/ : /^\d+$/;
  return pattern.test(trimmed) ? Number(trimmed) : undefined;
}

function scheduleOf(
  form: HouseEditForm,
  state: EditState,
  problems: EditProblem[],
): HouseEditBody['schedule'] | null {
  const before = form.months.find((entry) => entry.month === state.month)?.slots ?? [];
  const slots: NonNullable<HouseEditBody['schedule']>['slots'] = [];

  for (const slot of state.slots) {
    const dates = datesOfDays(state.month, slot.days);
    if (dates === null) {
      problems.push({ part: `slot${slot.slot}`, reason: 'not_a_day' });
      continue;
    }
    const cleaningType = slot.cleaningType === '' ? null : slot.cleaningType;
    const old = before.find((entry) => entry.slot === slot.slot);
    if (old && old.dates.join() === dates.join() && old.cleaningType === cleaningType) continue;
    slots.push({ slot: slot.slot, dates, cleaningType });
  }
  return slots.length > 0 ? { month: state.month, slots } : null;
}

/** The general cleaning's changed parts only: an untouched one is not compared. */
function generalCleaningOf(
  form: HouseEditForm,
  state: EditState,
  problems: EditProblem[],
): HouseEditBody['generalCleaning'] | null {
  const before = form.generalCleaning;
  if (!before || !state.general) return null;

  const date = state.general.date.trim();
  if (date !== '' && !isRealDate(date)) {
    problems.push({ part: 'generalDate', reason: 'not_a_date' });
    return null;
  }
  const change: NonNullable<HouseEditBody['generalCleaning']> = {};
  if ((date || null) !== before.date) change.date = date || null;

  const items = [...new Set(state.general.items)].sort((a, b) => Number(a) - Number(b));
  if (items.join() !== [...before.items].sort((a, b) => Number(a) - Number(b)).join()) {
    change.items = items;
  }
  return Object.keys(change).length > 0 ? change : null;
}

/** A YYYY-MM-DD that names a day of the calendar (not 2026-02-30). */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** A conflict's value in words: dates as days, a brigade by name, a type by its name. */
export function meaningText(
  conflict: EditConflict,
  value: FieldMeaning,
  names: {
    brigades: Map<string, string>;
    types: Record<string, string>;
    /** The general cleaning list's items by id. */
    generalItems?: Map<string, string>;
    none: string;
  },
): string {
  if (value === null || (Array.isArray(value) && value.length === 0)) return names.none;
  if (conflict.part === 'generalCleaning.items' && Array.isArray(value)) {
    return value.map((id) => names.generalItems?.get(id) ?? id).join('; ');
  }
  if (conflict.part === 'generalCleaning.date') return dayText(String(value));
  if (Array.isArray(value)) return value.map(dayText).join(', ');
  if (conflict.part === 'brigade') return names.brigades.get(String(value)) ?? String(value);
  if (conflict.part.endsWith('.type')) return names.types[String(value)] ?? String(value);
  return String(value);
}

function dayText(date: string): string {
  return date.split('-').reverse().join('.');
}

/** What the user calls the changed part: «Квартиры», «Дни уборки 1 · декабрь 2026». */
export function conflictLabel(conflict: EditConflict, monthName: (month: string) => string) {
  if ((COUNT_PARTS as readonly string[]).includes(conflict.part)) {
    return t.common[conflict.part as CountPart];
  }
  if (conflict.part === 'brigade') return t.common.brigade;
  if (conflict.part === 'generalCleaning.date') return t.houseEdit.generalDate;
  if (conflict.part === 'generalCleaning.items') return t.houseEdit.generalItemsLabel;

  const slot = /^schedule\.(\d{4}-\d{2})\.(\d+)\.(dates|type)$/.exec(conflict.part);
  if (!slot) return conflict.label;
  const [, month = '', number = '', what] = slot;
  const name =
    what === 'dates' ? t.houseEdit.days(Number(number)) : t.houseEdit.type(Number(number));
  return `${name} · ${monthName(month)}`;
}
