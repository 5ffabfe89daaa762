/**
 * Loads the benchmark province: `npm run bench:data -- --scale 0.1`.
 *
 * Scale 1 = 200,000 projects over five years across every region of 吉林省 and 甘肃省, ~2,000,000
 * monthly reports and 500,000 enterprises, "today" fixed at 2026-06-30. The target is
 * DATABASE_URL (PostgreSQL) or a PGlite directory (DATA_DIR, default ./data-bench). It creates one
 * unit per region and one user per role (password Bench@2025) so the benchmark can sign in:
 *   bench.admin (全国), bench.leader and bench.viewer (吉林省), bench.officer and bench.liaison (辽源市).
 * Besides the projects it writes, for the same regions: industry chains with teams, segments,
 * local enterprises and target enterprises (a share of projects placed on a segment); the factor
 * library (20,000 parcels and buildings at scale 1, funds, zone quotas with allocations); the
 * factor demand of a share of projects; and annual targets per region and indicator, grown from
 * the year before's actuals and split down the tree.
 * Options: --scale N (default 1), --seed N (default 2026), --reset (empty the bench tables first).
 * Prints rows per table and seconds: enterprises, chains, the library and project plans are
 * generated first; projects and their reports are generated while they are written, so
 * writeAllAndReindex covers that plus the library, the targets and the index and summary rebuild.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { insertMany } from '../src/server/db/bulk';
import { rows, openDatabase, type Db } from '../src/server/db/client';
import {
  chainSegments,
  chains,
  chainTeams,
  type Role,
  segmentEnterprises,
  targetEnterprises,
  targets,
  units,
  users,
} from '../src/server/db/schema';
import { hashPassword } from '../src/server/lib/password';
import { loadPolicyPacks } from '../src/server/modules/policies/service';
import { seedDatabase } from '../src/server/seed';
import { chainSegmentsInDb } from '../src/server/seed/demo-chain-links';
import { LIAOYUAN_CHAINS } from '../src/server/seed/chains-liaoyuan';
import { writeFactorRows } from '../src/server/seed/demo-factors';
import { hostsFor } from '../src/server/seed/demo-projects';
import { buildRegionRows } from '../src/server/seed/regions';
import { SEED_TARGETS } from '../src/server/seed/targets';
import { generateWorld, type FirstUnit, type RegionRow, type World } from './generator';
import { ChainIndex, type ChainWorld, generateChains, linkableSegments } from './generator/chains';
import { Rng } from './generator/random';
import { demandFor, generateSupply, SUPPLY_ITEMS_AT_SCALE_1 } from './generator/supply';
import { ActualsByRegion, generateTargets } from './generator/targets';
import { asBulkLoad, insertBatches, writeWorld } from './generator/writer';

export const BENCH_PASSWORD = 'Bench@2025';
export const BENCH_TODAY = '2026-06-30';
const WINDOW_YEARS = 5;
const PROVINCE_CODES = ['220000', '620000'];
const PROVINCES = PROVINCE_CODES.map((code) => `/000000/${code}/`);
/** The city whose chains the seed writes (chains-liaoyuan.ts): the bench keeps them and adds none there. */
const SEEDED_CHAIN_REGION = '220400';

/** Benchmark accounts: one per role, at 吉林省 and 辽源市 (admin at the root sees everything). */
export const BENCH_USERS: ReadonlyArray<{ username: string; role: Role; regionCode: string; displayName: string }> = [
  { username: 'bench.admin', role: 'admin', regionCode: '000000', displayName: '压测 管理员' },
  { username: 'bench.leader', role: 'leader', regionCode: '220000', displayName: '压测 吉林省领导' },
  { username: 'bench.viewer', role: 'viewer', regionCode: '220000', displayName: '压测 吉林省观察员' },
  { username: 'bench.officer', role: 'officer', regionCode: '220400', displayName: '压测 辽源市干部' },
  { username: 'bench.liaison', role: 'liaison', regionCode: '220400', displayName: '压测 辽源市联络员' },
];

