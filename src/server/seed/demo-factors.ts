import { inArray, like, or } from 'drizzle-orm';
import { insertMany } from '../db/bulk';
import type { Db } from '../db/client';
import { buildings, funds, parcels, quotaAllocations, regions, units, zoneQuotas } from '../db/schema';
import { recordAudit } from '../modules/audit/service';
import { REGION_SEATS } from './regions';

/**
 * The factor supply library of the demo world and of the benchmark: parcels, buildings and
 * standard factories, funds, and zone quotas with allocations, for the five jurisdictions.
 *
 * `generateFactorRows` is pure and deterministic (a seed, no clock, no Math.random): the bench
 * data generator calls it with its own regions and units and writes the rows with
 * `writeFactorRows`. `loadDemoFactors` adds hand-written items named after real zones on top.
 */

type ParcelRow = typeof parcels.$inferInsert;
type BuildingRow = typeof buildings.$inferInsert;
type FundRow = typeof funds.$inferInsert;
type QuotaRow = typeof zoneQuotas.$inferInsert & { id: string };
type AllocationRow = typeof quotaAllocations.$inferInsert;

export interface FactorRows {
  parcels: ParcelRow[];
  buildings: BuildingRow[];
  funds: FundRow[];
  quotas: QuotaRow[];
  allocations: AllocationRow[];
}

export interface FactorRegion {
  code: string;
  name: string;
  path: string;
  level: string;
  zoneLevel?: string | null;
}

export interface FactorSpec {
  seed: number;
  /** YYYY-MM-DD: quotas are for its year; available dates fall around it. */
  today: string;
  /** Where items lie: counties, cities and zones (provinces and the root are skipped). */
  regions: readonly FactorRegion[];
  /** The unit that maintains the items of a region (nearest unit at or above it). */
  unitOf: (regionCode: string) => string | undefined;
  /** Items per region: one number for all, or a count per region (the benchmark weighs zones and cities). */
  parcelsPerRegion: number | ((region: FactorRegion) => number);
  buildingsPerRegion: number | ((region: FactorRegion) => number);
  /** Funds for every city (and zone). */
  fundsPerCity: number;
  /** Years with quotas and allocations (default: the year of `today`). */
  quotaYears?: number[];
}

/** mulberry32: a small, fast, seeded generator; the same seed gives the same sequence. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

/**
 * Rough extents (west, south, east, north) of the cities of 吉林省 and 甘肃省: every item of a
 * region under one of them is kept inside its city, however its point was drawn.
 */
export const CITY_BOUNDS: Record<string, [number, number, number, number]> = {
  '220100': [124.3, 43.1, 127.1, 45.25],
  '220200': [125.7, 42.5, 127.95, 44.65],
  '220300': [123.3, 42.8, 125.8, 44.2],
  '220400': [124.75, 42.3, 125.85, 43.25],
  '220500': [125.0, 40.85, 126.95, 43.05],
  '220600': [126.1, 41.2, 128.3, 42.8],
  '220700': [123.1, 43.95, 126.2, 45.95],
  '220800': [121.6, 44.1, 124.35, 46.3],
  '222400': [127.45, 41.95, 131.3, 44.5],
  '620100': [102.6, 35.55, 104.6, 37.1],
  '620200': [97.8, 39.55, 98.6, 40.05],
  '620300': [101.1, 37.75, 102.7, 39.0],
  '620400': [103.5, 35.55, 105.6, 37.6],
  '620500': [104.6, 34.1, 106.75, 35.2],
  '620600': [101.0, 36.5, 104.2, 39.45],
  '620700': [97.3, 37.45, 102.2, 39.95],
  '620800': [105.3, 34.9, 107.75, 35.75],
  '620900': [92.8, 38.15, 100.3, 42.8],
  '621000': [106.3, 35.25, 108.75, 37.2],
  '621100': [103.5, 34.4, 105.6, 35.95],
  '621200': [104.0, 32.6, 106.6, 34.5],
  '622900': [102.7, 34.95, 103.75, 36.3],
  '623000': [100.75, 33.1, 104.75, 35.55],
};

