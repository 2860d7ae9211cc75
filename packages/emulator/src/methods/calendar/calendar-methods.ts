import { formatPortalDate, parsePortalDate } from '../../clock/zoned-time.js';
import { RestError } from '../../errors/rest-error.js';
import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import type { CalendarEventRecord } from '../../state/runtime-records.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { flag, param, positiveId, text } from '../params.js';
import { calendarEventView } from './calendar-event-view.js';
import { sectionAdd, sectionsOf } from './calendar-sections.js';

/**
 * `calendar.section.get|add`, `calendar.event.add|update|get|delete` (docs:
 * api-reference/calendar/calendar-section-get.md, calendar-section-add.md,
 * calendar-event/calendar-event-add.md,
 * calendar-event-update.md, calendar-event-get.md, calendar-event-delete.md).
 * Calendar errors come with an empty code and HTTP 400, like the docs show.
 * Events: ONCALENDARENTRYADD|UPDATE|DELETE with `data[id]`.
 */
function calendarError(description: string): RestError {
  return new RestError(400, '', description);
}

function required(params: Params, name: string, method: string): string {
  const value = param(params, name);
  if (value === undefined || value === null || value === '') {
    throw calendarError(`The required parameter "${name}" for the method "${method}" is not set`);
  }
  return String(value);
}

function instant(value: string, timeZone: string, name: string): string {
  const parsed = parsePortalDate(value, timeZone);
  if (!parsed) throw calendarError(`Invalid value of the parameter "${name}"`);
  return parsed.toISOString();
}

/** The owner as the portal keeps it: the company calendar's is 0, sent as 0 or "". */
function ownerOf(params: Params, type: string, method: string): string {
  if (type === 'company_calendar') return String(Number(param(params, 'ownerId') ?? 0) || 0);
  return required(params, 'ownerId', method);
}

function sectionGet({ portal }: MethodContext, params: Params) {
  const type = required(params, 'type', 'calendar.section.get');
  const ownerId = ownerOf(params, type, 'calendar.section.get');
  return { result: sectionsOf(portal, type, ownerId) };
}

function applyEventParams(
  portal: EmulatorPortal,
  event: CalendarEventRecord,
  params: Params,
  method: string,
) {
  const zone = portal.state.portal.timeZone;
  const read = (name: string) => param(params, name);

  if (read('timezone_from') !== undefined) event.timezoneFrom = text(read('timezone_from'));
  if (read('timezone_to') !== undefined) event.timezoneTo = text(read('timezone_to'));
  if (read('from') !== undefined)
    event.from = instant(text(read('from')), event.timezoneFrom || zone, 'from');
  if (read('to') !== undefined)
    event.to = instant(text(read('to')), event.timezoneTo || zone, 'to');
  if (read('name') !== undefined) event.name = text(read('name'));
  if (read('description') !== undefined) event.description = text(read('description'));
  if (read('section') !== undefined) event.sectionId = text(read('section'));
  if (read('skip_time') !== undefined) event.skipTime = flag(read('skip_time')) ? 'Y' : 'N';
  if (read('location') !== undefined) event.location = text(read('location'));
  if (read('color') !== undefined) event.color = text(read('color'));
  if (read('accessibility') !== undefined) event.accessibility = text(read('accessibility'));
  if (read('importance') !== undefined) event.importance = text(read('importance'));
  if (read('is_meeting') !== undefined) event.isMeeting = flag(read('is_meeting'));
  if (Array.isArray(read('attendees')))
    event.attendees = (read('attendees') as unknown[]).map(String);
  if (read('crm_fields') !== undefined) event.crmFields = crmFieldsOf(read('crm_fields'));

  if (Date.parse(event.to) < Date.parse(event.from)) {
    throw calendarError(`The end of the event is earlier than its start in "${method}"`);
  }
}

function crmFieldsOf(value: unknown): string[] {
  if (!Array.isArray(value)) throw calendarError("The event's CRM links list must be an array.");
  return value.map(String);
}

