import { formatPortalDate } from '../../clock/zoned-time.js';
import { RestError } from '../../errors/rest-error.js';
import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import type { CalendarSectionRecord } from '../../state/runtime-records.js';
import type { MethodContext, Params } from '../method-definition.js';
import { param, text } from '../params.js';

/**
 * Calendar sections. A portal gives every user calendar a default section the first
 * time it is opened; the emulator does the same on first access, and gives the company
 * calendar (`company_calendar`, owner 0) its default section «Календарь компании» the
 * same way (an assumption: the docs do not say what a fresh portal's company calendar
 * holds).
 */
export function sectionsOf(
  portal: EmulatorPortal,
  type: string,
  ownerId: string,
): CalendarSectionRecord[] {
  const { calendarSections } = portal.state;
  const owned = calendarSections
    .values()
    .filter((section) => section.CAL_TYPE === type && section.OWNER_ID === ownerId);
  if (owned.length > 0) return owned;

  const name = defaultSectionName(portal, type, ownerId);
  if (name === null) return owned;
  const creator = type === 'user' ? ownerId : (adminId(portal) ?? '1');
  return [insertSection(portal, { type, ownerId, name, createdBy: creator })];
}

function defaultSectionName(portal: EmulatorPortal, type: string, ownerId: string) {
  if (type === 'company_calendar' && ownerId === '0') return 'Календарь компании';
  const user = type === 'user' ? portal.state.users.get(ownerId) : undefined;
  return user ? `${user.NAME ?? ''} ${user.LAST_NAME ?? ''}`.trim() : null;
}

function adminId(portal: EmulatorPortal): string | undefined {
  return portal.state.users.values().find((user) => user.IS_ADMIN)?.ID;
}

function insertSection(
  portal: EmulatorPortal,
  fields: { type: string; ownerId: string; name: string; createdBy: string; description?: string },
  colors: { color?: string; textColor?: string } = {},
): CalendarSectionRecord {
  const { calendarSections } = portal.state;
  const section: CalendarSectionRecord = {
    ID: String(calendarSections.nextId()),
    NAME: fields.name,
    CAL_TYPE: fields.type,
    OWNER_ID: fields.ownerId,
    COLOR: colors.color ?? '#9dcf00',
    TEXT_COLOR: colors.textColor ?? '#ffffff',
    DESCRIPTION: fields.description ?? '',
    CREATED_BY: fields.createdBy,
    DATE_CREATE: formatPortalDate(portal.clock.now(), portal.state.portal.timeZone),
  };
  calendarSections.insert(section);
  return section;
}

function calendarError(description: string): RestError {
  return new RestError(400, '', description);
}

/**
 * `calendar.section.add` (docs: calendar-section-add.md): types `user` and `group`; a user
 * adds sections to their own calendar, an administrator to anyone's. `ownerId` defaults
 * to the caller for `user`. Answers the new section's id.
 */
export function sectionAdd({ portal, caller }: MethodContext, params: Params) {
  const method = 'calendar.section.add';
  const type = text(param(params, 'type'));
  if (type === '')
    throw calendarError(`The required parameter "type" for the method "${method}" is not set.`);
  const given = text(param(params, 'ownerId'));
  if (given === '' && type !== 'user') {
    throw calendarError(`The required parameter "ownerId" for the method "${method}" is not set.`);
  }
  const ownerId = given === '' ? caller.user.ID : String(Number(given));
  const name = param(params, 'name');
  if (typeof name !== 'string' || name.trim() === '')
    throw calendarError('Invalid value for the "name" parameter');

  const ownSection = type === 'user' && ownerId === caller.user.ID;
  const allowed = ownSection || (caller.user.IS_ADMIN && ['user', 'group'].includes(type));
  if (!allowed || (type === 'user' && !portal.state.users.get(ownerId)))
    throw calendarError('Access denied');

  const section = insertSection(
    portal,
    {
      type,
      ownerId,
      name: name.trim(),
      createdBy: caller.user.ID,
      description: text(param(params, 'description')),
    },
    {
      color: text(param(params, 'color'), '#9dcf00'),
      textColor: text(param(params, 'text_color'), '#ffffff'),
    },
  );
  portal.events.emit('ONCALENDARSECTIONADD', { id: Number(section.ID) });
  return { result: Number(section.ID) };
}