/** The city a region lies in (itself for a city): `220421` → `220400`, the zone `2204Z1` → `220400`. */
export function cityCodeOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/** A point kept inside its region's city, when the city's extent is known. */
function clampToCity(code: string, lng: number, lat: number): [number, number] {
  const box = CITY_BOUNDS[cityCodeOf(code)];
  if (!box) return [lng, lat];
  const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
  return [clamp(lng, box[0], box[2]), clamp(lat, box[1], box[3])];
}

const PROVINCE_BOXES: Record<string, [number, number, number, number]> = {
  '22': [122.5, 41.5, 130.5, 45.5],
  '62': [94, 33, 106, 41],
  '44': [110.5, 21.5, 116.5, 24.5],
  '33': [118.5, 28, 122, 31],
};

function centreOf(code: string): [number, number] {
  const known = REGION_SEATS[code];
  if (known) return known;
  const h0 = hash(code);
  const city = REGION_SEATS[`${code.slice(0, 4)}00`];
  // A district of a known city lies near the city centre.
  if (city) return [city[0] + ((h0 % 600) / 1000 - 0.3), city[1] + (((h0 >>> 10) % 600) / 1000 - 0.3)];
  const box = PROVINCE_BOXES[code.slice(0, 2)] ?? [100, 30, 120, 40];
  const h = hash(code);
  return [box[0] + ((h % 1000) / 1000) * (box[2] - box[0]), box[1] + (((h >>> 10) % 1000) / 1000) * (box[3] - box[1])];
}

const fixed = (n: number, digits: number) => n.toFixed(digits);
const lngLat = ([lng, lat]: string[]) => ({ lng: lng!, lat: lat! });

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const USES = ['industrial', 'industrial', 'industrial', 'logistics', 'rd', 'commercial', 'mixed'] as const;
const MODES = [['transfer'], ['transfer', 'lease_then_transfer'], ['long_lease'], ['flexible_term', 'transfer']];
const PARCEL_WORDS = ['产业园', '智造园', '东区', '西区', '北片', '南片', '滨江', '高铁新城', '临港', '科创走廊'];
const BUILDING_KINDS = ['standard_factory', 'standard_factory', 'factory', 'office', 'warehouse'] as const;
const FUND_FOCUS = [
  ['新能源', '储能'],
  ['汽车零部件', 'C36'],
  ['生物医药', 'C27'],
  ['新材料', 'C26'],
  ['数字经济', 'I65'],
  ['高端装备', 'C34', 'C35'],
  ['农产品加工', 'C13'],
];
const FUND_STAGE_SETS = [['seed', 'early'], ['early', 'growth'], ['growth', 'mature'], ['growth']];

