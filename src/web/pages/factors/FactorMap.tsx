import { useMemo } from 'react';
import { RegionPoints, type PointSeries } from '../../components/RegionMap';
import { COUNTRY, provinceOf } from '../../components/regionGeo';
import { useRegion } from '../../app/region';
import { useLang } from '../../i18n';
import type { MapPoint } from './types';

const STATUS_COLOURS = { available: '#1f9d55', reserved: '#d97706', used: '#9ca3af' } as const;

/**
 * Parcels and buildings at their coordinates over the city (or province) outlines, from boundary
 * files the app ships: no map tiles and no download, so it works offline. Each point is coloured
 * by its status; scroll or drag to zoom and move; a click opens the item.
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
  const { regionCode } = useRegion();

  const series = useMemo(
    (): PointSeries<MapPoint>[] =>
      (['parcel', 'building'] as const).map((kind) => ({
        name: t(kind === 'parcel' ? 'factors.tab.parcels' : 'factors.tab.buildings'),
        symbol: kind === 'parcel' ? 'circle' : 'rect',
        color: kind === 'parcel' ? STATUS_COLOURS.available : '#475569',
        symbolSize: (size) => Math.max(6, Math.min(22, Math.sqrt(size) * (kind === 'parcel' ? 1.2 : 0.12))),
        points: points
          .filter((p) => p.kind === kind)
          .map((p) => ({
            lng: Number(p.lng),
            lat: Number(p.lat),
            size: Number(p.size),
            color: STATUS_COLOURS[p.status],
            item: p,
          })),
      })),
    [points, t],
  );
  // The outlines of the one province the points are in (its cities), else the country's provinces.
  const provinces = useMemo(() => [...new Set(points.map((p) => provinceOf(p.regionCode)))], [points]);
  const region = points.length === 0 ? regionCode : provinces.length === 1 ? provinces[0]! : COUNTRY;
  const highlight = useMemo(() => [...new Set(points.map((p) => p.regionCode))], [points]);
  const describe = useMemo(
    () => (p: MapPoint) => [
      p.code,
      p.name,
      `${p.regionName} · ${p.size} ${t(p.kind === 'parcel' ? 'factors.unit.mu' : 'factors.unit.m2')} · ${t(`factors.status.${p.status}`)}`,
    ],
    [t],
  );

  return (
    <RegionPoints
      region={region}
      series={series}
      describePoint={describe}
      onPointClick={onPick}
      highlight={highlight}
      height={height}
      testId="factor-map"
    />
  );
}
