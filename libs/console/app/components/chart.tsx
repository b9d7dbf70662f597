import {
  BarChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  PieChart,
  ScatterChart,
} from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  PieChart,
  ScatterChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;
export interface ChartClick {
  readonly name: string;
  readonly value: unknown;
  readonly dataIndex: number;
  readonly seriesName?: string;
  /** The data item as given in the option (its extra fields included). */
  readonly data?: { readonly date?: string } | null;
}

/**
 * One ECharts chart in a div. The option is replaced whole on every change (no merging, so a
 * series that disappears is gone); `data-ready` says when it has been drawn, for the tests.
 */
export const Chart = ({
  option,
  height = 320,
  testId,
  onClick,
}: {
  readonly option: ChartOption;
  readonly height?: number;
  readonly testId?: string;
  readonly onClick?: (click: ChartClick) => void;
}) => {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (element.current === null) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
    element.current?.setAttribute('data-ready', 'true');
  }, [option]);
  useEffect(() => {
    const instance = chart.current;
    if (instance === null || onClick === undefined) return;
    const handler = (params: ChartClick) => onClick(params);
    instance.on('click', handler as never);
    return () => {
      instance.off('click', handler as never);
    };
  }, [onClick]);
  return <div ref={element} className="chart" style={{ height }} data-testid={testId} />;
};
