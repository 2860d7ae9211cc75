import { describe, expect, it } from 'vitest';
import {
  daysOfMonth,
  monthOrDefault,
  parseIsoDate,
  presetOf,
  presetRange,
  shiftMonth,
  toIsoDate,
} from '../../src/logic/date-presets.js';

const wednesday = new Date(2026, 11, 2);

describe('date presets', () => {
  it('gives today and tomorrow as one-day ranges', () => {
    expect(presetRange('today', wednesday)).toEqual({ from: '2026-12-02', to: '2026-12-02' });
    expect(presetRange('tomorrow', wednesday)).toEqual({ from: '2026-12-03', to: '2026-12-03' });
  });

  it('gives a week as seven days from today, across a month end', () => {
    expect(presetRange('week', new Date(2026, 11, 28))).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
    });
  });

  it('gives the month as the calendar month of today, leap years included', () => {
    expect(presetRange('month', wednesday)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('month', new Date(2028, 1, 10))).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
  });

  it('recognises which preset a range came from, and none for a custom range', () => {
    expect(presetOf({ from: '2026-12-03', to: '2026-12-03' }, wednesday)).toBe('tomorrow');
    expect(presetOf({ from: '2026-12-01', to: '2026-12-31' }, wednesday)).toBe('month');
    expect(presetOf({ from: '2026-12-05', to: '2026-12-09' }, wednesday)).toBeNull();
  });

  it('keeps local calendar days in ISO form without time-zone drift', () => {
    expect(toIsoDate(parseIsoDate('2026-03-29'))).toBe('2026-03-29');
    expect(daysOfMonth('2026-02')).toHaveLength(28);
    expect(daysOfMonth('2026-12').at(-1)).toBe('2026-12-31');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });

  it("takes the address bar's month only when it is a real YYYY-MM", () => {
    expect(monthOrDefault('2026-02', '2026-12')).toBe('2026-02');
    expect(monthOrDefault('2026-13', '2026-12')).toBe('2026-12');
    expect(monthOrDefault('2026-2', '2026-12')).toBe('2026-12');
    expect(monthOrDefault(['2026-02'], '2026-12')).toBe('2026-12');
    expect(monthOrDefault(undefined, '2026-12')).toBe('2026-12');
  });
});
