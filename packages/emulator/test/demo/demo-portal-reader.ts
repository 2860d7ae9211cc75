import type {
  PortalSnapshot,
  SnapshotDeal,
  SnapshotUserField,
} from '../../src/snapshot/snapshot-format.js';

/**
 * Reads a demo snapshot the way AudioBot must read a real portal: fields found by their
 * labels, never by code. If the generator drifted from the real labels, these fail.
 */
export const HOUSES_CATEGORY = '34';

export function houseDeals(snapshot: PortalSnapshot): SnapshotDeal[] {
  return snapshot.deals.filter((deal) => deal.CATEGORY_ID === HOUSES_CATEGORY);
}

export function labelOf(field: SnapshotUserField): string {
  return field.EDIT_FORM_LABEL.ru ?? '';
}

export function fieldByLabel(snapshot: PortalSnapshot, label: string): SnapshotUserField {
  const matches = snapshot.dealUserFields.filter((field) => labelOf(field) === label);
  if (matches.length !== 1) throw new Error(`${matches.length} fields labelled «${label}»`);
  return matches[0] as SnapshotUserField;
}

export function codeByLabel(snapshot: PortalSnapshot, label: string): `UF_CRM_${string}` {
  return fieldByLabel(snapshot, label).FIELD_NAME as `UF_CRM_${string}`;
}

const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

export interface ScheduleFieldLabel {
  kind: 'date' | 'type';
  slot: 1 | 2;
  /** `2025-09`. */
  month: string;
}

/** Tolerant parse of «Дата уборки 1 | Сентябрь 2025» and its misspellings. */
export function parseScheduleLabel(label: string): ScheduleFieldLabel | null {
  const match = /^\s*(Дата|Тип)\s+уборки\s*([12])\s*\|\s*(\p{L}+)\s+(\d{4})\s*$/u.exec(label);
  if (!match) return null;

  const monthNumber = MONTHS.indexOf((match[3] as string).toLowerCase()) + 1;
  if (monthNumber === 0) return null;
  return {
    kind: match[1] === 'Дата' ? 'date' : 'type',
    slot: match[2] === '1' ? 1 : 2,
    month: `${match[4]}-${String(monthNumber).padStart(2, '0')}`,
  };
}

export interface ScheduleField extends ScheduleFieldLabel {
  field: SnapshotUserField;
}

export function scheduleFields(snapshot: PortalSnapshot): ScheduleField[] {
  const found: ScheduleField[] = [];
  for (const field of snapshot.dealUserFields) {
    const parsed = parseScheduleLabel(labelOf(field));
    if (parsed) found.push({ ...parsed, field });
  }
  return found;
}

/** The one date field of a month's slot that holds data (the duplicate stays empty). */
export function slotFields(
  snapshot: PortalSnapshot,
  month: string,
  slot: 1 | 2,
): { date: SnapshotUserField; type: SnapshotUserField } {
  const fields = scheduleFields(snapshot).filter(
    (entry) => entry.month === month && entry.slot === slot,
  );
  const houses = houseDeals(snapshot);
  const dates = fields.filter((entry) => entry.kind === 'date').map((entry) => entry.field);
  const date = dates.find((field) =>
    houses.some((house) => isFilled(house[field.FIELD_NAME as `UF_CRM_${string}`])),
  );
  const type = fields.find((entry) => entry.kind === 'type')?.field;
  if (!date || !type) throw new Error(`No slot ${slot} fields for ${month}`);
  return { date, type };
}

export function isFilled(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== false && value !== '' && value !== null && value !== undefined;
}

export interface ParsedAddress {
  text: string;
  lat: number | null;
  lon: number | null;
  locationId: string;
}

/** `text|lat;lon|id`, the Bitrix24 address-field value. */
export function parseAddress(value: unknown): ParsedAddress | null {
  if (typeof value !== 'string' || value === '') return null;
  const [text, coordinates, locationId] = value.split('|');
  if (text === undefined || coordinates === undefined || locationId === undefined) return null;

  const [lat, lon] = coordinates.split(';').map((part) => (part === '' ? null : Number(part)));
  return { text, lat: lat ?? null, lon: lon ?? null, locationId };
}
