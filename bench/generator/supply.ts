/**
 * The factor side of the benchmark province: the supply library (parcels, buildings and standard
 * factories, funds, zone quotas) spread over the regions of the two provinces, drawn by the demo
 * seed's generateFactorRows, and the factor demand (要素需求) a share of projects records, which
 * matching ranks the library against. Pure and seeded like the rest of the generator.
 */
import type { Stage } from '../../src/domain/lifecycle';
import { type FactorRegion, type FactorRows, generateFactorRows } from '../../src/server/seed/demo-factors';
import { fromDay, instantAt, toDay } from './dates';
import { hashString, Rng } from './random';
import type { DemandRow, ProjectRow, RegionRow } from './types';
import { INDUSTRY_THEMES } from './vocabulary';

/** Parcels and buildings together at scale 1 (issue #4): 2,000 at scale 0.1. */
export const SUPPLY_ITEMS_AT_SCALE_1 = 20_000;
/** Of the items, parcels; the rest are buildings and standard factories. */
const PARCEL_SHARE = 0.6;
/** Zones hold the most land, a city's own districts more than a county. */
const REGION_WEIGHT: Record<string, number> = { zone: 5, city: 2, county: 1 };

export interface SupplySpec {
  seed: number;
  /** YYYY-MM-DD: quotas are for its year and the one before. */
  today: string;
  /** Parcels plus buildings, in all. */
  items: number;
  /** Every region of the tree; items go to the cities, counties and zones under `provinces`. */
  regions: readonly RegionRow[];
  /** Province codes (220000, 620000). */
  provinces: readonly string[];
  /** The unit that keeps a region's records; regions without one get no items. */
  unitOf: (regionCode: string) => string | undefined;
  /** Funds per city and zone (default 3). */
  fundsPerCity?: number;
}

/** Splits `total` over `weights` in proportion, whole numbers summing exactly to `total` (largest remainder). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

/** The regions that hold supply: cities, counties and zones of the provinces that have a unit. */
export function supplyRegions(spec: Pick<SupplySpec, 'regions' | 'provinces' | 'unitOf'>): RegionRow[] {
  const prefixes = spec.provinces.map((p) => `/000000/${p}/`);
  return spec.regions.filter(
    (r) =>
      r.code.length === 6 &&
      r.level !== 'province' &&
      prefixes.some((p) => r.path.startsWith(p)) &&
      spec.unitOf(r.code) !== undefined,
  );
}

/** The library of the provinces: `items` parcels and buildings, funds per city and zone, two years of quotas. */
export function generateSupply(spec: SupplySpec): FactorRows {
  const regions = supplyRegions(spec);
  const weights = regions.map((r) => REGION_WEIGHT[r.level] ?? 1);
  const parcelTotal = Math.round(spec.items * PARCEL_SHARE);
  const parcels = allocate(parcelTotal, weights);
  const buildings = allocate(spec.items - parcelTotal, weights);
  const parcelsOf = new Map(regions.map((r, i) => [r.code, parcels[i]!]));
  const buildingsOf = new Map(regions.map((r, i) => [r.code, buildings[i]!]));
  const year = Number(spec.today.slice(0, 4));
  return generateFactorRows({
    seed: spec.seed,
    today: spec.today,
    regions: regions.map((r): FactorRegion => ({
      code: r.code,
      name: r.name,
      path: r.path,
      level: r.level,
      zoneLevel: r.zoneLevel,
    })),
    unitOf: spec.unitOf,
    parcelsPerRegion: (r) => parcelsOf.get(r.code) ?? 0,
    buildingsPerRegion: (r) => buildingsOf.get(r.code) ?? 0,
    fundsPerCity: spec.fundsPerCity ?? 3,
    quotaYears: [year - 1, year],
  });
}

// ---------------------------------------------------------------- demand

/** Share of projects in each stage that have recorded what they need: most while land is being sought. */
const DEMAND_SHARE: Partial<Record<Stage, number>> = {
  planned: 0.15,
  negotiating: 0.45,
  intent: 0.7,
  signed: 0.8,
  registered: 0.6,
  started: 0.25,
};

