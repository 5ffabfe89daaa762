import { eq } from 'drizzle-orm';
import { chinaDate } from '../../domain/reporting';
import { generateWorld } from '../../../bench/generator';
import type { FirstUnit, RegionRow } from '../../../bench/generator';
import { writeWorld, type WriteCounts } from '../../../bench/generator/writer';
import type { Db } from '../db/client';
import { units, users } from '../db/schema';
import { recordAudit } from '../modules/audit/service';
import { loadPolicyPacks } from '../modules/policies/service';
import { buildRegionRows } from './regions';

/**
 * The units that negotiate the demo projects (investment promotion centres, county governments,
 * zone committees, and the commerce bureaus of cities without a centre) and their share.
 */
const DEMO_FIRST_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['吉林省投资促进中心', 3],
  ['辽源市投资促进中心', 10],
  ['东丰县人民政府', 8],
  ['东辽县人民政府', 7],
  ['龙山区人民政府', 5],
  ['西安区人民政府', 4],
  ['辽源高新区管委会', 8],
  ['甘肃省经济合作中心', 3],
  ['兰州新区管委会', 9],
  ['兰州市商务局', 6],
  ['江门市投资促进中心', 10],
  ['江门市驻深圳招商小分队', 4],
  ['嘉兴市投资促进中心', 9],
  ['嘉兴经济技术开发区管委会', 7],
  ['平湖市商务局', 4],
];

export interface DemoProjectsOptions {
  /** The demo's "today" (default: today in China); project histories end on it. */
  today?: string;
  seed?: number;
  projectCount?: number;
}

/** Regions a project may land in (6-digit or zone codes; 嘉峪关's 9-digit townships excluded). */
function hostable(region: RegionRow): boolean {
  return region.code.length === 6 && region.level !== 'country';
}

/**
 * Where a unit's projects land. A county, city or zone unit hosts its own projects, and now and
 * then sends one to the rest of its city (跨县区落地); a province unit always lands them in a
 * city or county of the province.
 */
export function hostsFor(region: RegionRow, all: readonly RegionRow[]): { home: string | null; others: string[] } {
  if (region.level === 'province') {
    return {
      home: null,
      others: all
        .filter((r) => r.parentCode && r.path.startsWith(region.path) && r.code !== region.code && hostable(r))
        .map((r) => r.code),
    };
  }
  const cityPath = region.level === 'city' ? region.path : all.find((r) => r.code === region.parentCode)?.path;
  const others = cityPath
    ? all.filter((r) => r.path.startsWith(cityPath) && r.code !== region.code && hostable(r)).map((r) => r.code)
    : [];
  return { home: region.code, others };
}

/** Officers by unit and by region: who "moved" a unit's projects and submitted its reports. */
async function officers(db: Db): Promise<{ byUnit: Map<string, string>; byRegion: Map<string, string> }> {
  const rows = await db
    .select({ id: users.id, unitId: users.unitId, regionCode: units.regionCode })
    .from(users)
    .innerJoin(units, eq(users.unitId, units.id))
    .where(eq(users.role, 'officer'))
    .orderBy(users.username);
  const byUnit = new Map<string, string>();
  const byRegion = new Map<string, string>();
  for (const r of rows) {
    if (!byUnit.has(r.unitId)) byUnit.set(r.unitId, r.id);
    if (!byRegion.has(r.regionCode)) byRegion.set(r.regionCode, r.id);
  }
  return { byUnit, byRegion };
}

/**
 * Loads the demo world: ~300 projects over 吉林省 (辽源市 with its counties and 辽源高新区), 甘肃省
 * (兰州新区), 江门市 and 嘉兴市, each with investors, a stage history and monthly reports up to
 * today. Call it inside the seed transaction, once, after the seed units and demo users exist.
 */
export async function loadDemoProjects(db: Db, options: DemoProjectsOptions = {}): Promise<WriteCounts> {
  const regions = buildRegionRows();
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const unitRows = await db.select({ id: units.id, name: units.name, regionCode: units.regionCode }).from(units);
  const actors = await officers(db);
  const firstUnits: FirstUnit[] = [];
  for (const [name, weight] of DEMO_FIRST_UNITS) {
    const unit = unitRows.find((u) => u.name === name);
    const region = unit && regionByCode.get(unit.regionCode);
    if (!unit || !region) throw new Error(`demo projects: seed unit ${name} is missing`);
    const { home, others } = hostsFor(region, regions);
    const lineage = region.path.split('/').filter(Boolean).reverse();
    // The unit's own officer, else one of the nearest region above it (none without demo users).
    const actorId =
      actors.byUnit.get(unit.id) ?? lineage.map((code) => actors.byRegion.get(code)).find(Boolean) ?? null;
    firstUnits.push({ ...unit, weight, homeRegion: home, otherHosts: others, actorId });
  }
  const projectCount = options.projectCount ?? 300;
  const world = generateWorld(
    {
      seed: options.seed ?? 20250701,
      today: options.today ?? chinaDate(new Date()),
      windowYears: 3,
      projectCount,
      enterpriseCount: Math.round(projectCount * 1.4),
      regions,
      units: firstUnits,
      crossRegionShare: 0.04,
      ensureAllStages: true,
    },
    loadPolicyPacks(),
  );
  const counts = await writeWorld(db, world);
  await recordAudit(db, {
    actorId: null,
    action: 'system.demo_loaded',
    entity: 'system',
    entityId: 'demo.projects',
    regionCode: null,
    after: { ...counts, today: world.spec.today },
  });
  return counts;
}
