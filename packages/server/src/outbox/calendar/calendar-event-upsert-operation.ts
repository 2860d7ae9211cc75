import type { OperationContext, OperationInput, OutboxOperation } from '../outbox-operation.js';
import { OutboxPayloadError } from '../outbox-operation.js';
import {
  type CalendarEventFields,
  type CalendarEventResult,
  type CalendarEventUpsertPayload,
  type CalendarLocation,
  type PlacedEvent,
  parseLocation,
  parseMarkerAndMonth,
  placedEventOf,
  sameCalendar,
  triedOwnersOf,
} from './calendar-event-payload.js';
import {
  deleteEvent,
  deleteMarked,
  eventsWithMarker,
  isRejected,
} from './calendar-event-search.js';
import { forgetSection, sectionIdOf } from './calendar-section-lookup.js';

export const calendarEventUpsertKind = 'bitrix24.calendar.event.upsert';

/**
 * Makes one calendar event hold the payload: the event an earlier run saved, else the one
 * whose description carries the marker (a run that died after calendar.event.add), else
 * a new one. An event in another owner's calendar (the house changed brigade, or the
 * calendar setting changed) is removed and made again in the new one.
 */
export const calendarEventUpsertOperation: OutboxOperation<
  CalendarEventUpsertPayload,
  CalendarEventResult
> = {
  kind: calendarEventUpsertKind,
  parse: parseUpsert,
  execute: upsertEvent,
};

function parseUpsert(value: unknown): CalendarEventUpsertPayload {
  const { marker, month } = parseMarkerAndMonth(value);
  const event = (value as { event?: Partial<CalendarEventFields> }).event;
  const { name, description, date } = event ?? {};
  if (typeof name !== 'string' || name === '')
    throw new OutboxPayloadError('A calendar event needs a name');
  if (typeof description !== 'string' || !description.includes(marker))
    throw new OutboxPayloadError('The event description must carry the marker');
  if (typeof date !== 'string' || !date.startsWith(`${month}-`))
    throw new OutboxPayloadError('The event date must be a day of its month');

  const location = parseLocation((value as { location?: unknown }).location);
  const crmFields = Array.isArray(event?.crmFields) ? event.crmFields.map(String) : [];
  return { marker, month, location, event: { name, description, date, crmFields } };
}

async function upsertEvent(
  input: OperationInput<CalendarEventUpsertPayload>,
  context: OperationContext,
): Promise<CalendarEventResult> {
  const { location, marker, month } = input.payload;
  const write = sectionWriter(input, context);

  const stored = placedEventOf(input.result);
  if (stored && !sameOwner(stored, location)) await deleteEvent(context, stored);
  if (stored && sameOwner(stored, location)) {
    const sectionId = await updated(() => write(stored.eventId));
    if (sectionId !== null)
      return placed('updated', stored.eventId, location, sectionId, 'stored_id');
  }

  // Nothing saved means no run ever reached calendar.event.add: no event to look for.
  const tried = triedOwnersOf(input.result);
  if (input.result !== null) {
    // A lost add into a calendar the entry has left since (the house changed brigade).
    const elsewhere = tried.filter((owner) => !sameCalendar(owner, location));
    await deleteMarked(context, elsewhere, marker, month);
    const [found, ...extra] = await eventsWithMarker(context, location, marker, month);
    for (const duplicate of extra) await deleteEvent(context, duplicate);
    // Found but refused: an error, not a reason to add a second event.
    if (found) {
      const { sectionId } = await write(found.eventId);
      return placed('updated', found.eventId, location, sectionId, 'marker');
    }
  }

  const owner = { type: location.type, ownerId: location.ownerId };
  const adding: CalendarEventResult = {
    state: 'adding',
    event: null,
    tried: [...tried.filter((one) => !sameCalendar(one, owner)), owner],
  };
  await context.saveResult(adding);
  const { answer, sectionId } = await write(null);
  const eventId = Number(answer);
  if (!Number.isInteger(eventId) || eventId <= 0)
    throw new Error('calendar.event.add answered without an event id');
  const result = placed('added', eventId, location, sectionId, 'added');
  await context.saveResult(result);
  return result;
}

type EventWrite = (eventId: number | null) => Promise<{ answer: unknown; sectionId: number }>;

/**
 * Writes into the location's section. A refusal may mean the section id known from before
 * is gone (deleted in the portal, or another portal's): the section is looked up again
 * and, when it changed, the write is tried once more.
 */
function sectionWriter(
  input: OperationInput<CalendarEventUpsertPayload>,
  context: OperationContext,
): EventWrite {
  const { memberId, payload } = input;
  return async (eventId) => {
    const sectionId = await sectionIdOf(context, memberId, payload.location);
    try {
      return { answer: await writeEvent(context, payload, sectionId, eventId), sectionId };
    } catch (error) {
      if (!isRejected(error)) throw error;
      forgetSection(context, memberId, payload.location);
      const fresh = await sectionIdOf(context, memberId, payload.location);
      if (fresh === sectionId) throw error;
      return { answer: await writeEvent(context, payload, fresh, eventId), sectionId: fresh };
    }
  };
}

/** The section written to; null when the event is gone (deleted in the portal). */
async function updated(write: () => ReturnType<EventWrite>): Promise<number | null> {
  try {
    return (await write()).sectionId;
  } catch (error) {
    if (isRejected(error)) return null;
    throw error;
  }
}

/** calendar.event.update when an id is given, else calendar.event.add; answers the id. */
async function writeEvent(
  context: OperationContext,
  payload: CalendarEventUpsertPayload,
  sectionId: number,
  eventId: number | null,
): Promise<unknown> {
  const { location, event } = payload;
  const params = {
    type: location.type,
    ownerId: location.ownerId,
    section: sectionId,
    name: event.name,
    description: event.description,
    from: event.date,
    to: event.date,
    skip_time: 'Y',
    accessibility: 'free',
    crm_fields: event.crmFields,
  };
  const method = eventId === null ? 'calendar.event.add' : 'calendar.event.update';
  const answer = await context.portal.call<unknown>(
    method,
    eventId === null ? params : { id: eventId, ...params },
    { signal: context.signal },
  );
  return answer.result;
}

function sameOwner(event: PlacedEvent, location: CalendarLocation): boolean {
  return event.type === location.type && event.ownerId === location.ownerId;
}

function placed(
  state: 'added' | 'updated',
  eventId: number,
  location: CalendarLocation,
  sectionId: number,
  via: CalendarEventResult['via'],
): CalendarEventResult {
  return {
    state,
    event: { eventId, type: location.type, ownerId: location.ownerId, sectionId },
    via,
  };
}
