import { describe, expect, it } from 'vitest';
import { callRest, useEmulator } from '../support/emulator-harness.js';

type Row = Record<string, unknown>;

// Docs: api-reference/calendar/calendar-section-get.md, calendar-event/calendar-event-add.md,
// calendar-event-update.md, calendar-event-get.md, calendar-event-delete.md.
describe('calendar', () => {
  const emulator = useEmulator();
  const call = (method: string, params: object = {}) =>
    callRest(emulator().webhookUrl, method, params);

  async function sectionOf(ownerId: number): Promise<string> {
    const sections = (await call('calendar.section.get', { type: 'user', ownerId })).body
      .result as Row[];
    return String(sections[0]?.ID);
  }

  it('gives a user a default section (calendar-section-get.md)', async () => {
    const sections = (await call('calendar.section.get', { type: 'user', ownerId: 2 })).body
      .result as Row[];
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({ CAL_TYPE: 'user', OWNER_ID: '2', NAME: 'Пётр Иванов2' });
  });

  it('adds an event, answers its id; get shows portal dates (calendar-event-add.md)', async () => {
    const section = await sectionOf(2);
    const added = await call('calendar.event.add', {
      type: 'user',
      ownerId: 2,
      section,
      name: 'Уборка: Аллейная, 6',
      from: '2025-09-16 09:00:00',
      to: '2025-09-16 10:30:00',
      description: 'Влажная уборка',
    });
    expect(added.body.result).toBe(1);

    const events = (
      await call('calendar.event.get', {
        type: 'user',
        ownerId: 2,
        from: '2025-09-16',
        to: '2025-09-17',
      })
    ).body.result as Row[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      ID: '1',
      NAME: 'Уборка: Аллейная, 6',
      DATE_FROM: '16.09.2025 09:00:00',
      DATE_TO: '16.09.2025 10:30:00',
      TZ_FROM: 'Europe/Moscow',
      DT_LENGTH: 5400,
      SECTION_ID: section,
    });

    const outside = await call('calendar.event.get', {
      type: 'user',
      ownerId: 2,
      from: '2025-09-17',
      to: '2025-09-18',
    });
    expect(outside.body.result).toEqual([]);
  });

  it('updates and deletes an event', async () => {
    const section = await sectionOf(3);
    const base = {
      type: 'user',
      ownerId: 3,
      section,
      name: 'Уборка',
      from: '2025-09-16T09:00:00+03:00',
      to: '2025-09-16T10:00:00+03:00',
    };
    const id = (await call('calendar.event.add', base)).body.result;

    expect(
      (await call('calendar.event.update', { id, type: 'user', ownerId: 3, name: 'Генеральная' }))
        .body.result,
    ).toBe(id);
    const events = (await call('calendar.event.get', { type: 'user', ownerId: 3 })).body
      .result as Row[];
    expect(events[0]?.NAME).toBe('Генеральная');

    expect((await call('calendar.event.delete', { id })).body.result).toBe(true);
    expect((await call('calendar.event.get', { type: 'user', ownerId: 3 })).body.result).toEqual(
      [],
    );
  });

  it('answers a missing parameter 400 with the docs’ text and an empty code', async () => {
    const reply = await call('calendar.event.add', {
      type: 'user',
      ownerId: 2,
      from: '2025-09-16',
      to: '2025-09-16',
      section: 1,
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      error: '',
      error_description:
        'The required parameter "name" for the method "calendar.event.add" is not set',
    });
  });

  it('lets an admin add a section to another’s calendar (calendar-section-add.md)', async () => {
    const added = await call('calendar.section.add', {
      type: 'user',
      ownerId: 4,
      name: 'Уборки: Бригада 1',
      description: 'AudioBot',
    });
    expect(typeof added.body.result).toBe('number');

    const sections = (await call('calendar.section.get', { type: 'user', ownerId: 4 })).body
      .result as Row[];
    expect(sections.map((section) => section.NAME)).toContain('Уборки: Бригада 1');
    const nameless = await call('calendar.section.add', { type: 'user', ownerId: 4 });
    expect(nameless.status).toBe(400);
    expect(nameless.body.error_description).toBe('Invalid value for the "name" parameter');
  });

  it('keeps an all-day event bound to a deal in the company calendar, owner 0 or ""', async () => {
    const [section] = (await call('calendar.section.get', { type: 'company_calendar', ownerId: 0 }))
      .body.result as Row[];
    expect(section).toMatchObject({ NAME: 'Календарь компании', OWNER_ID: '0' });

    await call('calendar.event.add', {
      type: 'company_calendar',
      ownerId: 0,
      section: section?.ID,
      name: 'Уборка',
      from: '2025-09-16',
      to: '2025-09-16',
      skip_time: 'Y',
      crm_fields: ['D_12'],
    });
    const events = (await call('calendar.event.get', { type: 'company_calendar', ownerId: '' }))
      .body.result as Row[];
    expect(events[0]).toMatchObject({
      DATE_FROM: '16.09.2025',
      DT_SKIP_TIME: 'Y',
      UF_CRM_CAL_EVENT: ['D_12'],
    });
  });

  it('answers the docs’ errors: a gone event, a missing owner, a foreign section', async () => {
    const gone = await call('calendar.event.update', { id: 999, type: 'user', ownerId: 2 });
    expect(gone.body.error_description).toBe('An error occurred while changing the event.');
    const deleted = await call('calendar.event.delete', { id: 999 });
    expect(deleted.body.error_description).toBe('An error occurred while deleting the event');

    const ownerless = await call('calendar.event.update', { id: 1, type: 'user' });
    expect(ownerless.status).toBe(400);
    expect(ownerless.body.error_description).toContain('"ownerId"');
    const foreign = await call('calendar.event.add', {
      type: 'user',
      ownerId: 2,
      section: 99_999,
      name: 'Уборка',
      from: '2025-09-16',
      to: '2025-09-16',
    });
    expect(foreign.body.error_description).toContain('invalid calendar section ID');
  });
});
