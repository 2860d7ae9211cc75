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
});
