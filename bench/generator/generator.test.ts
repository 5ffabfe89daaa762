import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCreditCode } from '../../src/domain/credit-code';
import { STAGES } from '../../src/domain/lifecycle';
import { SOURCE_CHANNELS } from '../../src/domain/project-fields';
import { parseProjectCode } from '../../src/domain/project-code';
import { rows, type Database } from '../../src/server/db/client';
import { loadPolicyPacks } from '../../src/server/modules/policies/service';
import { hostsFor, loadDemoProjects } from '../../src/server/seed/demo-projects';
import { buildRegionRows } from '../../src/server/seed/regions';
import { openTestDatabase } from '../../src/server/test/harness';
import { CITY_BOUNDS, cityCodeOf } from '../../src/server/seed/demo-factors';
import { ChainIndex, generateChains, linkableSegments } from './chains';
import { generateWorld, type FirstUnit, type ProjectBundle, type WorldSpec } from './index';
import { demandFor, generateSupply } from './supply';
import { ActualsByRegion, generateTargets } from './targets';

const regions = buildRegionRows();
const packs = loadPolicyPacks();

/** Every hostable region of 吉林省 gets a unit, as the benchmark does. */
function benchUnits(): FirstUnit[] {
  return regions
    .filter((r) => r.path.startsWith('/000000/220000/') && r.code.length === 6)
    .map((r, i) => {
      const { home, others } = hostsFor(r, regions);
      return {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        name: `${r.name}投资促进中心`,
        regionCode: r.code,
        weight: r.level === 'province' ? 1 : 5,
        homeRegion: home,
        otherHosts: others,
        actorId: null,
      };
    });
}

const spec: WorldSpec = {
  seed: 7,
  today: '2026-06-30',
  windowYears: 5,
  projectCount: 1500,
  enterpriseCount: 3000,
  regions,
  units: benchUnits(),
};

function take(world: ReturnType<typeof generateWorld>, n: number): ProjectBundle[] {
  const out: ProjectBundle[] = [];
  for (const bundle of world.projects()) {
    out.push(bundle);
    if (out.length === n) break;
  }
  return out;
}

