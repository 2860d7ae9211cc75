import type { Workload, WorkloadDay } from '../api/types.js';
import { daysOfMonth } from './date-presets.js';

// The workload table: one row per day of the month, one column per brigade,
// so a day without cleanings still shows as a row of zeros.

export type WorkloadMetric = 'houses' | 'entrances' | 'floorCleanings';
export const WORKLOAD_METRICS: readonly WorkloadMetric[] = [
  'houses',
  'entrances',
  'floorCleanings',
];

export interface WorkloadColumn {
  brigadeId: string | null;
  name: string;
}

export interface WorkloadRow {
  date: string;
  values: number[];
  total: number;
}

export function workloadColumns(workload: Workload): WorkloadColumn[] {
  return workload.totals.map((total) => ({ brigadeId: total.brigadeId, name: total.name }));
}

export function workloadRows(workload: Workload, metric: WorkloadMetric): WorkloadRow[] {
  const columns = workloadColumns(workload);
  const byKey = sumByDayAndBrigade(workload.days, metric);

  return daysOfMonth(workload.month).map((date) => {
    const values = columns.map((column) => byKey.get(`${date}|${column.brigadeId}`) ?? 0);
    return { date, values, total: values.reduce((sum, value) => sum + value, 0) };
  });
}

// Summed, not overwritten: a day may come in more than one row per brigade.
function sumByDayAndBrigade(
  days: readonly WorkloadDay[],
  metric: WorkloadMetric,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const day of days) {
    const key = `${day.date}|${day.brigadeId}`;
    sums.set(key, (sums.get(key) ?? 0) + day[metric]);
  }
  return sums;
}

export function workloadCsvRows(
  workload: Workload,
  metric: WorkloadMetric,
): { header: string[]; rows: (string | number)[][] } {
  const columns = workloadColumns(workload);
  const rows = workloadRows(workload, metric).map((row) => [row.date, ...row.values, row.total]);
  return { header: ['date', ...columns.map((column) => column.name), 'total'], rows };
}
