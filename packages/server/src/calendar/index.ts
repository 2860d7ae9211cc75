export {
  type CalendarFollow,
  startCalendarFollow,
} from './calendar-follow.js';
export {
  type CalendarReconcile,
  type CalendarReconcileInput,
  reconcileCalendar,
} from './calendar-reconcile.js';
export {
  type CalendarMode,
  type CleaningEvent,
  cleaningEventKey,
  cleaningEventMarker,
  cleaningEvents,
} from './cleaning-events.js';