/** Heavy industries: more energy and emissions per 万元. */
const HEAVY = new Set(['26', '30', '32', '44']);

const DEMAND_NOTES = [
  '需配套蒸汽管网',
  '要求双回路供电',
  '需临近高速公路出入口',
  '需配套污水处理设施',
  '希望拿地即开工',
  '需铁路专用线接入条件',
];

function landUseOf(division: string | null | undefined, rng: Rng): DemandRow['use'] {
  switch (division) {
    case '59':
      return 'logistics';
    case '65':
      return rng.chance(0.5) ? 'rd' : 'commercial';
    case '72':
      return 'commercial';
    default:
      return 'industrial';
  }
}

const round = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

/**
 * The demand a project records, or null when it has recorded none: land near its own land demand,
 * a building for projects that need no land (and a first-phase factory for some that do), power,
 * energy and emissions in proportion to the investment (none for services), preferred regions
 * (mostly the host, sometimes the host and its city, sometimes none), readiness and a date.
 */
export function demandFor(
  seed: number,
  project: ProjectRow,
  regions: ReadonlyMap<string, RegionRow>,
  today: string,
): DemandRow | null {
  const rng = Rng.for(seed, 'demand', hashString(project.id));
  if (!rng.chance(DEMAND_SHARE[project.stage!] ?? 0)) return null;
  const theme = INDUSTRY_THEMES.find((t) => t.division === project.industryDivision);
  const total = Number(project.totalInvestmentWan);
  const needsLand = project.landDemandMu !== null && project.landDemandMu !== undefined;
  const landMu = needsLand ? round(Number(project.landDemandMu) * (0.8 + rng.next() * 0.4), 1) : null;
  const buildingM2 = !needsLand
    ? Math.min(60_000, round(total * (0.3 + rng.next() * 0.5), 100))
    : rng.chance(0.15)
      ? round(2000 + rng.next() * 13_000, 100)
      : null;
  const making = theme?.wanPerMu !== null && theme?.wanPerMu !== undefined;
  const heavy = HEAVY.has(project.industryDivision ?? '');
  const powerKva = making
    ? Math.min(40_000, round(total * (0.05 + rng.next() * 0.25), 50))
    : round(100 + rng.next() * 700, 50);
  const energyTce = making ? round(total * (0.02 + rng.next() * 0.1) * (heavy ? 3 : 1), 10) : null;
  const emissionsT = making
    ? round(total * (heavy ? 0.002 + rng.next() * 0.008 : 0.0002 + rng.next() * 0.001), 1)
    : null;

  const host = regions.get(project.hostRegionCode!);
  const where = rng.next();
  const preferredRegions =
    where < 0.75 || !host
      ? [project.hostRegionCode!]
      : where < 0.9 && host.parentCode && host.level !== 'city'
        ? [project.hostRegionCode!, host.parentCode]
        : [];
  const entered = toDay(project.stageEnteredOn!);
  const todayDay = toDay(today);
  const day = Math.min(todayDay, entered + rng.int(0, 30));
  const at = instantAt(day, rng.int(9 * 60, 17 * 60 + 30));
  return {
    projectId: project.id,
    landMu: landMu === null ? null : landMu.toFixed(2),
    buildingM2,
    use: landUseOf(project.industryDivision, rng),
    powerKva: powerKva.toFixed(2),
    energyTce: energyTce === null ? null : energyTce.toFixed(2),
    emissionsT: emissionsT === null ? null : emissionsT.toFixed(2),
    preferredRegions,
    readyToBuild: rng.chance(0.3),
    neededBy: rng.chance(0.7) ? fromDay(Math.max(entered, todayDay - 60) + rng.int(90, 540)) : null,
    note: rng.chance(0.2) ? rng.pick(DEMAND_NOTES) : null,
    updatedBy: project.createdBy ?? null,
    createdAt: at,
    updatedAt: at,
  };
}