/** The library rows for `spec`, the same on every run. */
export function generateFactorRows(spec: FactorSpec): FactorRows {
  const out: FactorRows = { parcels: [], buildings: [], funds: [], quotas: [], allocations: [] };
  const year = Number(spec.today.slice(0, 4));
  for (const region of spec.regions) {
    if (region.level === 'country' || region.level === 'province') continue;
    const unitId = spec.unitOf(region.code);
    if (!unitId) continue;
    const r = rng(spec.seed ^ hash(region.code));
    const [lng, lat] = centreOf(region.code);
    const jitter = () => (r() - 0.5) * (region.level === 'city' ? 0.2 : 0.08);
    const short = region.name.replace(/(省|市|县|区|新区|高新区)$/, '');
    const isZone = region.level === 'zone';
    const count = (n: FactorSpec['parcelsPerRegion']) => (typeof n === 'number' ? n : n(region));
    // Drawn around the region's centre, kept inside its city.
    const point = () => clampToCity(region.code, lng + jitter(), lat + jitter()).map((v) => fixed(v, 6));
    const parcelCount = count(spec.parcelsPerRegion);
    for (let i = 0; i < parcelCount; i++) {
      // Mostly 20–150 亩, now and then a large contiguous one (up to ~600 亩), more of them in zones.
      const big = r() < (isZone ? 0.3 : 0.12);
      const area = big ? 100 + r() * 500 : 15 + r() * 135;
      const ratioMin = 1 + Math.floor(r() * 3) * 0.2;
      const roll = r();
      out.parcels.push({
        code: `${region.code}-DK${String(i + 1).padStart(4, '0')}`,
        name: `${short}${PARCEL_WORDS[Math.floor(r() * PARCEL_WORDS.length)]}${i + 1}号地块`,
        regionCode: region.code,
        unitId,
        areaMu: fixed(area, 2),
        use: USES[Math.floor(r() * USES.length)]!,
        zoning: null,
        address: `${region.name}${i + 1}号地块`,
        ...lngLat(point()),
        priceWanPerMu: fixed(8 + r() * (region.code.startsWith('33') || region.code.startsWith('44') ? 60 : 20), 2),
        priceKind: r() < 0.5 ? 'listed' : 'reference',
        supplyModes: MODES[Math.floor(r() * MODES.length)]!,
        plotRatioMin: fixed(ratioMin, 2),
        plotRatioMax: fixed(ratioMin + 1 + Math.floor(r() * 3) * 0.5, 2),
        readyToBuild: r() < (isZone ? 0.5 : 0.25),
        availableOn: r() < 0.7 ? null : addDays(spec.today, Math.floor(r() * 300)),
        status: roll < 0.85 ? 'available' : 'used',
        published: r() < 0.6,
      });
    }
    const buildingCount = count(spec.buildingsPerRegion);
    for (let i = 0; i < buildingCount; i++) {
      const kind = BUILDING_KINDS[Math.floor(r() * BUILDING_KINDS.length)]!;
      const floors = kind === 'office' ? 5 + Math.floor(r() * 20) : 1 + Math.floor(r() * 4);
      out.buildings.push({
        code: `${region.code}-CF${String(i + 1).padStart(4, '0')}`,
        name: `${short}${kind === 'office' ? '科创大厦' : kind === 'warehouse' ? '物流仓' : '标准厂房'}${i + 1}号`,
        kind,
        regionCode: region.code,
        unitId,
        floorAreaM2: Math.round(1000 + r() * (kind === 'office' ? 30000 : 15000)),
        floors,
        floorHeightM: fixed(kind === 'office' ? 3.6 : 6 + Math.floor(r() * 6), 2),
        loadKnM2: fixed(kind === 'office' ? 2.5 : 5 + Math.floor(r() * 4) * 2.5, 2),
        craneTons: kind === 'factory' && r() < 0.6 ? [5, 10, 16, 20, 32][Math.floor(r() * 5)]! : null,
        rentYuanM2Month: fixed(8 + r() * 25, 2),
        address: `${region.name}${kind === 'office' ? '科创路' : '工业大道'}${i + 1}号`,
        ...lngLat(point()),
        availableOn: null,
        status: r() < 0.9 ? 'available' : 'used',
        published: r() < 0.6,
      });
    }
    if (region.level === 'city' || isZone) {
      for (let i = 0; i < spec.fundsPerCity; i++) {
        const focus = FUND_FOCUS[Math.floor(r() * FUND_FOCUS.length)]!;
        out.funds.push({
          name: `${short}${focus[0]}产业投资基金${i ? ` ${i + 1}期` : ''}`,
          regionCode: region.code,
          unitId,
          sizeWan: String((5 + Math.floor(r() * 60)) * 10000),
          focusIndustries: focus,
          stages: FUND_STAGE_SETS[Math.floor(r() * FUND_STAGE_SETS.length)]!,
          manager: `${short}产业投资集团有限公司`,
          published: true,
        });
      }
    }
    // Quotas: zones get more, as jiaxing §三(二) asks.
    const factor = isZone ? 3 : 1;
    const kinds: Array<[QuotaRow['kind'], number]> = [
      ['land', 300 * factor],
      ['energy', 20000 * factor],
      ['emission', 500 * factor],
      ['power', 50000 * factor],
    ];
    for (const y of spec.quotaYears ?? [year]) {
      // Allocations of a past year spread over all of it; of this year, up to today's month.
      const months = y < year ? 12 : Number(spec.today.slice(5, 7));
      for (const [kind, base] of kinds) {
        const id = uuidFrom(spec.seed, `${region.code}|${y}|${kind}`);
        const total = Math.round(base * (0.6 + r() * 0.8));
        out.quotas.push({ id, regionCode: region.code, unitId, year: y, kind, total: String(total) });
        if (kind !== 'power') {
          out.allocations.push({
            quotaId: id,
            amount: fixed(total * (isZone ? 0.5 + r() * 0.3 : 0.15 + r() * 0.25), 2),
            allocatedOn: `${y}-${String(1 + Math.floor(r() * months)).padStart(2, '0')}-15`,
            note: '示例分配 / demo allocation',
          });
        }
      }
    }
  }
  return out;
}

