import { describe, expect, it } from 'vitest';
import { normalizeCleaningType, periodicityLabel, plural } from '../../src/domain/index.js';
import { TYPE_TEXTS } from '../support/portal-rows.js';

describe('normalizeCleaningType', () => {
  it('tells the three real enumeration texts apart', () => {
    expect(normalizeCleaningType(TYPE_TEXTS.fullWet)).toBe('full_wet');
    expect(normalizeCleaningType(TYPE_TEXTS.sweeping)).toBe('sweeping');
    expect(normalizeCleaningType(TYPE_TEXTS.firstFloor)).toBe('first_floor');
  });

  it('reads shorter wordings, ё and case', () => {
    expect(normalizeCleaningType('ГЕНЕРАЛЬНАЯ уборка')).toBe('general');
    expect(normalizeCleaningType('Влажная уборка первого этажа')).toBe('first_floor');
    expect(normalizeCleaningType('влажная уборка 1-го этажа')).toBe('first_floor');
    expect(normalizeCleaningType('Влажная уборка')).toBe('full_wet');
    expect(normalizeCleaningType('Подметание')).toBe('sweeping');
  });

  it('says unknown rather than guess', () => {
    expect(normalizeCleaningType('Мойка окон 11 этажей')).toBe('unknown');
    expect(normalizeCleaningType('')).toBe('unknown');
    expect(normalizeCleaningType(null)).toBe('unknown');
  });
});

describe('periodicityLabel', () => {
  const of = (...types: ('full_wet' | 'sweeping' | 'first_floor' | 'general' | 'unknown')[]) =>
    periodicityLabel(types.map((cleaningType) => ({ cleaningType })));

  it('names the regular patterns', () => {
    expect(of('full_wet', 'full_wet', 'full_wet', 'full_wet')).toBe('4 раза');
    expect(of('full_wet')).toBe('1 раз');
    expect(of('full_wet', 'sweeping', 'full_wet', 'sweeping')).toBe('2 раза + 2 подметания');
    expect(of('full_wet', 'full_wet', 'first_floor', 'first_floor')).toBe(
      '2 раза + 2 первых этажа',
    );
    expect(of('full_wet', 'full_wet', 'full_wet', 'full_wet', 'full_wet')).toBe('5 раз');
    expect(of('full_wet', 'first_floor')).toBe('1 раз + 1 первый этаж');
  });

  it('ignores the general cleaning and says «не указана» without a schedule', () => {
    expect(of()).toBe('не указана');
    expect(of('general')).toBe('не указана');
    expect(of('general', 'full_wet', 'full_wet')).toBe('2 раза');
  });

  it('names every mix of known types in a fixed order', () => {
    expect(of('first_floor', 'sweeping', 'first_floor', 'sweeping')).toBe(
      '2 подметания + 2 первых этажа',
    );
    expect(of('first_floor', 'full_wet', 'sweeping')).toBe('1 раз + 1 подметание + 1 первый этаж');
    expect(of('sweeping', 'sweeping', 'sweeping', 'sweeping', 'sweeping')).toBe('5 подметаний');
  });

  it('calls a schedule with an unknown type individual', () => {
    expect(of('full_wet', 'unknown')).toBe('индивидуальная');
    expect(of('unknown')).toBe('индивидуальная');
  });

  it('uses Russian plurals', () => {
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111].map((n) => plural(n, 'раз', 'раза', 'раз'))).toEqual([
      'раз',
      'раза',
      'раз',
      'раз',
      'раз',
      'раз',
      'раза',
      'раз',
      'раз',
    ]);
  });
});
