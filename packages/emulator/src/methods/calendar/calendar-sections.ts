import { formatPortalDate } from '../../clock/zoned-time.js';
import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import type { CalendarSectionRecord } from '../../state/runtime-records.js';

/**
 * Calendar sections. A portal gives every user calendar a default section the first
 * time it is opened; the emulator does the same on first access.
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
  if (owned.length > 0 || type !== 'user' || !portal.state.users.get(ownerId)) return owned;

  const user = portal.state.users.get(ownerId);
  const section: CalendarSectionRecord = {
    ID: String(calendarSections.nextId()),
    NAME: `${user?.NAME ?? ''} ${user?.LAST_NAME ?? ''}`.trim(),
    CAL_TYPE: type,
    OWNER_ID: ownerId,
    COLOR: '#9dcf00',
    TEXT_COLOR: '#ffffff',
    DESCRIPTION: '',
    CREATED_BY: ownerId,
    DATE_CREATE: formatPortalDate(portal.clock.now(), portal.state.portal.timeZone),
  };
  calendarSections.insert(section);
  return [section];
}
