import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([EBarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  data: number[];
  color?: string;
}

interface Props {
  categories: string[];
  series: BarSeries[];
  stacked?: boolean;
  height?: number;
  testId?: string;
}

/** A plain bar chart (ECharts, only the parts it needs), resized with its container. */
export function BarChart({ categories, series, stacked, height = 260, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        animationDuration: 400,
        tooltip: { trigger: 'axis' },
        legend: { show: series.length > 1, top: 0 },
        grid: { left: 40, right: 16, top: series.length > 1 ? 32 : 16, bottom: 56 },
        xAxis: {
          type: 'category',
          data: categories,
          axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          data: s.data,
          itemStyle: s.color ? { color: s.color } : undefined,
          stack: stacked ? 'total' : undefined,
          barMaxWidth: 36,
        })),
      },
      true,
    );
  }, [categories, series, stacked]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
