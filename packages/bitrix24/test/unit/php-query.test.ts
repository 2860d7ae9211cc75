import { describe, expect, it } from 'vitest';
import { encodePhpQuery } from '../../src/index.js';

describe('encodePhpQuery (docs: data-encoding.md, batch.md)', () => {
  it('writes nested filters and lists with brackets, PHP style', () => {
    const query = encodePhpQuery({ filter: { '>ID': 5, CATEGORY_ID: 34 }, select: ['ID', 'UF_*'] });
    expect(query).toBe('filter[%3EID]=5&filter[CATEGORY_ID]=34&select[0]=ID&select[1]=UF_*');
  });

  it('keeps a $result reference intact once decoded', () => {
    const query = encodePhpQuery({ filter: { '>ID': '$result[page_0][49][ID]' } });
    const [name, value] = query.split('=');
    expect(decodeURIComponent(name!)).toBe('filter[>ID]');
    expect(decodeURIComponent(value!)).toBe('$result[page_0][49][ID]');
  });

  it('escapes characters that would split the command', () => {
    const query = encodePhpQuery({ filter: { '%TITLE': 'a&b=c#d?e' } });
    expect(query).toBe('filter[%25TITLE]=a%26b%3Dc%23d%3Fe');
  });

  it('sends booleans as 1/0 and dates as ISO text', () => {
    const date = new Date('2026-01-02T03:04:05.000Z');
    expect(encodePhpQuery({ a: true, b: false, c: date })).toBe(
      'a=1&b=0&c=2026-01-02T03%3A04%3A05.000Z',
    );
  });

  it('leaves out null, undefined and empty structures, like http_build_query', () => {
    expect(encodePhpQuery({ a: null, b: undefined, c: [], d: {}, e: 0 })).toBe('e=0');
  });

  it('nests deeper levels', () => {
    expect(encodePhpQuery({ fields: { UF_CRM_TASK: ['D_12'] }, order: { ID: 'ASC' } })).toBe(
      'fields[UF_CRM_TASK][0]=D_12&order[ID]=ASC',
    );
  });
});
