import { formatPortalDate, zoneOffsetMinutes } from '../../clock/zoned-time.js';
import type { CalendarEventRecord } from '../../state/runtime-records.js';

/**
 * An event as `calendar.event.get` answers: dates in the portal's display format in the
 * event's zone, plus UTC timestamps (docs: calendar-event/calendar-event-get.md).
 */
export function calendarEventView(event: CalendarEventRecord): Record<string, unknown> {
  const from = new Date(event.from);
  const to = new Date(event.to);
  return {
    ID: event.ID,
    PARENT_ID: event.ID,
    DELETED: 'N',
    CAL_TYPE: event.type,
    OWNER_ID: event.ownerId,
    NAME: event.name,
    DATE_FROM: shownDate(from, event.timezoneFrom, event.skipTime),
    DATE_TO: shownDate(to, event.timezoneTo, event.skipTime),
    TZ_FROM: event.timezoneFrom,
    TZ_TO: event.timezoneTo,
    TZ_OFFSET_FROM: String(zoneOffsetMinutes(from, event.timezoneFrom) * 60),
    TZ_OFFSET_TO: String(zoneOffsetMinutes(to, event.timezoneTo) * 60),
    DATE_FROM_TS_UTC: String(Math.floor(from.getTime() / 1000)),
    DATE_TO_TS_UTC: String(Math.floor(to.getTime() / 1000)),
    DT_SKIP_TIME: event.skipTime,
    DT_LENGTH: Math.round((to.getTime() - from.getTime()) / 1000),
    CREATED_BY: event.createdBy,
    DATE_CREATE: event.dateCreate,
    TIMESTAMP_X: event.timestampX,
    DESCRIPTION: event.description,
    ACCESSIBILITY: event.accessibility,
    IMPORTANCE: event.importance,
    IS_MEETING: event.isMeeting,
    LOCATION: event.location,
    COLOR: event.color,
    SECTION_ID: event.sectionId,
    UF_CRM_CAL_EVENT: event.crmFields.length > 0 ? event.crmFields : false,
    ATTENDEE_LIST: event.attendees.map((id) => ({
      id: Number(id),
      entryId: event.ID,
      status: 'Y',
    })),
  };
}

/** An all-day event (`DT_SKIP_TIME: Y`) shows its dates without the time. */
function shownDate(instant: Date, timeZone: string, skipTime: 'Y' | 'N'): string {
  const shown = formatPortalDate(instant, timeZone);
  return skipTime === 'Y' ? shown.slice(0, 10) : shown;
}
