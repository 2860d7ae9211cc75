import { describe, expect, it } from 'vitest';
import type { Workload } from '../../src/api/types.js';
import { workloadCsvRows, workloadRows } from '../../src/logic/workload.js';

const workload: Workload = {
  month: '2026-02',
  days: [
    { date: '2026-02-02', brigadeId: '1', houses: 3, entrances: 9, floorCleanings: 40 },
    { date: '2026-02-02', brigadeId: '2', houses: 1, entrances: 2, floorCleanings: 10 },
    { date: '2026-02-02', brigadeId: '2', houses: 1, entrances: 1, floorCleanings: 5 },
    { date: '2026-02-05', brigadeId: '1', houses: 2, entrances: 4, floorCleanings: 20 },
  ],
  totals: [
    { brigadeId: '1', name: 'Бригада 1', houses: 5, entrances: 13, floorCleanings: 60 },
    { brigadeId: '2', name: 'Бригада 2', houses: 2, entrances: 3, floorCleanings: 15 },
  ],
};

describe('workload table', () => {
  it('has a row for every day of the month, zeros included', () => {
    const rows = workloadRows(workload, 'houses');

    expect(rows).toHaveLength(28);
    expect(rows[0]).toEqual({ date: '2026-02-01', values: [0, 0], total: 0 });
  });

  it('puts each brigade in its column and sums repeated rows', () => {
    const rows = workloadRows(workload, 'entrances');
    expect(rows[1]).toEqual({ date: '2026-02-02', values: [9, 3], total: 12 });
  });

  it('agrees with the totals the API sends', () => {
    const rows = workloadRows(workload, 'floorCleanings');
    const perBrigade = [0, 1].map((column) =>
      rows.reduce((sum, row) => sum + (row.values[column] ?? 0), 0),
    );
    expect(perBrigade).toEqual(workload.totals.map((total) => total.floorCleanings));
  });

  it('exports the same table as CSV rows', () => {
    const { header, rows } = workloadCsvRows(workload, 'houses');

    expect(header).toEqual(['date', 'Бригада 1', 'Бригада 2', 'total']);
    expect(rows[1]).toEqual(['2026-02-02', 3, 2, 5]);
  });
});
