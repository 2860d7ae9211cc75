import { isBitrix24Error } from '@audiobot/bitrix24';
import type { OperationContext } from '../outbox-operation.js';
import type { CalendarOwner, PlacedEvent } from './calendar-event-payload.js';

/**
 * The events of a calendar whose description carries the marker, oldest first, in the
 * month the marker's events stay in. calendar.event.get filters by dates and sections
 * only, so the marker is matched here.
 */
export async function eventsWithMarker(
  context: OperationContext,
  location: CalendarOwner,
  marker: string,
  month: string,
): Promise<PlacedEvent[]> {
  const answer = await context.portal.call<Array<Record<string, unknown>>>(
    'calendar.event.get',
    { type: location.type, ownerId: location.ownerId, ...monthRange(month) },
    { signal: context.signal },
  );
  return (answer.result ?? [])
    .filter((event) => String(event.DESCRIPTION ?? '').includes(marker))
    .map((event) => ({
      eventId: Number(event.ID),
      type: location.type,
      ownerId: location.ownerId,
      sectionId: Number(event.SECTION_ID),
    }))
    .filter((event) => Number.isInteger(event.eventId) && event.eventId > 0)
    .sort((a, b) => a.eventId - b.eventId);
}

/** The first and the last day of the month, with a day's margin for zone shifts. */
function monthRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(year, monthNumber - 1, 0));
  const to = new Date(Date.UTC(year, monthNumber, 1));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** Removes an event; one already gone counts as removed. */
export async function deleteEvent(context: OperationContext, event: PlacedEvent): Promise<void> {
  try {
    await context.portal.call(
      'calendar.event.delete',
      { id: event.eventId },
      {
        signal: context.signal,
      },
    );
  } catch (error) {
    // The portal answers a gone event with a generic 400; any other refusal is retried.
    if (!isRejected(error)) throw error;
  }
}

/** The portal refused the input (400): for an event, usually that it no longer exists. */
export function isRejected(error: unknown): boolean {
  return isBitrix24Error(error) && (error.kind === 'bad_input' || error.kind === 'not_found');
}

/** Removes every event with the marker in these calendars (earlier adds' leftovers). */
export async function deleteMarked(
  context: OperationContext,
  owners: readonly CalendarOwner[],
  marker: string,
  month: string,
): Promise<void> {
  for (const owner of owners) {
    for (const event of await eventsWithMarker(context, owner, marker, month))
      await deleteEvent(context, event);
  }
}
