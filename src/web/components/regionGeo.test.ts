import { readFileSync } from 'node:fs';
import { parseGeoJSON } from 'echarts/core';
import { describe, expect, it } from 'vitest';
import {
  COUNTRY,
  featureOf,
  hasRegionGeometry,
  loadRegionGeometry,
  outlineOf,
  provinceOf,
  valuesByFeature,
} from './regionGeo';

const JILIN_CITIES = [
  { code: '220100', name: '长春市' },
  { code: '220400', name: '辽源市' },
];

describe('region codes onto map features', () => {
  it('rolls a county and a development zone up to their city, and keeps a region on the map as itself', () => {
    const features = new Set(JILIN_CITIES.map((c) => c.code));
    expect(featureOf('220400', features)).toBe('220400');
    expect(featureOf('220422', features)).toBe('220400'); // 东丰县
    expect(featureOf('2204Z1', features)).toBe('220400'); // 辽源高新区
    expect(featureOf('620100', features)).toBeNull(); // 兰州市 is not on the map of 吉林省
    expect(featureOf('220000', features)).toBeNull(); // nor is the province itself
  });

  it('sums the values falling on one feature and names it by the region itself', () => {
    const { matched, unmatched } = valuesByFeature(
      [
        { code: '2204Z1', name: '辽源高新区', value: 10 },
        { code: '220400', name: '辽源市', value: 5.5 },
        { code: '220100', name: '长春市', value: 0 },
        { code: '620100', name: '兰州市', value: 7 },
      ],
      JILIN_CITIES,
    );
    expect(unmatched.map((v) => v.code)).toEqual(['620100']);
    const liaoyuan = matched.find((f) => f.feature === '220400')!;
    expect(liaoyuan.value).toBe(15.5);
    expect(liaoyuan.name).toBe('辽源市');
    expect(liaoyuan.items.map((i) => i.code)).toEqual(['220400', '2204Z1']);
    // A zone alone is drawn under the city's name, not its own.
    const zoneOnly = valuesByFeature([{ code: '2204Z1', name: '辽源高新区', value: 3 }], JILIN_CITIES).matched[0]!;
    expect(zoneOnly.name).toBe('辽源市');
    expect(matched.find((f) => f.feature === '220100')!.value).toBe(0);
  });

  it('draws points on their province when its cities are shipped, else on the country', () => {
    expect(provinceOf('2204Z1')).toBe('220000');
    expect(outlineOf('220400')).toBe('220000');
    expect(outlineOf('000000')).toBe(COUNTRY);
    expect(hasRegionGeometry('110000')).toBe(false);
    expect(outlineOf('110105')).toBe(COUNTRY); // 北京 has no city file: the provinces of the country
  });
});

describe('shipped boundaries', () => {
  it('has every province of the country, by its GB/T 2260 code', async () => {
    const country = (await loadRegionGeometry(COUNTRY))!;
    expect(country.mapName).toBe('china');
    const codes = country.features.map((f) => f.code);
    expect(codes).toHaveLength(34);
    expect(codes).toEqual(expect.arrayContaining(['220000', '620000', '440000', '330000', '710000', '810000']));
    expect(await loadRegionGeometry('220400')).toBeNull(); // no county boundaries
  });

  // A point of each demo city (its government's seat) lies in that city's outline and no other.
  const SEATS: Array<[province: string, city: string, lng: number, lat: number]> = [
    ['220000', '220400', 125.14, 42.89], // 辽源市
    ['620000', '620100', 103.83, 36.06], // 兰州市
    ['440000', '440700', 113.08, 22.58], // 江门市
    ['330000', '330400', 120.76, 30.75], // 嘉兴市
  ];
  it.each(SEATS)('the cities of %s hold %s where its seat is', async (province, city, lng, lat) => {
    const loaded = (await loadRegionGeometry(province))!;
    expect(loaded.features.map((f) => f.code)).toContain(city);
    const json = JSON.parse(readFileSync(`src/web/geo/${province}.json`, 'utf8')) as {
      features: { id: string; properties: { name: string } }[];
    };
    const regions = parseGeoJSON(json as never, 'name');
    const containing = regions.filter((r) => r.contain([lng, lat])).map((r) => r.name);
    const name = json.features.find((f) => f.id === city)!.properties.name;
    expect(containing).toEqual([name]);
  });
});
