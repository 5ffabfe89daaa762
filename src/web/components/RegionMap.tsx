import { Alert, Spin } from 'antd';
import { MapChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GeoComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLang } from '../i18n';
import {
  loadRegionGeometry,
  outlineOf,
  valuesByFeature,
  type FeatureValue,
  type RegionGeometry,
  type RegionValue,
} from './regionGeo';

// Only what the maps draw; the charts stay in the lazy chunks of the pages that use them.
echarts.use([
  MapChart,
  ScatterChart,
  GeoComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapContinuousComponent,
  AriaComponent,
  CanvasRenderer,
]);

/** One series of points at longitude/latitude, each carrying the item it stands for. */
export interface PointSeries<P> {
  name: string;
  symbol: 'circle' | 'rect' | 'triangle' | 'diamond';
  /** The legend's colour; a point may have its own. */
  color: string;
  symbolSize: (size: number) => number;
  /** `label`: text drawn beside the point (a county's name); none by default. */
  points: { lng: number; lat: number; size: number; color?: string; label?: string; item: P }[];
}

interface Common {
  height?: number;
  testId?: string;
}

/** A value per region coloured on the map of `region`'s children (the country's provinces, a province's cities). */
export interface ChoroplethProps<V extends RegionValue> extends Common {
  region: string;
  values: V[];
  valueName: string;
  formatValue: (value: number) => string;
  /** More tooltip lines for a region (plain text). */
  describe?: (f: FeatureValue<V>) => string[];
  onRegionClick?: (f: FeatureValue<V>) => void;
  /** Shown instead when the region has no geometry, or none of the values falls on the map. */
  fallback: ReactNode;
}

/** Points over region outlines, zoomed to where they are. */
export interface PointsProps<P> extends Common {
  /** Whose outlines: the children of this region, else of its province, else the country's provinces. */
  region: string;
  series: PointSeries<P>[];
  /** Tooltip lines of a point (plain text). */
  describePoint: (item: P) => string[];
  onPointClick?: (item: P) => void;
  /** Regions (any level) to tint: where the points are. */
  highlight?: string[];
  /** Whether the tinted regions keep their names (off where points labelled inside them would collide). */
  highlightLabels?: boolean;
}

const html = (lines: string[]) => lines.map((l) => echarts.format.encodeHTML(l)).join('<br/>');

function useGeometry(region: string) {
  const [state, setState] = useState<{ region: string; geometry: RegionGeometry | null; failed: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    loadRegionGeometry(region).then(
      (geometry) => live && setState({ region, geometry, failed: false }),
      () => live && setState({ region, geometry: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [region]);
  return state?.region === region ? state : null;
}

/** One ECharts instance drawing `option`; clicks go to `onClick` with the clicked item's data. */
function MapCanvas({
  option,
  height,
  testId,
  onClick,
}: {
  option: echarts.EChartsCoreOption;
  height: number;
  testId?: string;
  onClick?: (data: unknown) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const { lang } = useLang();

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { locale: lang === 'en' ? 'EN' : 'ZH' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p.data));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option, lang]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}

function Loading({ height }: { height: number }) {
  return (
    <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin />
    </div>
  );
}

/** A choropleth: each region coloured by its value; a click on a region with a value calls `onRegionClick`. */
export function RegionChoropleth<V extends RegionValue>({
  region,
  values,
  valueName,
  formatValue,
  describe,
  onRegionClick,
  fallback,
  height = 360,
  testId,
}: ChoroplethProps<V>) {
  const loaded = useGeometry(region);
  const geometry = loaded?.geometry ?? null;
  const drawn = useMemo(() => (geometry ? valuesByFeature(values, geometry.features) : null), [geometry, values]);

  const option = useMemo(() => {
    if (!geometry || !drawn) return null;
    const max = Math.max(0, ...drawn.matched.map((f) => f.value));
    return {
      animation: false,
      // What a screen reader says of the chart: the figure of each region on it.
      aria: {
        enabled: true,
        label: {
          description: `${valueName}: ${drawn.matched.map((f) => `${f.name} ${formatValue(f.value)}`).join('; ')}`,
        },
      },
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: { feature?: FeatureValue<V> } }) => {
          const f = p.data?.feature;
          if (!f) return html([p.name]);
          return html([f.name, `${valueName}: ${formatValue(f.value)}`, ...(describe?.(f) ?? [])]);
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: max || 1,
        left: 8,
        bottom: 8,
        itemHeight: 100,
        text: [formatValue(max), formatValue(0)],
        inRange: { color: ['#e0f2fe', '#1d4ed8'] },
        calculable: false,
      },
      series: [
        {
          type: 'map',
          name: valueName,
          map: geometry.mapName,
          // The platform's names (吉林省) on the regions it has, the file's (吉林) elsewhere.
          nameMap: Object.fromEntries(drawn.matched.map((f) => [f.featureName, f.name])),
          selectedMode: false,
          // Right of the colour scale.
          left: 96,
          right: 8,
          top: 8,
          bottom: 8,
          label: { show: false },
          itemStyle: { areaColor: '#f1f5f9', borderColor: '#94a3b8' },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#fbbf24' } },
          data: drawn.matched.map((f) => ({
            name: f.name,
            value: f.value,
            feature: f,
            label: { show: true, textBorderColor: '#fff', textBorderWidth: 2 },
          })),
        },
      ],
    };
  }, [geometry, drawn, valueName, formatValue, describe]);

  if (!loaded) return <Loading height={height} />;
  if (!option || !drawn?.matched.length) return <>{fallback}</>;
  return (
    <MapCanvas
      option={option}
      height={height}
      testId={testId}
      onClick={(data) => {
        const f = (data as { feature?: FeatureValue<V> } | undefined)?.feature;
        if (f) onRegionClick?.(f);
      }}
    />
  );
}

