import { OutboxPayloadError } from '../outbox-operation.js';

/**
 * Whose calendar an event goes to. `sectionName`: the section AudioBot keeps there
 * (found by name, added when missing); null takes the calendar's first section (the
 * company calendar: sections can only be added to `user` and `group` calendars).
 */
export interface CalendarLocation {
  type: 'user' | 'company_calendar';
  /** The user; 0 for the company calendar. */
  ownerId: number;
  sectionName: string | null;
}

/** One cleaning as an all-day event. */
export interface CalendarEventFields {
  name: string;
  /** Must carry the marker: it is how a lost event is found again. */
  description: string;
  /** YYYY-MM-DD, a day in the company's zone. */
  date: string;
  /** Bindings, e.g. `D_12` for the house's deal. */
  crmFields: string[];
}

export interface CalendarEventUpsertPayload {
  /** A text the description carries and nothing else does, e.g. `[AB cleaning-event:…]`. */
  marker: string;
  location: CalendarLocation;
  /** YYYY-MM: every event under one key stays in this month, so the search looks there. */
  month: string;
  event: CalendarEventFields;
}

export interface CalendarEventDeletePayload {
  marker: string;
  location: CalendarLocation;
  month: string;
  /** The day the removed event was on (shown to people; the search uses the month). */
  date?: string;
}

/** Where an event is: what update and delete need to reach it. */
export interface PlacedEvent {
  eventId: number;
  type: CalendarLocation['type'];
  ownerId: number;
  sectionId: number;
}

/** What an entry saved: the event it made, or that it is adding / has removed one. */
/** A calendar, without its section: where a marker is searched. */
export type CalendarOwner = Pick<CalendarLocation, 'type' | 'ownerId'>;

export interface CalendarEventResult {
  state: 'adding' | 'added' | 'updated' | 'deleted';
  event: PlacedEvent | null;
  /** How the last run found it: by the saved id, by the marker, or it added one. */
  via?: 'stored_id' | 'marker' | 'added';
  /**
   * While adding: every calendar an add of this entry was sent to, saved before the call.
   * An add whose answer was lost may have made an event in any of them.
   */
  tried?: CalendarOwner[];
}

export function parseLocation(value: unknown): CalendarLocation {
  const { type, ownerId, sectionName } = (value ?? {}) as Partial<CalendarLocation>;
  if (
    (type !== 'user' && type !== 'company_calendar') ||
    typeof ownerId !== 'number' ||
    !Number.isInteger(ownerId) ||
    ownerId < 0 ||
    (sectionName !== null && typeof sectionName !== 'string')
  ) {
    throw new OutboxPayloadError('A calendar event needs a location: type, ownerId, sectionName');
  }
  return { type, ownerId, sectionName };
}

export function parseMarkerAndMonth(value: unknown): { marker: string; month: string } {
  const payload = value as { marker?: unknown; month?: unknown } | null;
  if (typeof payload?.marker !== 'string' || payload.marker.length < 8)
    throw new OutboxPayloadError('A calendar event needs a marker of 8 characters or more');
  if (typeof payload.month !== 'string' || !/^\d{4}-\d{2}$/.test(payload.month))
    throw new OutboxPayloadError('A calendar event needs its month, YYYY-MM');
  return { marker: payload.marker, month: payload.month };
}

/** The event an earlier run of the entry saved, if any. */
export function placedEventOf(result: unknown): PlacedEvent | null {
  const event = (result as Partial<CalendarEventResult> | null)?.event;
  if (!event || !Number.isInteger(event.eventId) || event.eventId <= 0) return null;
  return event;
}

/** The calendars earlier adds of the entry went to (see `CalendarEventResult.tried`). */
export function triedOwnersOf(result: unknown): CalendarOwner[] {
  const tried = (result as Partial<CalendarEventResult> | null)?.tried;
  if (!Array.isArray(tried)) return [];
  return tried.filter(
    (owner) =>
      (owner?.type === 'user' || owner?.type === 'company_calendar') &&
      Number.isInteger(owner.ownerId),
  );
}

export function sameCalendar(a: CalendarOwner, b: CalendarOwner): boolean {
  return a.type === b.type && a.ownerId === b.ownerId;
}
