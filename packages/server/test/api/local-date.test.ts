import { describe, expect, it } from 'vitest';

import { addDays, localDate, monthRange } from '../../src/api/local-date.js';

describe('localDate', () => {
  it('turns at the zone’s midnight, not at UTC’s', () => {
    // 20:59:59 UTC is 23:59:59 in Moscow; one second later it is the next day there.
    expect(localDate(new Date('2026-03-14T20:59:59.900Z'), 'Europe/Moscow')).toBe('2026-03-14');
    expect(localDate(new Date('2026-03-14T21:00:00.000Z'), 'Europe/Moscow')).toBe('2026-03-15');
    expect(localDate(new Date('2026-03-14T20:59:59.999Z'), 'Europe/Moscow')).toBe('2026-03-14');
  });

  it('answers each zone for itself when asked in the same second', () => {
    const now = new Date('2026-03-14T22:30:00Z');
    expect(localDate(now, 'Europe/Moscow')).toBe('2026-03-15');
    expect(localDate(now, 'Europe/London')).toBe('2026-03-14');
    expect(localDate(now, 'Asia/Vladivostok')).toBe('2026-03-15');
  });

  it('keeps zones with half-hour offsets exact', () => {
    // India is UTC+05:30: its midnight falls at 18:30 UTC.
    expect(localDate(new Date('2026-03-14T18:29:59Z'), 'Asia/Kolkata')).toBe('2026-03-14');
    expect(localDate(new Date('2026-03-14T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-03-15');
  });
});

describe('month and day arithmetic', () => {
  it('knows the last day of February in a leap year', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
