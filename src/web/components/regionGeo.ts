import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

// The geo component carries echarts.registerMap.
echarts.use([GeoComponent]);

/**
 * Region boundaries shipped with the web app (src/web/geo, see its README): one file per region
 * whose direct children are drawn, named by the region's GB/T 2260 code: `000000` the provinces of
 * the country, `220000` the cities of 吉林省, … Each file is its own lazy chunk, fetched from the
 * app itself the first time a map needs it: no tile server, no download from the internet.
 */
const FILES = import.meta.glob<GeoFile>('../geo/*.json', { import: 'default' });

export const COUNTRY = '000000';

interface GeoFile {
  type: 'FeatureCollection';
  UTF8Encoding?: boolean;
  features: { type: 'Feature'; id: string; properties: { name: string; cp?: [number, number] }; geometry: unknown }[];
}

/** A registered map: its ECharts name and its features, each a region (code and name as drawn). */
export interface RegionGeometry {
  region: string;
  mapName: string;
  features: { code: string; name: string }[];
}

const fileOf = (code: string) => `../geo/${code}.json`;

/** Whether the children of `code` can be drawn (the country, or a province whose cities are shipped). */
export function hasRegionGeometry(code: string): boolean {
  return fileOf(code) in FILES;
}

/** The province a region lies in (`220000` for 辽源市 `220400` or the zone `2204Z1`); the country stays itself. */
export function provinceOf(code: string): string {
  return code === COUNTRY ? COUNTRY : `${code.slice(0, 2)}0000`;
}

/**
 * The outline to draw points of `code` on: the children of the region itself when shipped, else
 * of its province, else the provinces of the country.
 */
export function outlineOf(code: string): string {
  if (hasRegionGeometry(code)) return code;
  return hasRegionGeometry(provinceOf(code)) ? provinceOf(code) : COUNTRY;
}

/**
 * The feature a region falls in: the feature of its own code, else of its city (a county
 * `220422` or a zone `2204Z1` rolls up to `220400`), else of its province. null: outside the map.
 */
export function featureOf(code: string, features: ReadonlySet<string>): string | null {
  for (const candidate of [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]) {
    if (features.has(candidate)) return candidate;
  }
  return null;
}

export interface RegionValue {
  code: string;
  name: string;
  value: number;
}

export interface FeatureValue<V extends RegionValue = RegionValue> {
  /** The feature's code, and its name in the geometry file. */
  feature: string;
  featureName: string;
  /** The region's own name when it is among the values, else the feature's. */
  name: string;
  /** The sum over every value that rolls up to the feature. */
  value: number;
  /** The values behind it, the feature's own region first. */
  items: V[];
}

/** Sums the values per feature of a map; values outside it come back in `unmatched`. */
export function valuesByFeature<V extends RegionValue>(
  values: readonly V[],
  features: readonly { code: string; name: string }[],
): { matched: FeatureValue<V>[]; unmatched: V[] } {
  const codes = new Set(features.map((f) => f.code));
  const names = new Map(features.map((f) => [f.code, f.name]));
  const byFeature = new Map<string, FeatureValue<V>>();
  const unmatched: V[] = [];
  for (const v of values) {
    const feature = featureOf(v.code, codes);
    if (!feature) {
      unmatched.push(v);
      continue;
    }
    const featureName = names.get(feature)!;
    const entry = byFeature.get(feature) ?? { feature, featureName, name: featureName, value: 0, items: [] };
    entry.value += v.value;
    if (v.code === feature) {
      entry.name = v.name;
      entry.items.unshift(v);
    } else {
      entry.items.push(v);
    }
    byFeature.set(feature, entry);
  }
  return { matched: [...byFeature.values()], unmatched };
}

const loading = new Map<string, Promise<RegionGeometry | null>>();

/**
 * Loads and registers the map of `code`'s children; null when none is shipped. The country is
 * registered as `china`, the name under which ECharts adds the 南海诸岛 inset to it.
 */
export function loadRegionGeometry(code: string): Promise<RegionGeometry | null> {
  const load = FILES[fileOf(code)];
  if (!load) return Promise.resolve(null);
  let pending = loading.get(code);
  if (!pending) {
    pending = load().then((json) => {
      const mapName = code === COUNTRY ? 'china' : `region-${code}`;
      echarts.registerMap(mapName, json as unknown as Parameters<typeof echarts.registerMap>[1]);
      return {
        region: code,
        mapName,
        features: json.features.map((f) => ({ code: String(f.id), name: f.properties.name })),
      };
    });
    // A failed fetch (app updated under an open page, network down) is tried again next time.
    pending.catch(() => loading.delete(code));
    loading.set(code, pending);
  }
  return pending;
}