function fingerprint(world: ReturnType<typeof generateWorld>): string {
  const bundles = take(world, 1000);
  const data = {
    enterprises: world.enterprises.slice(0, 1000),
    projects: bundles.map((b) => b.project),
    transitions: bundles.flatMap((b) => b.transitions).slice(0, 1000),
    reports: bundles.flatMap((b) => b.reports).slice(0, 1000),
    counters: world.counters.slice(0, 1000),
  };
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

describe('generator (pure)', () => {
  const world = generateWorld(spec, packs);
  const bundles = take(world, spec.projectCount);

  it('gives identical rows for the same seed, and different rows for another seed', () => {
    expect(fingerprint(generateWorld(spec, packs))).toBe(fingerprint(world));
    expect(fingerprint(generateWorld({ ...spec, seed: 8 }, packs))).not.toBe(fingerprint(world));
  });

  it('gives every Chinese enterprise a valid, unique credit code and foreign ones none', () => {
    const codes = world.enterprises.map((e) => e.creditCode).filter((c): c is string => c !== null);
    for (const code of codes) expect(validateCreditCode(code), code).toMatchObject({ ok: true });
    expect(new Set(codes).size).toBe(codes.length);
    const foreign = world.enterprises.filter((e) => e.hqCountry !== 'CN');
    expect(foreign.length).toBeGreaterThan(50);
    for (const e of foreign) {
      expect(e.creditCode).toBeNull();
      expect(['DE', 'JP', 'US', 'KR']).toContain(e.hqCountry);
    }
    expect(new Set(world.enterprises.map((e) => e.name)).size).toBe(world.enterprises.length);
    expect(world.enterprises.some((e) => e.tags?.includes('fortune_global_500'))).toBe(true);
    expect(world.enterprises.some((e) => e.tags?.includes('specialized'))).toBe(true);
  });

  it('orders stage dates along the lifecycle and records the path it took', () => {
    for (const { project: p, transitions } of bundles) {
      const dates = [p.signingDate, p.registeredDate, p.startDate, p.productionDate, p.achievedDate];
      const present = dates.filter((d): d is string => !!d);
      // Each date needs the ones before it, and they never go backwards or past today.
      expect(dates.slice(0, present.length)).toEqual(present);
      expect([...present].sort()).toEqual(present);
      for (const d of present) expect(d <= spec.today).toBe(true);
      expect(transitions[0]).toMatchObject({ fromStage: null, direction: 'create' });
      for (let k = 1; k < transitions.length; k++) {
        expect(transitions[k]!.fromStage).toBe(transitions[k - 1]!.toStage);
        expect(transitions[k]!.at! > transitions[k - 1]!.at!).toBe(true);
      }
      expect(transitions.at(-1)!.toStage).toBe(p.stage);
      expect(p.version).toBe(transitions.length);
      if (p.signingDate) {
        expect(p.agreementFileId).toBeTruthy();
        expect(p.parties!.length).toBeGreaterThanOrEqual(2);
      }
      expect(SOURCE_CHANNELS).toContain(p.sourceChannel);
    }
  });

  it('spreads projects over stages, amounts and regions as a real pipeline does', () => {
    const byStage = new Map<string, number>();
    for (const { project } of bundles) byStage.set(project.stage, (byStage.get(project.stage) ?? 0) + 1);
    for (const s of STAGES) expect(byStage.get(s) ?? 0, s).toBeGreaterThan(0);
    expect(byStage.get('negotiating')!).toBeGreaterThan(byStage.get('achieved')! * 3);
    const amounts = bundles.map((b) => Number(b.project.totalInvestmentWan));
    const share = (f: (x: number) => boolean) => amounts.filter(f).length / amounts.length;
    expect(share((x) => x >= 1000 && x <= 50_000)).toBeGreaterThan(0.6);
    expect(share((x) => x >= 100_000)).toBeGreaterThan(0.01);
    const cross = bundles.filter((b) => b.project.firstRegionCode !== b.project.hostRegionCode).length;
    expect(cross / bundles.length).toBeGreaterThan(0.05);
    expect(cross / bundles.length).toBeLessThan(0.2);
  });

  it('numbers codes per year and host region, with counters at the last number', () => {
    const last = new Map<string, number>();
    for (const { project } of bundles) {
      const parsed = parseProjectCode(project.code);
      if (!parsed.ok) throw new Error(project.code);
      expect(parsed.regionCode).toBe(project.hostRegionCode);
      expect(parsed.year).toBe(Number(new Date(project.createdAt!.getTime() + 8 * 3600_000).toISOString().slice(0, 4)));
      const key = `${parsed.year}|${parsed.regionCode}`;
      last.set(key, Math.max(last.get(key) ?? 0, parsed.seq));
    }
    expect(new Map(world.counters.map((c) => [`${c.year}|${c.regionCode}`, c.last]))).toEqual(last);
  });

  it('writes monthly reports for active months, leaves some owed, and yields stall candidates', () => {
    const reports = bundles.flatMap((b) => b.reports);
    expect(reports.length / bundles.length).toBeGreaterThan(5);
    for (const { project, reports: rs } of bundles) {
      if (project.stage === 'planned') expect(rs).toEqual([]);
      const months = rs.filter((r) => r.isCurrent).map((r) => r.month);
      expect(new Set(months).size).toBe(months.length);
      for (const r of rs) expect(r.submittedAt!.toISOString().slice(0, 10) <= spec.today).toBe(true);
    }
    expect(reports.some((r) => r.late)).toBe(true);
    expect(reports.some((r) => r.version === 2 && r.correctionReason)).toBe(true);
    const active = bundles.filter((b) => ['negotiating', 'intent', 'signed', 'started'].includes(b.project.stage));
    const missingLatest = active.filter((b) => !b.reports.some((r) => r.month === '2026-06' || r.month === '2026-05'));
    expect(missingLatest.length).toBeGreaterThan(0);
    const stalled = bundles.filter((b) => b.project.stalledSince);
    expect(stalled.length).toBeGreaterThan(10);
    for (const { project } of stalled) {
      expect(project.stage).toBe('negotiating');
      const anchor = [project.lastSubstantiveProgressOn, project.stageEnteredOn].filter(Boolean).sort().at(-1)!;
      expect(anchor < '2026-01-01').toBe(true);
    }
  });
});

describe('demo load', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database?.close());

  it('loads ≥300 projects over all five jurisdictions and all nine stages, with reports, in seconds', async () => {
    const started = Date.now();
    const counts = await database.db.transaction((tx) => loadDemoProjects(tx, { today: '2026-03-15' }));
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(counts.projects).toBeGreaterThanOrEqual(300);
    const { db } = database;
    const [stats] = await rows<{ projects: number; stages: number; reports: number; stalled: number }>(
      db,
      sql`select (select count(*)::int from projects) as projects,
                 (select count(distinct stage)::int from projects) as stages,
                 (select count(*)::int from progress_reports) as reports,
                 (select count(*)::int from projects where stalled_since is not null) as stalled`,
    );
    expect(stats).toMatchObject({ projects: counts.projects, stages: 9 });
    expect(stats!.reports).toBeGreaterThan(1000);
    expect(stats!.stalled).toBeGreaterThan(0);
    const perJurisdiction = await rows<{ code: string; n: number }>(
      db,
      sql`select j.code, count(p.id)::int as n
            from (values ('220000'), ('220400'), ('620000'), ('440700'), ('330400')) as j(code)
            join regions r on r.code = j.code
            left join regions h on h.path like r.path || '%'
            left join projects p on p.host_region_code = h.code
           group by j.code`,
    );
    for (const { code, n } of perJurisdiction) expect(n, code).toBeGreaterThan(15);
    // Jilin outside Liaoyuan too, and first units are the seed centres and county governments.
    const [outside] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from projects p join regions h on h.code = p.host_region_code
           where h.path like '/000000/220000/%' and h.path not like '/000000/220000/220400/%'`,
    );
    expect(outside!.n).toBeGreaterThan(0);
    const firstUnits = await rows<{ name: string }>(
      db,
      sql`select distinct u.name from projects p join units u on u.id = p.first_unit_id order by 1`,
    );
    expect(firstUnits.map((u) => u.name)).toEqual(expect.arrayContaining(['东丰县人民政府', '辽源高新区管委会']));
    const [links] = await rows<{ orphans: number; max: number }>(
      db,
      sql`select count(*) filter (where n = 0)::int as orphans, max(n)::int as max
            from (select p.id, count(pe.enterprise_id) as n from projects p
                  left join project_enterprises pe on pe.project_id = p.id group by p.id) x`,
    );
    expect(links).toEqual({ orphans: 0, max: 2 });
    const [counter] = await rows<{ mismatched: number }>(
      db,
      sql`select count(*)::int as mismatched from project_code_counters c
           where c.last <> (select count(*) from projects p
                             where p.host_region_code = c.region_code and p.code like 'ZS-' || c.year || '-%')`,
    );
    expect(counter!.mismatched).toBe(0);
  });
});

describe('benchmark province: library, demand, chains, targets (pure)', () => {
  const provinces = ['220000', '620000'];
  const unitIds = new Map(
    regions
      .filter((r) => r.code.length === 6 && provinces.some((p) => r.path.startsWith(`/000000/${p}/`)))
      .map((r, i) => [r.code, `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`]),
  );
  const unitOf = (code: string) => unitIds.get(code);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const supplySpec = { seed: 7, today: spec.today, items: 2000, regions, provinces, unitOf };
  const supply = generateSupply(supplySpec);
  const world = generateWorld(spec, packs);
  const chainSpec = {
    seed: 7,
    today: spec.today,
    scale: 0.1,
    regions,
    provinces,
    unitOf,
    enterprises: world.enterprises,
    skipCities: new Set(['220400']),
    actorId: null,
  };
  const chainWorld = generateChains(chainSpec);
  const index = new ChainIndex(7, linkableSegments(chainWorld));
  const bundles = take(world, spec.projectCount);

  it('draws the same library for the same seed: exactly the items asked for, in the regions of the two provinces', () => {
    expect(JSON.stringify(generateSupply(supplySpec))).toBe(JSON.stringify(supply));
    expect(JSON.stringify(generateSupply({ ...supplySpec, seed: 8 }).parcels)).not.toBe(JSON.stringify(supply.parcels));
    expect(supply.parcels.length + supply.buildings.length).toBe(2000);
    expect(supply.parcels.length).toBe(1200);
    expect(generateSupply({ ...supplySpec, items: 200 }).parcels.length).toBe(120);
    const items = [...supply.parcels, ...supply.buildings];
    for (const item of items) {
      const region = byCode.get(item.regionCode)!;
      expect(['city', 'county', 'zone']).toContain(region.level);
      expect(provinces.some((p) => region.path.startsWith(`/000000/${p}/`))).toBe(true);
      expect(item.unitId).toBe(unitOf(item.regionCode));
    }
    // Zones hold more than a county; both provinces and every city get some.
    const per = (code: string) => items.filter((i) => i.regionCode === code).length;
    expect(per('2204Z1')).toBeGreaterThan(per('220421'));
    expect(new Set(items.map((i) => cityCodeOf(i.regionCode))).size).toBe(23);
    const codes = items.map((i) => `${i.regionCode}|${i.code}`);
    expect(new Set(codes).size).toBe(codes.length);
    expect(supply.funds.length).toBeGreaterThanOrEqual(3 * 23);
    expect(new Set(supply.quotas.map((q) => q.year))).toEqual(new Set([2025, 2026]));
  });

  it('places every parcel and building inside its own city, spread around it rather than piled on its edge', () => {
    const items = [...supply.parcels, ...supply.buildings];
    let onEdge = 0;
    for (const item of items) {
      const [west, south, east, north] = CITY_BOUNDS[cityCodeOf(item.regionCode)]!;
      const lng = Number(item.lng);
      const lat = Number(item.lat);
      expect(lng, item.name).toBeGreaterThanOrEqual(west);
      expect(lng, item.name).toBeLessThanOrEqual(east);
      expect(lat, item.name).toBeGreaterThanOrEqual(south);
      expect(lat, item.name).toBeLessThanOrEqual(north);
      if ([west, east].includes(lng) || [south, north].includes(lat)) onEdge++;
    }
    expect(onEdge / items.length).toBeLessThan(0.02);
    // 东丰县's items lie near 东丰, not at 辽源's centre: counties are told apart.
    const dongfeng = supply.parcels.filter((p) => p.regionCode === '220421');
    for (const p of dongfeng) expect(Math.abs(Number(p.lng) - 125.53)).toBeLessThan(0.1);
  });

  it('records demand for a share of projects, near their own land demand, in their host region for most', () => {
    const demands = bundles.map((b) => demandFor(7, b.project, byCode, spec.today));
    expect(demands.map((d) => JSON.stringify(d))).toEqual(
      bundles.map((b) => JSON.stringify(demandFor(7, b.project, byCode, spec.today))),
    );
    const recorded = demands.filter((d) => d !== null);
    expect(recorded.length / bundles.length).toBeGreaterThan(0.25);
    expect(recorded.length / bundles.length).toBeLessThan(0.6);
    bundles.forEach((b, i) => {
      const d = demands[i];
      if (!d) return;
      if (['producing', 'achieved', 'terminated'].includes(b.project.stage!)) throw new Error(b.project.stage);
      expect(d.projectId).toBe(b.project.id);
      if (b.project.landDemandMu) {
        const ratio = Number(d.landMu) / Number(b.project.landDemandMu);
        expect(ratio).toBeGreaterThan(0.7);
        expect(ratio).toBeLessThan(1.3);
      } else {
        expect(d.landMu).toBeNull();
        expect(d.buildingM2).toBeGreaterThan(0);
      }
      for (const code of d.preferredRegions ?? []) expect(byCode.has(code)).toBe(true);
    });
    const atHost = bundles.filter((b, k) => demands[k]?.preferredRegions?.[0] === b.project.hostRegionCode);
    expect(atHost.length / recorded.length).toBeGreaterThan(0.7);
  });

  it('gives each province its catalog chains and each city some, none where the seed has them', () => {
    expect(JSON.stringify(generateChains(chainSpec))).toBe(JSON.stringify(chainWorld));
    const regionsOf = new Set(chainWorld.chains.map((c) => c.regionCode));
    expect(regionsOf.has('220000') && regionsOf.has('620000')).toBe(true);
    expect(regionsOf.has('220400')).toBe(false);
    expect(chainWorld.chains.filter((c) => c.regionCode === '220000')).toHaveLength(6);
    for (const city of regions.filter(
      (r) => r.level === 'city' && r.code !== '220400' && provinces.includes(r.parentCode ?? ''),
    )) {
      const n = chainWorld.chains.filter((c) => c.regionCode === city.code).length;
      expect(n, city.name).toBeGreaterThanOrEqual(3);
      expect(n, city.name).toBeLessThanOrEqual(5);
    }
    const names = chainWorld.chains.map((c) => `${c.regionCode}|${c.name}`);
    expect(new Set(names).size).toBe(names.length);
    const chainIds = new Set(chainWorld.chains.map((c) => c.id));
    expect(chainWorld.teams.map((t) => t.chainId).sort()).toEqual([...chainIds].sort());
    for (const s of chainWorld.segments) expect(chainIds.has(s.chainId)).toBe(true);
    // Targets are enterprises of the segment's industry from outside the province, once per segment.
    const segments = new Map(chainWorld.segments.map((s) => [s.id, s]));
    const chainById = new Map(chainWorld.chains.map((c) => [c.id, c]));
    const enterprises = new Map(world.enterprises.map((e) => [e.id, e]));
    expect(chainWorld.targets.length).toBeGreaterThan(100);
    const pairs = new Set<string>();
    for (const t of chainWorld.targets) {
      const segment = segments.get(t.segmentId)!;
      const province = chainById.get(segment.chainId)!.regionCode.slice(0, 2);
      const e = enterprises.get(t.enterpriseId)!;
      expect(segment.strength).not.toBe('strong');
      expect(segment.industryDivisions).toContain(e.industryDivision);
      expect(e.hqRegionCode?.startsWith(province) ?? false).toBe(false);
      pairs.add(`${t.segmentId}|${t.enterpriseId}`);
    }
    expect(pairs.size).toBe(chainWorld.targets.length);
  });

  it('places a share of projects on a chain segment of their industry, in their own city or province', () => {
    let eligible = 0;
    let placed = 0;
    for (const { project } of bundles) {
      const segment = index.segmentFor(project);
      expect(index.segmentFor(project)?.id).toBe(segment?.id);
      const city = cityCodeOf(project.hostRegionCode);
      const province = `${project.hostRegionCode.slice(0, 2)}0000`;
      const any = [...index.byId.values()].some(
        (s) => (s.regionCode === city || s.regionCode === province) && s.divisions.includes(project.industryDivision!),
      );
      if (any) eligible++;
      if (!segment) continue;
      placed++;
      expect([city, province]).toContain(segment.regionCode);
      expect(segment.divisions).toContain(project.industryDivision);
    }
    expect(eligible).toBeGreaterThan(500);
    expect(placed / eligible).toBeGreaterThan(0.45);
    expect(placed / eligible).toBeLessThan(0.65);
  });

  it('sets targets from last year’s actuals and splits them down the tree so the parts add up', () => {
    const actuals = new ActualsByRegion(
      new Set([2022, 2023, 2024, 2025]),
      (id) => world.enterprises.find((e) => e.id === id)?.tags,
      () => undefined,
    );
    for (const b of bundles) actuals.add(b);
    const rolled = actuals.rollUp(byCode);
    const fixed = [{ year: 2025, regionCode: '220000', indicator: 'signedProjects', value: '1000' }];
    const rows = generateTargets({
      years: [2023, 2024, 2025, 2026],
      regions,
      provinces: ['220000'],
      packs,
      fixed,
      actuals: rolled,
    });
    expect(
      JSON.stringify(
        generateTargets({
          years: [2023, 2024, 2025, 2026],
          regions,
          provinces: ['220000'],
          packs,
          fixed,
          actuals: rolled,
        }),
      ),
    ).toBe(JSON.stringify(rows));
    const keys = rows.map((r) => `${r.year}|${r.regionCode}|${r.indicator}`);
    expect(new Set(keys).size).toBe(keys.length);
    const value = (year: number, code: string, indicator: string) =>
      rows.find((r) => r.year === year && r.regionCode === code && r.indicator === indicator)?.value;
    // The province: last year's signed projects of all of 吉林省 plus 10% (no growth in the Jilin pack), rounded up.
    const signed2024 = rolled.get('220000|2024')!.signed!.count;
    expect(signed2024).toBeGreaterThan(10);
    expect(Number(value(2025, '220000', 'signedProjects') ?? fixed[0]!.value)).toBe(1000);
    expect(Number(value(2024, '220000', 'signedProjects'))).toBe(
      Math.ceil(rolled.get('220000|2023')!.signed!.count * 1.1),
    );
    // A document's figure stands and is what the cities share.
    expect(rows.some((r) => r.year === 2025 && r.regionCode === '220000' && r.indicator === 'signedProjects')).toBe(
      false,
    );
    for (const year of [2023, 2024, 2025, 2026]) {
      for (const indicator of ['signedProjects', 'fundsInPlaceWan', 'signedAmountWan']) {
        const province = year === 2025 && indicator === 'signedProjects' ? '1000' : value(year, '220000', indicator);
        if (!province) continue;
        const cities = rows.filter(
          (r) => r.year === year && r.indicator === indicator && byCode.get(r.regionCode)?.parentCode === '220000',
        );
        expect(cities.every((r) => r.origin === 'decomposed')).toBe(true);
        expect(
          cities.reduce((s, r) => s + Number(r.value), 0),
          `${year} ${indicator}`,
        ).toBe(Number(province));
        for (const city of cities) {
          const parts = rows.filter(
            (r) =>
              r.year === year && r.indicator === indicator && byCode.get(r.regionCode)?.parentCode === city.regionCode,
          );
          if (parts.length) expect(parts.reduce((s, r) => s + Number(r.value), 0)).toBe(Number(city.value));
        }
      }
    }
    // The city that signed most last year is given the most (shares round to whole projects).
    const cityTargets = rows.filter(
      (r) => r.year === 2026 && r.indicator === 'signedProjects' && byCode.get(r.regionCode)?.level === 'city',
    );
    const base = (code: string) => rolled.get(`${code}|2025`)?.signed?.count ?? 0;
    const busiest = [...cityTargets].sort((a, b) => base(b.regionCode) - base(a.regionCode))[0]!;
    for (const c of cityTargets) expect(Number(busiest.value) + 1).toBeGreaterThanOrEqual(Number(c.value));
  });
});
