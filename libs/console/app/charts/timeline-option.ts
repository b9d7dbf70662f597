import type { CustomerTimeline } from '../api/audit-types';
import { formatCnyWhole, minorToYuanForChart } from '../format/money';

/** Marker colours and symbols: one per kind, so the legend can switch each kind off. */
export const MARKER_STYLE: Readonly<Record<string, { color: string; symbol: string }>> = {
  payroll: { color: '#2e7d32', symbol: 'triangle' },
  maturity: { color: '#6a1b9a', symbol: 'diamond' },
  complaint: { color: '#c62828', symbol: 'pin' },
  risk: { color: '#ef6c00', symbol: 'rect' },
  alert: { color: '#d32f2f', symbol: 'arrow' },
  contact: { color: '#1565c0', symbol: 'circle' },
  purchase: { color: '#00838f', symbol: 'roundRect' },
};

/**
 * The customer's end-of-day AUM as a line over bank dates (a category axis: dates are the bank's
 * own, no time zone can shift them), with a scatter series per marker kind sitting on the line,
 * and the chosen "as of" day as a vertical line.
 */
export const timelineOption = (
  timeline: CustomerTimeline,
  labels: { readonly aum: string; readonly kind: (kind: string) => string },
  selectedDate: string | null,
): Record<string, unknown> => {
  const dates = timeline.series.map((p) => p.date);
  const aumByDate = new Map(timeline.series.map((p) => [p.date, p.aumMinor]));
  const indexOf = new Map(dates.map((d, i) => [d, i]));
  const kinds = [...new Set(timeline.markers.map((m) => m.kind))];
  const markerSeries = kinds.map((kind) => ({
    type: 'scatter',
    name: labels.kind(kind),
    symbol: MARKER_STYLE[kind]?.symbol ?? 'circle',
    symbolSize: 12,
    z: 3,
    itemStyle: { color: MARKER_STYLE[kind]?.color ?? '#555' },
    tooltip: { trigger: 'item' },
    data: timeline.markers
      .filter((m) => m.kind === kind && aumByDate.has(m.date))
      // On a category axis a number is the category's index: the marker sits on its day.
      .map((m) => ({
        value: [indexOf.get(m.date) ?? 0, minorToYuanForChart(aumByDate.get(m.date) ?? 0)],
        name: m.label,
        date: m.date,
      })),
  }));
  return {
    grid: { left: 90, right: 24, top: 40, bottom: 70 },
    legend: { top: 0, data: [labels.aum, ...kinds.map(labels.kind)] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (yuan: number) => formatCnyWhole(Math.round(yuan * 100)),
    },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (yuan: number) => formatCnyWhole(Math.round(yuan * 100)) },
    },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 10 }],
    series: [
      {
        type: 'line',
        name: labels.aum,
        showSymbol: false,
        itemStyle: { color: '#37474f' },
        areaStyle: { opacity: 0.08 },
        data: timeline.series.map((p) => minorToYuanForChart(p.aumMinor)),
        ...(selectedDate !== null && aumByDate.has(selectedDate)
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#1565c0', type: 'dashed' },
                label: { formatter: selectedDate },
                data: [{ xAxis: selectedDate }],
              },
            }
          : {}),
      },
      ...markerSeries,
    ],
  };
};
