import type { Kpi, KpiBrigade, KpiFigures } from '../api/types.js';

// Plan against fact, per brigade, for one of the three figures the page can show.

export type KpiMetric = keyof KpiFigures;
export const KPI_METRICS: readonly KpiMetric[] = ['cleanings', 'entrances', 'floorCleanings'];

export interface KpiRow {
  key: string;
  brigadeId: string | null;
  name: string;
  plan: number;
  planToDate: number;
  fact: number;
  /** Fact out of the plan to date, 0–100+; null when nothing was due yet. */
  toDatePercent: number | null;
  /** Fact out of the month's plan. */
  monthPercent: number | null;
  /** Due and not done. */
  behind: number;
}

export function kpiRows(kpi: Kpi, metric: KpiMetric): KpiRow[] {
  return kpi.brigades.map((brigade) => kpiRow(brigade, metric));
}

export function kpiTotalRow(kpi: Kpi, metric: KpiMetric, name: string): KpiRow {
  return kpiRow({ ...kpi.total, brigadeId: null, name }, metric);
}

function kpiRow(brigade: KpiBrigade, metric: KpiMetric): KpiRow {
  const plan = brigade.plan[metric];
  const planToDate = brigade.planToDate[metric];
  const fact = brigade.fact[metric];
  return {
    key: brigade.brigadeId ?? 'none',
    brigadeId: brigade.brigadeId,
    name: brigade.name,
    plan,
    planToDate,
    fact,
    toDatePercent: percentOf(fact, planToDate),
    monthPercent: percentOf(fact, plan),
    behind: Math.max(0, planToDate - fact),
  };
}

export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** Bar widths of one row against the largest plan on the chart, in percent. */
export function kpiBarWidths(row: KpiRow, scale: number) {
  const of = (value: number) => (scale > 0 ? Math.min(100, (value / scale) * 100) : 0);
  return { plan: of(row.plan), planToDate: of(row.planToDate), fact: of(row.fact) };
}

export function kpiScale(rows: KpiRow[]): number {
  return Math.max(0, ...rows.map((row) => Math.max(row.plan, row.fact)));
}
