import type {
  AlertFunnelView,
  ChurnOutcomesView,
  EmployerRetentionView,
  TierCountsView,
  TierMigrationView,
} from '../api/audit-types';
import { TIER_KEYS, tierOfKey } from '../api/audit-types';
import { formatCnyWhole } from '../format/money';

/** Labels the option builders need, in the reader's language. */
export interface Words {
  readonly word: (kind: string, value: string | number) => string;
  readonly label: (
    key: 'analytics.retentionRate' | 'analytics.disbursed' | 'analytics.retained',
  ) => string;
}

const TIER_COLORS = ['#90a4ae', '#42a5f5', '#ffa726', '#8e24aa'];

/** Thesis Table 3.1 as a chart: customers per tier at each month-end, stacked. */
export const tierCountsOption = (view: TierCountsView, w: Words) => ({
  color: TIER_COLORS,
  legend: { top: 0 },
  tooltip: { trigger: 'axis' },
  grid: { left: 50, right: 16, top: 40, bottom: 30 },
  xAxis: { type: 'category', data: view.rows.map((r) => r.month) },
  yAxis: { type: 'value', minInterval: 1 },
  series: TIER_KEYS.map((key) => ({
    type: 'bar',
    stack: 'tiers',
    name: w.word('tier', tierOfKey(key)),
    data: view.rows.map((r) => r[key]),
  })),
});

/** Where the customers of each tier at the start of the window were at its end. */
export const tierMigrationOption = (view: TierMigrationView, w: Words) => {
  const names = view.tiers.map((k) => w.word('tier', tierOfKey(k)));
  const cells = view.matrix.flatMap((row, i) => row.map((n, j) => [j, i, n]));
  return {
    tooltip: { position: 'top' },
    grid: { left: 110, right: 16, top: 20, bottom: 60 },
    xAxis: {
      type: 'category',
      data: names,
      name: view.to,
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'category', data: names, name: view.from },
    visualMap: {
      min: 0,
      max: Math.max(1, ...cells.map((c) => c[2] ?? 0)),
      show: false,
      inRange: { color: ['#f5f5f5', '#1565c0'] },
    },
    series: [{ type: 'heatmap', data: cells, label: { show: true } }],
  };
};

/** Thesis Table 3.4 as a chart: each employer's payroll retention rate, largest payroll first. */
export const employerRetentionOption = (view: EmployerRetentionView, w: Words) => {
  const rows = view.employers;
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (params: readonly { dataIndex: number }[]) => {
        const row = rows[params[0]?.dataIndex ?? -1];
        if (row === undefined) return '';
        return [
          row.name ?? row.employerId,
          `${w.label('analytics.retentionRate')}: ${percent(row.retentionBasisPoints)}`,
          `${w.label('analytics.disbursed')}: ${formatCnyWhole(row.disbursedMinor)}`,
          `${w.label('analytics.retained')}: ${formatCnyWhole(row.retainedMinor)}`,
        ].join('<br/>');
      },
    },
    grid: { left: 50, right: 16, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.name ?? r.employerId) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: w.label('analytics.retentionRate'),
        data: rows.map((r) => ({
          value: r.retentionBasisPoints === null ? 0 : r.retentionBasisPoints / 100,
          itemStyle: { color: (r.retentionBasisPoints ?? 0) < 0 ? '#c62828' : '#2e7d32' },
        })),
      },
    ],
  };
};

export const percent = (basisPoints: number | null): string =>
  basisPoints === null ? '—' : `${(basisPoints / 100).toFixed(2)}%`;

const OUTCOME_KEYS = {
  retained: 'retained',
  lost: 'lost',
  'exited-deliberately': 'exitedDeliberately',
  'false-alarm': 'falseAlarm',
} as const;

/** Why customers left or stayed: closed cases by reason, one stack per outcome. */
export const churnOutcomesOption = (view: ChurnOutcomesView, w: Words) => {
  const reasons = [...new Set(view.byReason.map((r) => r.reason))];
  return {
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 40, bottom: 60 },
    xAxis: {
      type: 'category',
      data: reasons.map((r) => w.word('reason', r)),
      axisLabel: { interval: 0, rotate: 20 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: Object.keys(OUTCOME_KEYS).map((outcome) => ({
      type: 'bar',
      stack: 'outcomes',
      name: w.word('outcome', outcome),
      data: reasons.map(
        (reason) =>
          view.byReason.find((r) => r.outcome === outcome && r.reason === reason)?.count ?? 0,
      ),
    })),
  };
};

/** Of the alerts raised in the window: acknowledged, contacted, resolved, retained. */
export const alertFunnelOption = (view: AlertFunnelView, w: Words) => ({
  tooltip: { trigger: 'item' },
  series: [
    {
      type: 'funnel',
      sort: 'none',
      left: '10%',
      width: '80%',
      minSize: '25%',
      label: { show: true, position: 'inside', formatter: '{b}: {c}' },
      data: (['raised', 'acknowledged', 'contacted', 'resolved', 'retained'] as const).map(
        (step) => ({ name: w.word('funnel', step), value: view[step] }),
      ),
    },
  ],
});