/** A UUID (v4 layout) derived from the seed and a key, so quota ids are stable too. */
function uuidFrom(seed: number, key: string): string {
  const r = rng(seed ^ hash(key));
  const hex = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * Inserts rows with {@link insertMany} (one jsonb parameter per chunk), one call per shape of
 * row: the hand-written items leave out fields the generated ones give.
 */
async function insertByShape<T extends Parameters<typeof insertMany>[1]>(
  db: Db,
  table: T,
  list: readonly T['$inferInsert'][],
): Promise<void> {
  const shapes = new Map<string, T['$inferInsert'][]>();
  for (const row of list) {
    const key = Object.keys(row)
      .filter((k) => (row as Record<string, unknown>)[k] !== undefined)
      .join(',');
    shapes.set(key, [...(shapes.get(key) ?? []), row]);
  }
  for (const group of shapes.values()) await insertMany(db, table, group, { onConflictDoNothing: true });
}

/**
 * Writes generated rows in bulk; (region, code), (region, name) and (region, year, kind) clashes
 * are skipped, and so are the allocations of a quota that was not written.
 */
export async function writeFactorRows(db: Db, rows: FactorRows): Promise<Record<string, number>> {
  await insertByShape(db, parcels, rows.parcels);
  await insertByShape(db, buildings, rows.buildings);
  await insertByShape(db, funds, rows.funds);
  const ids = rows.quotas.map((q) => q.id);
  const present = async () => {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      for (const r of await db.select({ id: zoneQuotas.id }).from(zoneQuotas).where(inArray(zoneQuotas.id, chunk)))
        found.add(r.id);
    }
    return found;
  };
  const before = await present();
  await insertByShape(db, zoneQuotas, rows.quotas);
  const written = new Set([...(await present())].filter((id) => !before.has(id)));
  const allocations = rows.allocations.filter((a) => written.has(a.quotaId));
  await insertByShape(db, quotaAllocations, allocations);
  return {
    parcels: rows.parcels.length,
    buildings: rows.buildings.length,
    funds: rows.funds.length,
    zone_quotas: written.size,
    quota_allocations: allocations.length,
  };
}

/** The regions of the demo: the five jurisdictions' cities, counties and zones. */
const DEMO_REGION_PREFIXES = [
  '/000000/220000/220400/',
  '/000000/620000/620100/',
  '/000000/440000/440700/',
  '/000000/330000/330400/',
];

