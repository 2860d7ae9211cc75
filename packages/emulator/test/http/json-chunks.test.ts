import { describe, expect, it } from 'vitest';
import { utf8ByteString } from '../../src/http/byte-string.js';
import { jsonChunks } from '../../src/http/json-chunks.js';

/** The chunks as the client receives them: UTF-8 bytes decoded once. */
function received(chunks: Iterable<string>): string {
  return Buffer.concat([...chunks].map((chunk) => Buffer.from(chunk, 'latin1'))).toString('utf8');
}

const deal = (id: number) => ({
  ID: String(id),
  TITLE: `Калуга, ул. Ленина, д. ${id} 🧹`,
  UF_CRM_DATES: ['2025-09-01', '2025-09-15'],
  UF_CRM_EMPTY: [],
  COMMENTS: null,
  OPPORTUNITY: '0.00',
});

// The answers must be what JSON.stringify gives, byte for byte: the client parses them as
// a portal's JSON, and Content-Length is counted from the chunks.
describe('JSON answers in chunks', () => {
  it.each([
    ['an envelope', { result: [deal(1), deal(2)], total: 2, time: { start: 1.5, date: 'x' } }],
    ['skipped members', { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s')] }],
    ['empty containers', { list: [], map: {}, nested: [[], {}] }],
    ['values with toJSON', { at: new Date('2025-09-16T09:30:00Z'), inner: [{ at: new Date(0) }] }],
    ['non-ASCII keys', { 'ключ «1»': [{ значение: 'да' }], 'emoji 🧹': { a: 1 } }],
    ['escapes', { text: 'a"b\\c\n\u0001\ud800', list: ['\u2028'] }],
    ['a top-level array', [1, 'два', { three: [3] }, null]],
    ['numbers and booleans', { n: [0, -1.25, 1e21, Number.NaN], yes: true, no: false }],
    ['a map instance', { map: new Map([['a', 1]]) }],
    ['non-ASCII text longer than the encoding buffer', { text: `ж${'жё🧹'.repeat(60_000)}` }],
  ])('encodes %s exactly like JSON.stringify', (_name, value) => {
    expect(received(jsonChunks(value))).toBe(JSON.stringify(value));
  });

  it('cuts a 10 MB answer into chunks of about 64 KB with the same bytes', () => {
    const body = { result: Array.from({ length: 2_500 }, (_, index) => deal(index)) };
    const chunks = [...jsonChunks(body)];

    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeLessThan(80 * 1024);
    expect(received(chunks)).toBe(JSON.stringify(body));
  });

  it('uses the serialized form an object has, at any depth', () => {
    const row = deal(7);
    const cached = utf8ByteString(JSON.stringify({ ...row, TITLE: 'из кэша' }));
    const body = { result: { result: { page: [row] } } };

    const text = received(jsonChunks(body, (value) => (value === row ? cached : undefined)));

    expect(JSON.parse(text).result.result.page[0].TITLE).toBe('из кэша');
  });
});
