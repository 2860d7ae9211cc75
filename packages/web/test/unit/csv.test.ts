import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/logic/csv.js';

describe('csv', () => {
  it('quotes cells with separators, quotes and line breaks', () => {
    expect(csvCell('УК «Дом»; филиал')).toBe('"УК «Дом»; филиал"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('writes a BOM, a header and one line per row', () => {
    const text = toCsv(
      ['date', 'Бригада 1'],
      [
        ['2026-12-01', 3],
        ['2026-12-02', 0],
      ],
    );
    expect(text).toBe('\uFEFFdate;Бригада 1\r\n2026-12-01;3\r\n2026-12-02;0\r\n');
  });
});