/** Hand-written items of the demo, named after the seeds' zones (codes stay clear of the generated ones). */
const CURATED: Array<Omit<ParcelRow, 'unitId'>> = [
  {
    code: 'JX-ETDZ-001',
    name: '嘉兴经开区马家浜连片工业用地',
    regionCode: '3304Z1',
    areaMu: '268.50',
    use: 'industrial',
    zoning: 'M1 一类工业用地',
    lng: '120.812300',
    lat: '30.721500',
    priceWanPerMu: '48.00',
    priceKind: 'listed',
    supplyModes: ['transfer', 'flexible_term'],
    plotRatioMin: '1.20',
    plotRatioMax: '2.50',
    readyToBuild: true,
    published: true,
    note: '净地，五通一平，拿地即开工',
  },
  {
    code: 'JX-ZP-001',
    name: '乍浦经济开发区临港化工新材料地块',
    regionCode: '3304Z2',
    areaMu: '156.00',
    use: 'industrial',
    zoning: 'M2 二类工业用地',
    lng: '121.091000',
    lat: '30.598000',
    priceWanPerMu: '42.00',
    priceKind: 'reference',
    supplyModes: ['transfer'],
    plotRatioMin: '1.00',
    plotRatioMax: '2.00',
    readyToBuild: false,
    published: true,
  },
  {
    code: 'JX-PH-001',
    name: '平湖经开区智能制造连片地块',
    regionCode: '330482',
    areaMu: '112.30',
    use: 'industrial',
    lng: '121.034000',
    lat: '30.705000',
    priceWanPerMu: '45.00',
    priceKind: 'reference',
    supplyModes: ['transfer', 'lease_then_transfer'],
    readyToBuild: true,
    published: true,
  },
  {
    code: 'LY-GX-001',
    name: '辽源高新区新材料产业园连片地块',
    regionCode: '2204Z1',
    areaMu: '120.00',
    use: 'industrial',
    zoning: 'M1 一类工业用地',
    lng: '125.214000',
    lat: '42.861000',
    priceWanPerMu: '12.50',
    priceKind: 'listed',
    supplyModes: ['transfer', 'lease_then_transfer'],
    plotRatioMin: '1.00',
    plotRatioMax: '2.00',
    readyToBuild: true,
    published: true,
    note: '净地，水电路气已通',
  },
  {
    code: 'LY-DF-001',
    name: '东丰县梅花鹿产业园地块',
    regionCode: '220421',
    areaMu: '86.00',
    use: 'industrial',
    lng: '125.531000',
    lat: '42.677000',
    priceWanPerMu: '9.80',
    priceKind: 'reference',
    supplyModes: ['transfer'],
    readyToBuild: false,
    published: true,
  },
  {
    code: 'LZ-XQ-001',
    name: '兰州新区精细化工园区连片地块',
    regionCode: '6201Z1',
    areaMu: '320.00',
    use: 'industrial',
    lng: '103.690000',
    lat: '36.530000',
    priceWanPerMu: '15.00',
    priceKind: 'listed',
    supplyModes: ['transfer', 'long_lease'],
    readyToBuild: true,
    published: true,
  },
  {
    code: 'JM-GX-001',
    name: '江门高新区新能源电池产业地块',
    regionCode: '4407Z1',
    areaMu: '180.00',
    use: 'industrial',
    lng: '113.142000',
    lat: '22.583000',
    priceWanPerMu: '55.00',
    priceKind: 'reference',
    supplyModes: ['transfer', 'flexible_term'],
    readyToBuild: true,
    published: true,
  },
];

/**
 * Loads the demo library (call inside the seed transaction, after the seed units exist): curated
 * parcels, then ~8 parcels, 3 buildings and quotas per region of the five jurisdictions.
 */
export async function loadDemoFactors(db: Db, options: { today: string; seed?: number }): Promise<void> {
  const regionRows = await db
    .select({
      code: regions.code,
      name: regions.name,
      path: regions.path,
      level: regions.level,
      zoneLevel: regions.zoneLevel,
    })
    .from(regions)
    .where(or(...DEMO_REGION_PREFIXES.map((p) => like(regions.path, `${p}%`))));
  const unitRows = await db.select({ id: units.id, name: units.name, regionCode: units.regionCode }).from(units);
  const pathOf = new Map(regionRows.map((r) => [r.code, r.path]));
  // Resources bureaus and zone committees first, then whoever else works in the region.
  const preference = (name: string) => (/自然资源|管委会/.test(name) ? 0 : /投资促进|商务/.test(name) ? 1 : 2);
  const byRegion = new Map<string, string>();
  for (const u of [...unitRows].sort((a, b) => preference(a.name) - preference(b.name) || (a.name < b.name ? -1 : 1))) {
    if (!byRegion.has(u.regionCode)) byRegion.set(u.regionCode, u.id);
  }
  const unitOf = (code: string) => {
    const path = pathOf.get(code);
    if (!path) return undefined;
    const lineage = path.split('/').filter(Boolean).reverse();
    return lineage.map((c) => byRegion.get(c)).find(Boolean);
  };
  const rows = generateFactorRows({
    seed: options.seed ?? 20250701,
    today: options.today,
    regions: regionRows.filter((r) => r.code.length === 6),
    unitOf,
    parcelsPerRegion: 8,
    buildingsPerRegion: 3,
    fundsPerCity: 2,
    quotaYears: [Number(options.today.slice(0, 4)) - 1, Number(options.today.slice(0, 4))],
  });
  rows.parcels.unshift(
    ...CURATED.flatMap((p) => {
      const unitId = unitOf(p.regionCode);
      return unitId ? [{ ...p, unitId }] : [];
    }),
  );
  const counts = await writeFactorRows(db, rows);
  await recordAudit(db, {
    actorId: null,
    action: 'system.demo_factors_loaded',
    entity: 'system',
    entityId: 'demo.factors',
    regionCode: null,
    after: counts,
  });
}
