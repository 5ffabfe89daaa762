import { LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useLang } from '../../i18n';
import type { MapPoint } from './types';

echarts.use([
  ScatterChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

const STATUS_COLOURS = { available: '#1f9d55', reserved: '#d97706', used: '#9ca3af' } as const;

/**
 * Parcels and buildings on a longitude/latitude plane, each region outlined by the box around its
 * items. Drawn from the coordinates alone: no map tiles and no download, so it works offline.
 * Scroll or drag the axes to zoom; a click opens the item.
 */
export function FactorMap({
  points,
  height = 520,
  onPick,
}: {
  points: MapPoint[];
  height?: number;
  onPick?: (p: MapPoint) => void;
}) {
  const { t } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  const option = useMemo(() => {
    const regions = new Map<string, { name: string; minX: number; maxX: number; minY: number; maxY: number }>();
    for (const p of points) {
      const x = Number(p.lng);
      const y = Number(p.lat);
      const r = regions.get(p.regionCode) ?? { name: p.regionName, minX: x, maxX: x, minY: y, maxY: y };
      r.minX = Math.min(r.minX, x);
      r.maxX = Math.max(r.maxX, x);
      r.minY = Math.min(r.minY, y);
      r.maxY = Math.max(r.maxY, y);
      regions.set(p.regionCode, r);
    }
    const pad = 0.01;
    const outlines = [...regions.values()].map((r) => ({
      type: 'line' as const,
      name: t('factors.map.outline'),
      silent: true,
      showSymbol: false,
      lineStyle: { type: 'dashed' as const, width: 1, color: '#94a3b8' },
      label: { show: false },
      endLabel: { show: true, formatter: r.name, color: '#475569', fontSize: 11 },
      data: [
        [r.minX - pad, r.minY - pad],
        [r.maxX + pad, r.minY - pad],
        [r.maxX + pad, r.maxY + pad],
        [r.minX - pad, r.maxY + pad],
        [r.minX - pad, r.minY - pad],
      ],
    }));
    const scatter = (kind: 'parcel' | 'building') => ({
      type: 'scatter' as const,
      name: t(kind === 'parcel' ? 'factors.tab.parcels' : 'factors.tab.buildings'),
      symbol: kind === 'parcel' ? 'circle' : 'rect',
      // The legend's colour; each point is coloured by its status.
      itemStyle: { color: kind === 'parcel' ? STATUS_COLOURS.available : '#475569' },
      symbolSize: (v: [number, number, number]) =>
        Math.max(6, Math.min(22, Math.sqrt(v[2]) * (kind === 'parcel' ? 1.2 : 0.12))),
      data: points
        .filter((p) => p.kind === kind)
        .map((p) => ({
          value: [Number(p.lng), Number(p.lat), Number(p.size)],
          itemStyle: { color: STATUS_COLOURS[p.status] },
          point: p,
        })),
    });
    return {
      animation: false,
      grid: { left: 56, right: 24, top: 36, bottom: 56 },
      legend: { top: 4, data: [t('factors.tab.parcels'), t('factors.tab.buildings')] },
      tooltip: {
        trigger: 'item' as const,
        formatter: (params: { data?: { point?: MapPoint } }) => {
          const p = params.data?.point;
          if (!p) return '';
          const unit = p.kind === 'parcel' ? t('factors.unit.mu') : t('factors.unit.m2');
          return `${p.code}<br/>${p.name}<br/>${p.regionName} · ${p.size} ${unit} · ${t(`factors.status.${p.status}`)}`;
        },
      },
      xAxis: { type: 'value' as const, scale: true, name: t('factors.map.lng'), axisLabel: { formatter: '{value}°' } },
      yAxis: { type: 'value' as const, scale: true, name: t('factors.map.lat'), axisLabel: { formatter: '{value}°' } },
      dataZoom: [
        { type: 'inside' as const, xAxisIndex: 0 },
        { type: 'inside' as const, yAxisIndex: 0 },
      ],
      series: [...outlines, scatter('parcel'), scatter('building')],
    };
  }, [points, t]);

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    c.on('click', (p) => {
      const point = (p.data as { point?: MapPoint } | undefined)?.point;
      if (point) pick.current?.(point);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid="factor-map" />;
}