function unitName(region: RegionRow): string {
  return region.level === 'zone' ? `${region.name}管委会` : `${region.name}投资促进中心`;
}

/** One investment promotion unit per region of the two provinces (existing seed units reused). */
async function ensureRegionUnits(db: Db, regions: readonly RegionRow[]): Promise<Map<string, string>> {
  const wanted = regions.filter((r) => PROVINCES.some((p) => r.path.startsWith(p)) && r.code.length === 6);
  const values = wanted.map((r) => ({
    name: unitName(r),
    nameEn: `${r.nameEn} Investment Promotion`,
    kind: r.level === 'zone' ? ('zone_committee' as const) : ('centre' as const),
    regionCode: r.code,
  }));
  for (let i = 0; i < values.length; i += 200) {
    await db
      .insert(units)
      .values(values.slice(i, i + 200))
      .onConflictDoNothing();
  }
  const all = await db.select({ id: units.id, name: units.name, regionCode: units.regionCode }).from(units);
  const byRegion = new Map<string, string>();
  for (const r of wanted) {
    const unit = all.find((u) => u.regionCode === r.code && u.name === unitName(r));
    if (unit) byRegion.set(r.code, unit.id);
  }
  return byRegion;
}

async function ensureBenchUsers(db: Db, unitByRegion: Map<string, string>): Promise<Map<string, string>> {
  const [root] = await rows<{ id: string }>(db, sql`select id from units where region_code = '000000' limit 1`);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await db
    .insert(users)
    .values(
      BENCH_USERS.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        unitId: u.regionCode === '000000' ? root!.id : unitByRegion.get(u.regionCode)!,
        passwordHash,
      })),
    )
    .onConflictDoNothing();
  const found = await rows<{ id: string; username: string }>(
    db,
    sql`select id, username from users where username like 'bench.%'`,
  );
  return new Map(found.map((u) => [u.username, u.id]));
}

/** Every table the bench data fills, parents first: the summary counts them and --reset empties them. */
const TABLES = [
  'files',
  'enterprises',
  'chains',
  'chain_teams',
  'chain_segments',
  'segment_enterprises',
  'target_enterprises',
  'projects',
  'project_enterprises',
  'project_transitions',
  'progress_reports',
  'project_code_counters',
  'project_demands',
  'parcels',
  'buildings',
  'funds',
  'zone_quotas',
  'quota_allocations',
  'targets',
] as const;

/** Tables the seed writes into too, emptied by deleting only the generated rows: the seed's chains, teams and segments, the documents' targets. */
const PARTLY_SEEDED = new Set<string>(['chains', 'chain_teams', 'chain_segments', 'targets']);

/**
 * Empties what an earlier load wrote, keeping what the seed wrote (its marker is set, so it would
 * not write it again): Liaoyuan's chains with their segments, and the targets of the documents.
 * Emptying the enterprises empties segment_enterprises too, so the seed's chain owners are put back.
 */
async function clearBenchData(db: Db): Promise<void> {
  await db.execute(sql`delete from targets where origin <> 'seed'`);
  const truncated = TABLES.filter((t) => !PARTLY_SEEDED.has(t));
  await db.execute(sql.raw(`truncate ${[...truncated].reverse().join(', ')} cascade`));
  const seededNames = sql.join(
    LIAOYUAN_CHAINS.map((c) => sql`${c.name}`),
    sql`, `,
  );
  await db.execute(
    sql`delete from chains where not (region_code = ${SEEDED_CHAIN_REGION} and name in (${seededNames}))`,
  );
  const owners: { chain: string; segment: string; owner: string }[] = [];
  const walk = (chain: string, segments: (typeof LIAOYUAN_CHAINS)[number]['segments']) => {
    for (const s of segments) {
      for (const owner of s.owners ?? []) owners.push({ chain, segment: s.name, owner });
      if (s.children) walk(chain, s.children);
    }
  };
  for (const c of LIAOYUAN_CHAINS) walk(c.name, c.segments);
  await db.execute(
    sql`insert into segment_enterprises (segment_id, name, role)
        select s.id, v.owner, 'owner' from jsonb_to_recordset(${JSON.stringify(owners)}::jsonb)
          as v(chain text, segment text, owner text)
        join chains c on c.region_code = ${SEEDED_CHAIN_REGION} and c.name = v.chain
        join chain_segments s on s.chain_id = c.id and s.name = v.segment
        on conflict do nothing`,
  );
}

