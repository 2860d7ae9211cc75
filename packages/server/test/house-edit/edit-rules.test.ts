import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../src/house-edit/edit-conflicts.js';
import { meaningOf, sameMeaning } from '../../src/house-edit/field-values.js';
import type { FieldChange } from '../../src/house-edit/house-edit.js';
import { responsibleForBrigade, scheduleDateTime } from '../../src/house-edit/index.js';

const ZONE = 'Europe/Moscow';

describe('house edit rules', () => {
  it('keeps a responsible already in the brigade, else takes the leader, else a member', () => {
    const staff = { brigadeId: 5, leaderId: 51, memberIds: [52, 50, 51] };

    expect(responsibleForBrigade(staff, { responsibleId: 52, brigadeId: 5 })).toBe(52);
    expect(responsibleForBrigade(staff, { responsibleId: 9, brigadeId: 2 })).toBe(51);
    expect(
      responsibleForBrigade({ ...staff, leaderId: 99 }, { responsibleId: null, brigadeId: null }),
    ).toBe(50);
    expect(
      responsibleForBrigade({ ...staff, memberIds: [] }, { responsibleId: 9, brigadeId: 2 }),
    ).toBeNull();
  });

  it('writes a schedule date as the portal date picker does', () => {
    expect(scheduleDateTime('2025-09-16', ZONE)).toBe('2025-09-16T03:00:00+03:00');
    expect(scheduleDateTime('2025-01-10', 'Asia/Kolkata')).toBe('2025-01-10T03:00:00+05:30');
  });

  describe('conflicts', () => {
    const apartments: FieldChange = {
      part: 'apartments',
      field: 'UF_A',
      label: 'Квартиры',
      kind: 'count',
      value: '120',
    };
    const dates: FieldChange = {
      part: 'schedule.2025-09.1.dates',
      field: 'UF_D',
      label: 'Дата уборки 1',
      kind: 'dates',
      value: ['2025-09-03T03:00:00+03:00'],
    };
    const deal = (fields: Record<string, unknown>, modified = '2025-09-01T10:00:00+03:00') => ({
      ID: 1,
      DATE_MODIFY: modified,
      ...fields,
    });
    const version = '2025-09-01T07:00:00.000Z';

    it('compares values by meaning, not by spelling', () => {
      const base = { version, values: { UF_A: '100', UF_D: ['2025-09-02T00:00:00+00:00'] } };
      // The same day written by another zone, the same number with a space: no change.
      const same = deal({ UF_A: '1 00', UF_D: ['2025-09-02T03:00:00+03:00'] });
      expect(findConflicts([apartments, dates], same, base, ZONE)).toEqual([]);
    });

    it('finds a change made within the same second as the form’s version', () => {
      const base = { version, values: { UF_A: '100' } };
      expect(findConflicts([apartments], deal({ UF_A: '101' }), base, ZONE)).toEqual([apartments]);
      // Theirs is already ours: nothing to ask.
      expect(findConflicts([apartments], deal({ UF_A: '120' }), base, ZONE)).toEqual([]);
    });

    it('without the starting values, asks only when the deal moved', () => {
      const unknown = { version, values: null };
      expect(findConflicts([apartments], deal({ UF_A: '101' }), unknown, ZONE)).toEqual([]);
      const moved = deal({ UF_A: '101' }, '2025-09-01T11:00:00+03:00');
      expect(findConflicts([apartments], moved, unknown, ZONE)).toEqual([apartments]);
    });
  });

  it('reads the general cleaning date and items as the portal spells them', () => {
    expect(meaningOf('date', '2026-07-14T00:00:00+03:00', ZONE)).toBe('2026-07-14');
    expect(meaningOf('date', '2026-07-14', ZONE)).toBe('2026-07-14');
    expect(meaningOf('date', false, ZONE)).toBeNull();
    expect(sameMeaning('date', '', false, ZONE)).toBe(true);

    expect(meaningOf('enums', ['12', 3, '12', ''], ZONE)).toEqual(['3', '12']);
    expect(sameMeaning('enums', ['3', '1'], [1, 3], ZONE)).toBe(true);
    expect(sameMeaning('enums', '', [], ZONE)).toBe(true);
    expect(sameMeaning('enums', ['1'], ['1', '2'], ZONE)).toBe(false);
  });
});
