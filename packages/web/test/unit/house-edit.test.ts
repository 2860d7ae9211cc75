import { describe, expect, it } from 'vitest';

import type { EditConflict, HouseEditForm } from '../../src/api/house-edit-api.js';
import {
  conflictLabel,
  datesOfDays,
  daysText,
  editBodyOf,
  editStateOf,
  initialMonth,
  isRealDate,
  meaningText,
} from '../../src/logic/house-edit.js';

const form: HouseEditForm = {
  houseId: '7',
  version: '2026-11-30T10:00:00.000Z',
  counts: { apartments: 60, entrances: 4, floors: 5, area: null },
  editableCounts: ['apartments', 'entrances', 'floors', 'area'],
  brigadeId: '3',
  brigades: [
    { id: '3', name: 'Бригада 1' },
    { id: '4', name: 'Бригада 2' },
  ],
  months: [
    {
      month: '2026-12',
      slots: [
        { slot: 1, dates: ['2026-12-03', '2026-12-17'], cleaningType: 'full_wet', types: [] },
        { slot: 2, dates: [], cleaningType: null, types: ['sweeping'] },
      ],
    },
  ],
  generalCleaning: {
    date: '2026-06-12',
    items: ['61', '60'],
    choices: [
      { id: '60', name: 'Влажная уборка стен' },
      { id: '61', name: 'Мытьё перил и поручней' },
      { id: '62', name: 'Мытьё окон и подоконников' },
    ],
  },
  pendingEdit: false,
};

describe('house edit form', () => {
  it('sends only what the user changed, from the form version', () => {
    const state = editStateOf(form, '2026-12');
    state.counts.apartments = '64';
    state.brigadeId = '4';

    expect(editBodyOf(form, state)).toEqual({
      body: {
        baseVersion: form.version,
        apartments: 64,
        brigadeId: '4',
        startingValues: { apartments: 60, brigadeId: '3' },
      },
      problems: [],
    });
  });

  it('sends a slot whose days or type changed, and leaves the others out', () => {
    const state = editStateOf(form, '2026-12');
    expect(state.slots[0]?.days).toBe('3, 17');
    const second = state.slots[1];
    if (!second) throw new Error('slot 2 is missing');
    second.days = '10 24';
    second.cleaningType = 'sweeping';

    const { body } = editBodyOf(form, state);
    expect(body?.schedule).toEqual({
      month: '2026-12',
      slots: [{ slot: 2, dates: ['2026-12-10', '2026-12-24'], cleaningType: 'sweeping' }],
    });
    // What the form showed for that slot goes with it.
    expect(body?.startingValues).toEqual({
      schedule: { month: '2026-12', slots: [{ slot: 2, dates: [], cleaningType: null }] },
    });
  });

  it('names what keeps the edit from being sent; nothing changed sends nothing', () => {
    const state = editStateOf(form, '2026-12');
    expect(editBodyOf(form, state).body).toBeNull();

    state.counts.floors = '-2';
    const first = state.slots[0];
    if (first) first.days = '3, 32';
    expect(editBodyOf(form, state)).toEqual({
      body: null,
      problems: [
        { part: 'floors', reason: 'not_a_number' },
        { part: 'slot1', reason: 'not_a_day' },
      ],
    });
  });

  it('sends the general cleaning part the user changed, and only that part', () => {
    const state = editStateOf(form, '2026-12');
    if (!state.general) throw new Error('the general cleaning is missing');
    state.general.items = ['60', '61'];
    expect(editBodyOf(form, state).body).toBeNull();

    state.general.items = ['62', '60'];
    expect(editBodyOf(form, state).body?.generalCleaning).toEqual({ items: ['60', '62'] });
    expect(editBodyOf(form, state).body?.startingValues).toEqual({
      generalCleaning: { items: ['61', '60'] },
    });

    state.general.date = '2026-07-01';
    state.general.items = ['60', '61'];
    expect(editBodyOf(form, state).body?.generalCleaning).toEqual({ date: '2026-07-01' });

    state.general.date = '';
    state.general.items = [];
    expect(editBodyOf(form, state).body?.generalCleaning).toEqual({ date: null, items: [] });
  });

  it('keeps a general cleaning date that is not one from being sent', () => {
    const state = editStateOf(form, '2026-12');
    if (!state.general) throw new Error('the general cleaning is missing');
    state.general.date = '2026-02-30';
    expect(editBodyOf(form, state)).toEqual({
      body: null,
      problems: [{ part: 'generalDate', reason: 'not_a_date' }],
    });
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('12.06.2026')).toBe(false);
    expect(editStateOf({ ...form, generalCleaning: null }, '2026-12').general).toBeNull();
  });

  it('reads days of the month and writes them back', () => {
    expect(datesOfDays('2026-02', '28, 3,3')).toEqual(['2026-02-03', '2026-02-28']);
    expect(datesOfDays('2026-02', '29')).toBeNull();
    expect(datesOfDays('2026-02', '')).toEqual([]);
    expect(daysText(['2026-02-03', '2026-02-28'])).toBe('3, 28');
    expect(initialMonth(form, '2026-12-09')).toBe('2026-12');
    expect(initialMonth(form, '2027-03-01')).toBe('2026-12');
  });

  it('shows a conflict in words', () => {
    const names = {
      brigades: new Map([['4', 'Бригада 2']]),
      types: { sweeping: 'Подметание' },
      none: '—',
    };
    const conflict = (part: string): EditConflict => ({
      part,
      field: 'F',
      label: 'L',
      theirs: null,
      ours: null,
    });

    expect(meaningText(conflict('brigade'), '4', names)).toBe('Бригада 2');
    expect(meaningText(conflict('schedule.2026-12.1.type'), 'sweeping', names)).toBe('Подметание');
    expect(meaningText(conflict('schedule.2026-12.1.dates'), ['2026-12-03'], names)).toBe(
      '03.12.2026',
    );
    expect(meaningText(conflict('apartments'), null, names)).toBe('—');
    expect(meaningText(conflict('apartments'), 77, names)).toBe('77');
    expect(conflictLabel(conflict('apartments'), String)).toBe('Квартиры');
    expect(conflictLabel(conflict('schedule.2026-12.2.dates'), String)).toBe(
      'Дни уборки 2 · 2026-12',
    );
    expect(conflictLabel(conflict('UF_X'), String)).toBe('L');

    const general = { ...names, generalItems: new Map([['60', 'Стены']]) };
    expect(meaningText(conflict('generalCleaning.date'), '2026-06-12', general)).toBe('12.06.2026');
    expect(meaningText(conflict('generalCleaning.items'), ['60', '99'], general)).toBe('Стены; 99');
    expect(meaningText(conflict('generalCleaning.items'), [], general)).toBe('—');
    expect(conflictLabel(conflict('generalCleaning.date'), String)).toBe('Дата генеральной уборки');
    expect(conflictLabel(conflict('generalCleaning.items'), String)).toBe(
      'Состав генеральной уборки',
    );
  });
});