function eventAdd({ portal, caller }: MethodContext, params: Params) {
  const method = 'calendar.event.add';
  const type = required(params, 'type', method);
  const ownerId = ownerOf(params, type, method);
  for (const name of ['from', 'to', 'section', 'name']) required(params, name, method);

  const sectionId = text(param(params, 'section'));
  checkSection(portal, type, ownerId, sectionId);

  const { calendarEvents } = portal.state;
  const zone = portal.state.portal.timeZone;
  const now = formatPortalDate(portal.clock.now(), zone);
  const event: CalendarEventRecord = {
    ID: String(calendarEvents.nextId()),
    type,
    ownerId,
    sectionId,
    name: '',
    description: '',
    from: '',
    to: '',
    skipTime: 'N',
    timezoneFrom: zone,
    timezoneTo: zone,
    location: '',
    color: '',
    accessibility: 'busy',
    importance: 'normal',
    isMeeting: false,
    attendees: [],
    crmFields: [],
    createdBy: caller.user.ID,
    dateCreate: now,
    timestampX: now,
  };
  applyEventParams(portal, event, params, method);

  calendarEvents.insert(event);
  portal.events.emit('ONCALENDARENTRYADD', { id: Number(event.ID) });
  return { result: Number(event.ID) };
}

/** A gone event: the portal answers its generic error of the method (docs' tables). */
function existingEvent(portal: EmulatorPortal, params: Params, missing: string) {
  const id = positiveId(param(params, 'id'));
  const event = id === null ? undefined : portal.state.calendarEvents.get(id);
  if (!event) throw calendarError(missing);
  return event;
}

function checkSection(portal: EmulatorPortal, type: string, ownerId: string, id: string): void {
  if (!sectionsOf(portal, type, ownerId).some((section) => section.ID === id)) {
    throw calendarError(
      'You specified an invalid calendar section ID or the user does not have access to it.',
    );
  }
}

function eventUpdate({ portal }: MethodContext, params: Params) {
  const method = 'calendar.event.update';
  required(params, 'id', method);
  const type = required(params, 'type', method);
  const ownerId = ownerOf(params, type, method);
  const current = existingEvent(portal, params, 'An error occurred while changing the event.');
  if (param(params, 'section') !== undefined)
    checkSection(portal, type, ownerId, text(param(params, 'section')));
  const event = {
    ...current,
    timestampX: formatPortalDate(portal.clock.now(), portal.state.portal.timeZone),
  };
  applyEventParams(portal, event, params, 'calendar.event.update');

  portal.state.calendarEvents.insert(event);
  portal.events.emit('ONCALENDARENTRYUPDATE', { id: Number(event.ID) });
  return { result: Number(event.ID) };
}

function eventGet({ portal }: MethodContext, params: Params) {
  const type = required(params, 'type', 'calendar.event.get');
  const ownerId = ownerOf(params, type, 'calendar.event.get');
  const zone = portal.state.portal.timeZone;
  const from = param(params, 'from') ? parsePortalDate(text(param(params, 'from')), zone) : null;
  const to = param(params, 'to') ? parsePortalDate(text(param(params, 'to')), zone) : null;
  const sections = param(params, 'section');
  const sectionIds = Array.isArray(sections) ? sections.map(String) : null;

  const events = portal.state.calendarEvents.values().filter((event) => {
    if (event.type !== type || event.ownerId !== ownerId) return false;
    if (sectionIds && !sectionIds.includes(event.sectionId)) return false;
    if (from && Date.parse(event.to) < from.getTime()) return false;
    return !(to && Date.parse(event.from) > to.getTime());
  });
  return { result: events.map(calendarEventView) };
}

function eventDelete({ portal }: MethodContext, params: Params) {
  if (param(params, 'id') === undefined) throw calendarError('Event id not specified');
  const event = existingEvent(portal, params, 'An error occurred while deleting the event');
  portal.state.calendarEvents.delete(event.ID);
  portal.events.emit('ONCALENDARENTRYDELETE', { id: Number(event.ID) });
  return { result: true };
}

export const calendarMethods = defineMethods('calendar', {
  'calendar.section.get': sectionGet,
  'calendar.section.add': sectionAdd,
  'calendar.event.add': eventAdd,
  'calendar.event.update': eventUpdate,
  'calendar.event.get': eventGet,
  'calendar.event.delete': eventDelete,
});
