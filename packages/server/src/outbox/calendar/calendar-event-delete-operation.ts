import type { OperationContext, OperationInput, OutboxOperation } from '../outbox-operation.js';
import {
  type CalendarEventDeletePayload,
  type CalendarEventResult,
  parseLocation,
  parseMarkerAndMonth,
  placedEventOf,
  sameCalendar,
  triedOwnersOf,
} from './calendar-event-payload.js';
import { deleteEvent, deleteMarked } from './calendar-event-search.js';

export const calendarEventDeleteKind = 'bitrix24.calendar.event.delete';

/**
 * Removes the event of a cleaning that left the plan: the one an earlier run saved, and
 * any other carrying the marker (one a crashed run added and never saved). Gone already
 * counts as done, so a rerun is harmless.
 */
export const calendarEventDeleteOperation: OutboxOperation<
  CalendarEventDeletePayload,
  CalendarEventResult
> = {
  kind: calendarEventDeleteKind,
  parse: (value) => ({
    ...parseMarkerAndMonth(value),
    location: parseLocation((value as { location?: unknown } | null)?.location),
  }),
  execute: removeEvent,
};

async function removeEvent(
  input: OperationInput<CalendarEventDeletePayload>,
  context: OperationContext,
): Promise<CalendarEventResult> {
  const { location, marker, month } = input.payload;
  const stored = placedEventOf(input.result);
  if (stored) await deleteEvent(context, stored);

  // A result saved means a run reached calendar.event.add; null means none ever did.
  if (input.result !== null) {
    const tried = triedOwnersOf(input.result).filter((owner) => !sameCalendar(owner, location));
    await deleteMarked(context, [location, ...tried], marker, month);
  }
  const result: CalendarEventResult = { state: 'deleted', event: null };
  await context.saveResult(result);
  return result;
}