/** Points at longitude/latitude over the region outlines, zoomed to the points; drag and scroll to move and zoom. */
export function RegionPoints<P>({
  region,
  series,
  describePoint,
  onPointClick,
  highlight = [],
  highlightLabels = true,
  height = 520,
  testId,
}: PointsProps<P>) {
  const { t } = useLang();
  const loaded = useGeometry(outlineOf(region));
  const geometry = loaded?.geometry ?? null;

  const option = useMemo(() => {
    if (!geometry) return null;
    const all = series.flatMap((s) => s.points);
    let boundingCoords: [[number, number], [number, number]] | undefined;
    if (all.length) {
      const lngs = all.map((p) => p.lng);
      const lats = all.map((p) => p.lat);
      const [x0, x1, y0, y1] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
      // Room around the points, and at least a county's width so their surroundings show.
      const half = Math.max(x1 - x0, y1 - y0, 0.5) * 0.65;
      const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
      boundingCoords = [
        [cx - half, cy + half],
        [cx + half, cy - half],
      ];
    }
    const tinted = valuesByFeature(
      highlight.map((code) => ({ code, name: code, value: 1 })),
      geometry.features,
    ).matched;
    return {
      animation: false,
      aria: {
        enabled: true,
        label: { description: series.map((s) => `${s.name}: ${s.points.length}`).join('; ') },
      },
      legend: { top: 4, data: series.map((s) => ({ name: s.name, icon: s.symbol, itemStyle: { color: s.color } })) },
      tooltip: {
        trigger: 'item',
        formatter: (p: { name?: string; data?: { item?: P } }) =>
          p.data?.item === undefined ? html([p.name ?? '']) : html(describePoint(p.data.item)),
      },
      geo: {
        map: geometry.mapName,
        roam: true,
        boundingCoords,
        layoutCenter: ['50%', '52%'],
        layoutSize: '92%',
        label: { show: true, color: '#64748b', fontSize: 11 },
        itemStyle: { areaColor: '#f8fafc', borderColor: '#94a3b8' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#e2e8f0' } },
        selectedMode: false,
        regions: tinted.map((f) => ({
          name: f.featureName,
          itemStyle: { areaColor: '#e0f2fe' },
          ...(highlightLabels ? {} : { label: { show: false } }),
        })),
      },
      series: series.map((s) => ({
        type: 'scatter',
        name: s.name,
        coordinateSystem: 'geo',
        symbol: s.symbol,
        itemStyle: { color: s.color },
        symbolSize: (v: [number, number, number]) => s.symbolSize(v[2]),
        // Text only where points carry a label (not for the factor map's thousands of parcels).
        label: {
          show: s.points.some((p) => p.label),
          position: 'right',
          formatter: '{b}',
          color: '#0f172a',
          textBorderColor: '#fff',
          textBorderWidth: 2,
        },
        data: s.points.map((p) => ({
          name: p.label ?? '',
          value: [p.lng, p.lat, p.size],
          itemStyle: p.color ? { color: p.color } : undefined,
          item: p.item,
        })),
      })),
    };
  }, [geometry, series, describePoint, highlight, highlightLabels]);

  if (!loaded) return <Loading height={height} />;
  if (!option) return <Alert type="warning" showIcon message={t('map.unavailable')} />;
  return (
    <MapCanvas
      option={option}
      height={height}
      testId={testId}
      onClick={(data) => {
        const item = (data as { item?: P } | undefined)?.item;
        if (item !== undefined) onPointClick?.(item);
      }}
    />
  );
}
