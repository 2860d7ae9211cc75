export {
  calendarEventDeleteKind,
  calendarEventDeleteOperation,
} from './calendar-event-delete-operation.js';
export type {
  CalendarEventDeletePayload,
  CalendarEventResult,
  CalendarEventUpsertPayload,
  CalendarLocation,
  PlacedEvent,
} from './calendar-event-payload.js';
export {
  calendarEventUpsertKind,
  calendarEventUpsertOperation,
} from './calendar-event-upsert-operation.js';
