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
import { generateWorld, type FirstUnit, type ProjectBundle, type WorldSpec } from './index';

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
