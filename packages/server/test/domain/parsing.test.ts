import { describe, expect, it } from 'vitest';
import {
  normalizeSearchText,
  parseAddress,
  parseCount,
  parseDecimal,
  parseId,
  parseTariff,
  searchTokens,
} from '../../src/domain/index.js';

describe('parseAddress', () => {
  it('splits the Bitrix24 address value into text, coordinates and id', () => {
    const value =
      'Аллейная улица, 6, Калуга, Калужская область, Россия, 248009|54.52609;36.31364|8212';

    expect(parseAddress(value)).toEqual({
      text: 'Аллейная улица, 6, Калуга, Калужская область, Россия, 248009',
      lat: 54.52609,
      lon: 36.31364,
      locationId: '8212',
    });
  });

  it('tolerates missing parts', () => {
    expect(parseAddress('Калуга, Ленина 1')).toEqual({
      text: 'Калуга, Ленина 1',
      lat: null,
      lon: null,
      locationId: null,
    });
    expect(parseAddress('Калуга|54.5;36.3')).toMatchObject({ lat: 54.5, lon: 36.3 });
    expect(parseAddress('|;|')).toEqual({ text: null, lat: null, lon: null, locationId: null });
    expect(parseAddress(false)).toEqual({ text: null, lat: null, lon: null, locationId: null });
  });

  it('refuses coordinates that point nowhere', () => {
    expect(parseAddress('А|0;0|1')).toMatchObject({ lat: null, lon: null });
    expect(parseAddress('А|154.5;36.3|1')).toMatchObject({ lat: null, lon: null });
    expect(parseAddress('А|abc;36.3|1')).toMatchObject({ lat: null, lon: null });
  });
});

describe('parseTariff', () => {
  it('reads «N // price» with the noise people type', () => {
    expect(parseTariff('3 // 125')).toEqual({ count: 3, price: 125 });
    expect(parseTariff('4//150,50')).toEqual({ count: 4, price: 150.5 });
    expect(parseTariff('2 / 1 200 руб.')).toEqual({ count: 2, price: 1200 });
  });

  it('gives nulls for anything else', () => {
    expect(parseTariff('договорная')).toEqual({ count: null, price: null });
    expect(parseTariff('125')).toEqual({ count: null, price: null });
    expect(parseTariff(false)).toEqual({ count: null, price: null });
  });
});

describe('numbers sent as strings', () => {
  it('reads counts, decimals and ids', () => {
    expect(parseCount('60')).toBe(60);
    expect(parseCount('60.0')).toBe(60);
    expect(parseCount('1 200')).toBe(1200);
    expect(parseCount('6.5')).toBeNull();
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('')).toBeNull();
    expect(parseCount(false)).toBeNull();
    expect(parseDecimal('3512,7')).toBe(3512.7);
    expect(parseDecimal('abc')).toBeNull();
    expect(parseId('37')).toBe(37);
    expect(parseId('0')).toBeNull();
    expect(parseId(null)).toBeNull();
  });
});

describe('normalizeSearchText', () => {
  it('lowercases, folds ё and collapses punctuation and spaces', () => {
    expect(normalizeSearchText('Улица  Королёва, д.6/1')).toBe('улица королева д 6 1');
    expect(searchTokens(' Королева  6 ')).toEqual(['королева', '6']);
    expect(normalizeSearchText(null)).toBe('');
  });
});
