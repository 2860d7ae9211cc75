import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../src/api/types.js';
import { kpiBarWidths, kpiRows, kpiScale, kpiTotalRow, percentOf } from '../../src/logic/kpi.js';

const figures = (cleanings: number, entrances: number, floorCleanings: number) => ({
  cleanings,
  entrances,
  floorCleanings,
});

const kpi: Kpi = {
  month: '2026-12',
  brigades: [
    {
      brigadeId: '11',
      name: 'Бригада 1',
      plan: figures(40, 120, 600),
      planToDate: figures(10, 30, 150),
      fact: figures(8, 20, 100),
    },
    {
      brigadeId: null,
      name: 'Без бригады',
      plan: figures(4, 8, 40),
      planToDate: figures(0, 0, 0),
      fact: figures(0, 0, 0),
    },
  ],
  total: {
    plan: figures(44, 128, 640),
    planToDate: figures(10, 30, 150),
    fact: figures(8, 20, 100),
  },
};

describe('KPI rows', () => {
  it('compares the fact with the plan to date and the month for the chosen figure', () => {
    const [first, second] = kpiRows(kpi, 'entrances');

    expect(first).toEqual({
      key: '11',
      brigadeId: '11',
      name: 'Бригада 1',
      plan: 120,
      planToDate: 30,
      fact: 20,
      toDatePercent: 67,
      monthPercent: 17,
      behind: 10,
    });
    expect(second).toMatchObject({ key: 'none', toDatePercent: null, behind: 0 });
  });

  it('has a total row from the answer’s totals', () => {
    const total = kpiTotalRow(kpi, 'cleanings', 'Итого');
    expect(total).toMatchObject({ name: 'Итого', plan: 44, planToDate: 10, fact: 8, behind: 2 });
  });

  it('never counts more done than due as behind, and a zero plan as no percent', () => {
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(12, 10)).toBe(120);
  });
});

describe('plan against fact chart', () => {
  it('scales every bar to the largest plan or fact', () => {
    const rows = kpiRows(kpi, 'cleanings');
    const scale = kpiScale(rows);

    expect(scale).toBe(40);
    expect(kpiBarWidths(rows[0]!, scale)).toEqual({ plan: 100, planToDate: 25, fact: 20 });
    expect(kpiBarWidths(rows[1]!, scale)).toEqual({ plan: 10, planToDate: 0, fact: 0 });
  });

  it('draws nothing for an empty month', () => {
    expect(kpiScale([])).toBe(0);
    const row = kpiTotalRow({ ...kpi, brigades: [] }, 'cleanings', 'Итого');
    expect(kpiBarWidths(row, 0)).toEqual({ plan: 0, planToDate: 0, fact: 0 });
  });
});
