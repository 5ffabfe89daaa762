/**
 * Loads the benchmark province: `npm run bench:data -- --scale 0.1`.
 *
 * Scale 1 = 200,000 projects over five years across every region of 吉林省 and 甘肃省, ~2,000,000
 * monthly reports and 500,000 enterprises, "today" fixed at 2026-06-30. The target is
 * DATABASE_URL (PostgreSQL) or a PGlite directory (DATA_DIR, default ./data-bench). It creates one
 * unit per region and one user per role (password Bench@2025) so the benchmark can sign in:
 *   bench.admin (全国), bench.leader and bench.viewer (吉林省), bench.officer and bench.liaison (辽源市).
 * Options: --scale N (default 1), --seed N (default 2026), --reset (empty the project tables first).
 * Prints rows per table and seconds: enterprises and project plans are generated first; projects
 * and their reports are generated while they are written, so writeAllAndReindex covers that plus
 * the index and summary rebuild at the end.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { rows, openDatabase, type Db } from '../src/server/db/client';
import { type Role, units, users } from '../src/server/db/schema';
import { hashPassword } from '../src/server/lib/password';
import { loadPolicyPacks } from '../src/server/modules/policies/service';
import { seedDatabase } from '../src/server/seed';
import { hostsFor } from '../src/server/seed/demo-projects';
import { buildRegionRows } from '../src/server/seed/regions';
import { generateWorld, type FirstUnit, type RegionRow } from './generator';
import { Rng } from './generator/random';
import { asBulkLoad, writeWorld } from './generator/writer';

export const BENCH_PASSWORD = 'Bench@2025';
export const BENCH_TODAY = '2026-06-30';
const PROVINCES = ['/000000/220000/', '/000000/620000/'];

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

const TABLES = [
  'files',
  'enterprises',
  'projects',
  'project_enterprises',
  'project_transitions',
  'progress_reports',
  'project_code_counters',
] as const;

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
    if (args.reset) {
      await db.execute(sql.raw(`truncate ${[...TABLES].reverse().join(', ')} cascade`));
    }

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
        windowYears: 5,
        projectCount: Math.round(200_000 * scale),
        enterpriseCount: Math.round(500_000 * scale),
        regions,
        units: firstUnits,
        crossRegionShare: 0.095,
      },
      loadPolicyPacks(),
    );
    const genSeconds = (performance.now() - genStarted) / 1000;
    const writeStarted = performance.now();
    let lastLog = 0;
    // One transaction: PGlite would otherwise flush to disk after every statement.
    const bulk = await db.transaction((tx) =>
      asBulkLoad(tx, () =>
        writeWorld(tx, world, {
          onProgress: (done) => {
            if (done - lastLog >= 20_000) {
              lastLog = done;
              console.log(`  … ${done} projects (${((performance.now() - writeStarted) / 1000).toFixed(1)} s)`);
            }
          },
        }),
      ),
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
          generateEnterprisesAndPlans: +genSeconds.toFixed(2),
          writeAllAndReindex: +writeSeconds.toFixed(2),
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
