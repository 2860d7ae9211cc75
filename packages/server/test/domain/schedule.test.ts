import { describe, expect, it } from 'vitest';
import {
  cleaningsOf,
  discoverFields,
  enumerationsOf,
  localDateOf,
  todayIn,
} from '../../src/domain/index.js';
import { houseDeal, realPortalFields, TYPE_TEXTS } from '../support/portal-rows.js';

describe('localDateOf', () => {
  it('turns datetimes with any offset into the day in the company zone', () => {
    expect(localDateOf('2025-09-16T03:00:00+03:00', 'Europe/Moscow')).toBe('2025-09-16');
    expect(localDateOf('2025-09-15T23:30:00+00:00', 'Europe/Moscow')).toBe('2025-09-16');
    expect(localDateOf('2025-09-15T23:30:00Z', 'Europe/Moscow')).toBe('2025-09-16');
    expect(localDateOf('2025-09-16T03:00:00+03:00', 'Europe/London')).toBe('2025-09-16');
    expect(localDateOf('2025-09-16T01:00:00+03:00', 'Europe/London')).toBe('2025-09-15');
    expect(localDateOf('2025-09-16T00:30:00+0300', 'Asia/Yekaterinburg')).toBe('2025-09-16');
  });

  it('follows daylight saving of the zone', () => {
    expect(localDateOf('2025-03-30T23:30:00Z', 'Europe/Berlin')).toBe('2025-03-31');
    expect(localDateOf('2025-01-30T23:30:00Z', 'Europe/Berlin')).toBe('2025-01-31');
    expect(localDateOf('2025-07-30T22:30:00Z', 'Europe/Berlin')).toBe('2025-07-31');
  });

  it('keeps right around offset changes and in quarter-hour zones', () => {
    expect(localDateOf('2025-10-25T22:30:00Z', 'Europe/Berlin')).toBe('2025-10-26');
    expect(localDateOf('2025-10-25T23:30:00Z', 'Europe/Berlin')).toBe('2025-10-26');
    expect(localDateOf('2025-10-26T22:59:00Z', 'Europe/Berlin')).toBe('2025-10-26');
    expect(localDateOf('2025-10-26T23:00:00Z', 'Europe/Berlin')).toBe('2025-10-27');
    expect(localDateOf('2025-09-15T18:14:00Z', 'Asia/Kathmandu')).toBe('2025-09-15');
    expect(localDateOf('2025-09-15T18:15:00Z', 'Asia/Kathmandu')).toBe('2025-09-16');
    expect(localDateOf('2025-10-04T13:29:00Z', 'Australia/Lord_Howe')).toBe('2025-10-04');
    expect(localDateOf('2025-10-04T13:30:00Z', 'Australia/Lord_Howe')).toBe('2025-10-05');
  });

  it('takes date-only and offset-less values as local days', () => {
    expect(localDateOf('2025-09-16', 'Asia/Vladivostok')).toBe('2025-09-16');
    expect(localDateOf('2025-09-16T03:00:00', 'Asia/Vladivostok')).toBe('2025-09-16');
    expect(localDateOf('16.09.2025 03:00:00', 'Europe/Moscow')).toBe('2025-09-16');
    expect(localDateOf('16.09.2025', 'Europe/Moscow')).toBe('2025-09-16');
  });

  it('refuses what is not a date', () => {
    expect(localDateOf('2025-02-30', 'Europe/Moscow')).toBeNull();
    expect(localDateOf('скоро', 'Europe/Moscow')).toBeNull();
    expect(localDateOf(false, 'Europe/Moscow')).toBeNull();
  });

  it('knows today in the zone', () => {
    expect(todayIn('Europe/Moscow', new Date('2025-09-30T22:00:00Z'))).toBe('2025-10-01');
  });
});

describe('cleaningsOf', () => {
  const fields = realPortalFields();
  const mapping = discoverFields(fields);
  const enumerations = enumerationsOf(fields);

  it('turns every slot date into a typed cleaning, plus the general cleaning', () => {
    const cleanings = cleaningsOf(houseDeal(), mapping, enumerations, 'Europe/Moscow');

    expect(cleanings.map((c) => [c.date, c.slot, c.cleaningType, c.typeId])).toEqual([
      ['2025-09-02', 1, 'full_wet', 2468],
      ['2025-09-09', 2, 'sweeping', 2470],
      ['2025-09-16', 1, 'full_wet', 2468],
      ['2025-09-23', 2, 'sweeping', 2470],
      ['2025-10-20', 0, 'general', null],
    ]);
    expect(cleanings[0]).toMatchObject({
      month: '2025-09',
      typeText: TYPE_TEXTS.fullWet,
      sourceField: 'UF_CRM_1700000000101',
    });
    expect(cleanings[4]?.typeText).toBe('Мытьё стен; Мытьё окон');
  });

  it('keeps a date without a type as unknown, and drops repeats', () => {
    const deal = houseDeal({
      UF_CRM_1700000000101: ['2025-09-02T03:00:00+03:00', '2025-09-02T05:00:00+03:00'],
      UF_CRM_1700000000102: false,
      UF_CRM_1700000000103: [],
      UF_CRM_1670000000005: false,
    });

    expect(cleaningsOf(deal, mapping, enumerations, 'Europe/Moscow')).toEqual([
      {
        date: '2025-09-02',
        month: '2025-09',
        cleaningType: 'unknown',
        typeId: null,
        typeText: null,
        slot: 1,
        sourceField: 'UF_CRM_1700000000101',
      },
    ]);
  });

  it('dates a cleaning by its day, even when filed under another month', () => {
    const deal = houseDeal({ UF_CRM_1700000000101: ['2025-10-01T01:00:00+03:00'] });

    const cleanings = cleaningsOf(deal, mapping, enumerations, 'Europe/Moscow');

    expect(cleanings.filter((cleaning) => cleaning.slot === 1)).toEqual([
      expect.objectContaining({ date: '2025-10-01', month: '2025-10' }),
    ]);
  });
});