/** The segments the seed wrote (Liaoyuan's chains), which projects of their city are placed on too. */
async function writeChains(db: Db, world: ChainWorld): Promise<void> {
  await insertBatches(db, chains, world.chains);
  await insertBatches(db, chainTeams, world.teams);
  await insertBatches(db, chainSegments, world.segments);
  await insertBatches(db, segmentEnterprises, world.segmentEnterprises);
  await insertBatches(db, targetEnterprises, world.targets);
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '2026' },
      reset: { type: 'boolean', default: false },
    },
  });
  const scale = Number(args.scale);
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be a number in (0, 10], got ${args.scale}`);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data-bench';
  const started = performance.now();
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  const { db } = database;
  try {
    console.log(`bench:data scale ${scale} → ${databaseUrl ? 'PostgreSQL' : `PGlite ${dataDir}`}`);
    await seedDatabase(db, { adminPassword: BENCH_PASSWORD, demoPassword: BENCH_PASSWORD, demo: false });
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from projects`);
    if (n > 0 && !args.reset) {
      throw new Error(`the database already holds ${n} projects: pass --reset, or use an empty DATA_DIR / database`);
    }
    // Also without --reset: a database with no projects may still hold an earlier load's chains or library.
    await clearBenchData(db);

    const regions = buildRegionRows();
    const regionByCode = new Map(regions.map((r) => [r.code, r]));
    const unitByRegion = await ensureRegionUnits(db, regions);
    const people = await ensureBenchUsers(db, unitByRegion);
    const actorId = people.get('bench.officer') ?? null;
    const firstUnits: FirstUnit[] = [...unitByRegion].map(([code, id]) => {
      const region = regionByCode.get(code)!;
      const { home, others } = hostsFor(region, regions);
      // Busy and quiet places: cities weigh more than counties, and counties differ among themselves.
      const base = region.level === 'province' ? 3 : region.level === 'city' ? 8 : 4;
      const weight = base * (0.5 + Rng.for(Number(args.seed), 'unit-weight', Number.parseInt(code, 36)).next());
      return { id, name: unitName(region), regionCode: code, weight, homeRegion: home, otherHosts: others, actorId };
    });

    const genStarted = performance.now();
    const world = generateWorld(
      {
        seed: Number(args.seed),
        today: BENCH_TODAY,
        windowYears: WINDOW_YEARS,
        projectCount: Math.round(200_000 * scale),
        enterpriseCount: Math.round(500_000 * scale),
        regions,
        units: firstUnits,
        crossRegionShare: 0.095,
      },
      loadPolicyPacks(),
    );
    const seed = Number(args.seed);
    const unitOf = (code: string) => unitByRegion.get(code);
    const seeded = await chainSegmentsInDb(db);
    const chainWorld = generateChains({
      seed,
      today: BENCH_TODAY,
      scale,
      regions,
      provinces: PROVINCE_CODES,
      unitOf,
      enterprises: world.enterprises,
      skipCities: new Set(seeded.map((s) => s.regionCode)),
      actorId,
    });
    const chainIndex = new ChainIndex(seed, [...linkableSegments(chainWorld), ...seeded]);
    const supply = generateSupply({
      seed,
      today: BENCH_TODAY,
      items: Math.round(SUPPLY_ITEMS_AT_SCALE_1 * scale),
      regions,
      provinces: PROVINCE_CODES,
      unitOf,
    });
    // Targets for every year whose year before lies wholly inside the window.
    const todayYear = Number(BENCH_TODAY.slice(0, 4));
    const targetYears: number[] = [];
    for (let y = todayYear - WINDOW_YEARS + 2; y <= todayYear; y++) targetYears.push(y);
    const tagsOf = new Map(world.enterprises.map((e) => [e.id, e.tags]));
    const actuals = new ActualsByRegion(
      new Set(targetYears.map((y) => y - 1)),
      (id) => tagsOf.get(id),
      (id) => chainIndex.byId.get(id),
    );
    // Each project as it streams past: placed on a chain segment, given its demand, counted for the targets.
    const placed: World = {
      ...world,
      *projects() {
        for (const bundle of world.projects()) {
          bundle.project.chainNodeId = chainIndex.segmentFor(bundle.project)?.id ?? null;
          bundle.demand = demandFor(seed, bundle.project, regionByCode, BENCH_TODAY);
          actuals.add(bundle);
          yield bundle;
        }
      },
    };
    const genSeconds = (performance.now() - genStarted) / 1000;
    const writeStarted = performance.now();
    let lastLog = 0;
    let supplySeconds = 0;
    // One transaction: PGlite would otherwise flush to disk after every statement.
    const bulk = await db.transaction((tx) =>
      asBulkLoad(tx, async () => {
        const written = await writeWorld(tx, placed, {
          beforeProjects: () => writeChains(tx, chainWorld),
          onProgress: (done) => {
            if (done - lastLog >= 20_000) {
              lastLog = done;
              console.log(`  … ${done} projects (${((performance.now() - writeStarted) / 1000).toFixed(1)} s)`);
            }
          },
        });
        const supplyStarted = performance.now();
        const library = await writeFactorRows(tx, supply);
        const targetRows = generateTargets({
          years: targetYears,
          regions,
          provinces: PROVINCE_CODES,
          packs: loadPolicyPacks(),
          fixed: SEED_TARGETS,
          actuals: actuals.rollUp(regionByCode),
        });
        await insertMany(tx, targets, targetRows, { onConflictDoNothing: true });
        supplySeconds = (performance.now() - supplyStarted) / 1000;
        return {
          ...written,
          chains: chainWorld.chains.length,
          chain_segments: chainWorld.segments.length,
          target_enterprises: chainWorld.targets.length,
          ...library,
          targets: targetRows.length,
        };
      }),
    );
    const counts = bulk.result;
    console.log(
      `  indexes rebuilt: ${bulk.indexes.length}; triggers paused: ${bulk.triggers.length}` +
        (bulk.summariesRebuilt ? '; summaries rebuilt' : ''),
    );
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    const analyzeStarted = performance.now();
    await db.execute(sql`analyze`);
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;

    const table = await Promise.all(
      TABLES.map(async (t) => {
        const [{ n: count } = { n: 0 }] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${t}`));
        return { table: t, rows: count };
      }),
    );
    console.table(table);
    console.log(
      JSON.stringify({
        scale,
        engine: database.engine,
        written: counts,
        seconds: {
          generateEnterprisesChainsLibraryAndPlans: +genSeconds.toFixed(2),
          writeAllAndReindex: +writeSeconds.toFixed(2),
          ofWhichLibraryAndTargets: +supplySeconds.toFixed(2),
          analyze: +analyzeSeconds.toFixed(2),
          total: +((performance.now() - started) / 1000).toFixed(2),
          // CPU of this process (PGlite runs inside it): comparable across busy and idle machines.
          processCpu: +((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(2),
        },
        users: BENCH_USERS.map((u) => u.username),
        password: BENCH_PASSWORD,
      }),
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  // A failed batch's message holds its whole INSERT: show its start and the database's reason.
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `\n${error.cause.message}` : '';
  console.error(message.slice(0, 400) + cause);
  process.exit(1);
});
