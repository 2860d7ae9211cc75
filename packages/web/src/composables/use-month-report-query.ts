import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { monthOrDefault, toIsoDate } from '../logic/date-presets.js';

// A month report (KPI, workload) keeps its month, brigade and metric in the
// address bar, so a reload or a shared link shows the same figures.

export interface MonthReportQuery<Metric extends string> {
  month: string;
  /** '' for all brigades. */
  brigadeId: string;
  metric: Metric;
}

/** The report's query; a missing or unknown metric reads as `defaultMetric`. */
export function useMonthReportQuery<Metric extends string>(
  metrics: readonly Metric[],
  defaultMetric: Metric,
) {
  const route = useRoute();
  const router = useRouter();

  const month = computed(() =>
    monthOrDefault(route.query.month, toIsoDate(new Date()).slice(0, 7)),
  );
  const brigadeId = computed(() => String(route.query.brigadeId ?? ''));
  const metric = computed(
    () => metrics.find((option) => option === route.query.metric) ?? defaultMetric,
  );

  const query = computed<MonthReportQuery<Metric>>(() => ({
    month: month.value,
    brigadeId: brigadeId.value,
    metric: metric.value,
  }));

  /** Replaces part of the query; empty values leave the address bar. */
  function go(patch: Partial<MonthReportQuery<Metric>>): void {
    const next = Object.entries({ ...query.value, ...patch }).filter(([, value]) => value);
    void router.replace({ query: Object.fromEntries(next) });
  }

  return { month, brigadeId, metric, query, go };
}
