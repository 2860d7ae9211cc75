import { describe, expect, it } from 'vitest';
import type { FieldReader } from '../../src/methods/list/list-filter.js';
import { runList } from '../../src/methods/list/list-query.js';
import { IdTable } from '../../src/state/id-table.js';

interface House {
  ID: string;
  CATEGORY_ID: string;
  TITLE: string;
}

/** 100 000 small rows and a reader that counts how many field reads a list costs. */
function bigTable(): { table: IdTable<House>; reads: () => number; read: FieldReader } {
  const rows = Array.from({ length: 100_000 }, (_, index) => ({
    ID: String(index + 1),
    CATEGORY_ID: index % 10 === 0 ? '0' : '34',
    TITLE: `Дом ${index + 1}`,
  }));
  let count = 0;
  const read: FieldReader = (row, field) => {
    count += 1;
    return (row as Record<string, unknown>)[field];
  };
  return { table: new IdTable(rows), reads: () => count, read };
}

// The speed goals of issue 2 (a page under 20 ms at 100 000 houses) rest on lists not
// scanning: these tests count the rows a list reads.
describe('list walking on 100 000 rows', () => {
  it('starts an >ID cursor by binary search and stops a start=-1 page after 50 rows', () => {
    const { table, reads, read } = bigTable();
    const page = runList(
      table,
      { filter: { '>ID': 99_000 }, order: { ID: 'ASC' }, start: -1 },
      { read },
    );

    expect(page.rows.map((row) => row.ID).slice(0, 2)).toEqual(['99001', '99002']);
    expect(page.rows).toHaveLength(50);
    expect(reads()).toBe(0);
  });

  it('reads only the rows an @ID list names, and drops ids the table lacks', () => {
    const { table, reads, read } = bigTable();
    const page = runList(
      table,
      { filter: { '@ID': ['99999', 5, '5', 250_000, 17] }, start: -1 },
      { read },
    );

    expect(page.rows.map((row) => row.ID)).toEqual(['5', '17', '99999']);
    expect(reads()).toBe(0);
  });

  it('tests only the named rows when an @ID list comes with another condition', () => {
    const { table, reads, read } = bigTable();
    const page = runList(
      table,
      { filter: { '@ID': [1, 2, 11, 21], CATEGORY_ID: 34, '<ID': 20 }, start: 0 },
      { read },
    );

    // 1 and 11 are in category 0, 21 is past the bound; the check reads the rest only.
    expect(page.rows.map((row) => row.ID)).toEqual(['2']);
    expect(page.total).toBe(1);
    expect(reads()).toBeLessThanOrEqual(3 * 3);
  });

  it('counts a CATEGORY_ID filter from its index, and a cursor on it reads no row', () => {
    const { table, reads, read } = bigTable();
    const first = runList(table, { filter: { CATEGORY_ID: 34 } }, { read });
    expect(first.total).toBe(90_000);
    const buildReads = reads();
    expect(buildReads).toBe(100_000);

    const cursor = runList(
      table,
      { filter: { CATEGORY_ID: 34, '>ID': 50_000 }, order: { ID: 'ASC' }, start: -1 },
      { read },
    );
    expect(cursor.rows[0]?.ID).toBe('50002');
    expect(reads()).toBe(buildReads);
  });

  it('reads only the index bucket when the filter has one more condition', () => {
    const { table, reads, read } = bigTable();
    runList(table, { filter: { CATEGORY_ID: 0 } }, { read });
    const before = reads();

    const page = runList(
      table,
      { filter: { CATEGORY_ID: 0, '%TITLE': 'Дом 99' }, start: -1 },
      { read },
    );
    expect(page.rows[0]?.ID).toBe('991');
    expect(reads() - before).toBeLessThan(10_000 * 2 + 1);
  });

  it('answers an id-only filter with a count and no reads', () => {
    const { table, reads, read } = bigTable();
    const page = runList(table, { filter: { '>=ID': 10, '<ID': 20 } }, { read });
    expect(page.total).toBe(10);
    expect(reads()).toBe(0);
  });
});
