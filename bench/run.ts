/**
 * `npm run bench` — the API against the bare database, on PostgreSQL and on PGlite.
 *
 * For each engine: make sure the bench data is there (bench/data.ts at --scale), boot the real app
 * (buildApp) in this process on a random port of 127.0.0.1, sign in as a city-level officer, and
 * for each endpoint of bench/endpoints.ts run autocannon from a worker thread at 50 connections
 * (throughput) and at 1 connection (latency), then the same SQL the repository runs, straight
 * through the driver, as many times. Prints a table and writes bench/results/latest.json.
 *
 *   npm run bench                         scale 0.01, both engines (a few minutes)
 *   npm run bench -- --scale 0.1          a city's worth of a province (≈10⁴ projects)
 *   npm run bench -- --scale 1            a province (≈10⁵ projects, 10⁶ reports)
 *   npm run bench -- --engines postgres --only list --duration 10
 *   npm run bench -- --only import        only the ledger import (10,000 rows; --import-rows N)
 *
 * After the endpoints, each engine imports a 10,000-row project ledger through the import
 * endpoint (bench/lib/ledger.ts), timed end to end, checked row by row and removed again.
 * `--only` picks endpoints (and the import) by a part of their name (several, comma-separated); `--out FILE` writes the
 * results elsewhere than bench/results/latest.json (for partial runs).
 *
 * DATABASE_URL (default postgres://postgres@127.0.0.1:5432/zs_bench) and BENCH_DATA_DIR (default
 * ./data-bench) name the databases; `--fresh` drops them and generates the data again.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Worker } from 'node:worker_threads';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { type Database, type Engine, openDatabase } from '../src/server/db/client';
import { sessionIdOf } from '../src/server/modules/auth/service';
import { type BenchEndpoint, ENDPOINTS } from './endpoints';
import { benchConfig, drain, trackInflight } from './lib/app-config';
import { BUNDLE_GOAL_BYTES, type BundleReport, measureBundle, printBundle } from './lib/bundle';
import { type BenchContext, buildContext, findBenchUser } from './lib/context';
import {
  benchImport,
  IMPORT_BENCH_NAME,
  IMPORT_GOAL_ROWS,
  IMPORT_GOAL_SEC,
  type ImportBenchResult,
} from './lib/ledger';
import type { HttpRequestSpec, LoadJob, LoadResult } from './lib/load';
import { machineInfo } from './lib/machine';
import { rawDriver, runPlan, runSql, type SqlRunResult } from './lib/sql';
import { fmt, ratio } from './lib/stats';
import { runTsWorker, startTsWorker } from './lib/worker';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOAD_WORKER = new URL('./lib/load.ts', import.meta.url);
const INSTANCE_WORKER = new URL('./lib/instance.ts', import.meta.url);
const BENCH_PASSWORD = process.env.BENCH_PASSWORD ?? 'Bench@2025';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.01' },
    engines: { type: 'string', default: 'postgres,pglite' },
    only: { type: 'string' },
    user: { type: 'string', default: 'bench.officer' },
    connections: { type: 'string', default: '50' },
    'latency-connections': { type: 'string', default: '1' },
    duration: { type: 'string', default: '5' },
    'latency-duration': { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    'scale-out': { type: 'boolean', default: true },
    'no-scale-out': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    'import-rows': { type: 'string', default: String(IMPORT_GOAL_ROWS) },
    out: { type: 'string', default: path.join(ROOT, 'bench/results/latest.json') },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

const opts = {
  scale: Number(args.scale),
  engines: args.engines.split(',').map((e) => e.trim()) as Engine[],
  connections: Number(args.connections),
  latencyConnections: Number(args['latency-connections']),
  durationSec: Number(args.duration),
  latencyDurationSec: Number(args['latency-duration']),
  warmupSec: Number(args.warmup),
  scaleOut: args['scale-out'] && !args['no-scale-out'],
  importRows: Number(args['import-rows']),
};
for (const [key, value] of Object.entries(opts)) {
  if (typeof value === 'number' && !(value > 0)) throw new Error(`--${key} must be a positive number`);
}
for (const engine of opts.engines) {
  if (engine !== 'postgres' && engine !== 'pglite') throw new Error(`--engines: unknown engine ${engine}`);
}

const onlyParts = args.only?.split(',').map((s) => s.trim()) ?? [];
const picked = (name: string) => !onlyParts.length || onlyParts.some((part) => name.includes(part));
const endpoints = ENDPOINTS.filter((e) => picked(e.name));
const runImport = picked(IMPORT_BENCH_NAME);

// ------------------------------------------------------------------ results

interface EndpointResult {
  name: string;
  method: string;
  read: boolean;
  status: 'ok' | 'not available' | 'failed';
  detail?: string;
  throughput?: LoadResult;
  latency?: LoadResult;
  sql?: SqlRunResult;
  /** Reads only: the same SQL at the API's throughput concurrency, the database's own ceiling. */
  sqlLoaded?: SqlRunResult;
  /**
   * Worst event-loop stall of the server thread (ms): `stallMs` while one connection sends requests
   * one after another, so a long synchronous step (an in-thread query) shows as itself;
   * `stallMsLoaded` at full load, where it also holds the queue of the other connections' work.
   */
  stallMs?: number;
  stallMsLoaded?: number;
  /** The longest garbage-collection pause of the server thread in each of those two phases (ms). */
  gcPauseMs?: number;
  gcPauseMsLoaded?: number;
}

/** Garbage-collection pauses of this thread (where the server runs), kept to explain the stalls. */
const gcPauses: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ entryTypes: ['gc'] });

/** The longest GC pause that began in [from, to] (performance.now() times). */
function longestGcPause(from: number, to: number): number {
  return Math.max(0, ...gcPauses.filter((p) => p.start >= from && p.start <= to).map((p) => p.end - p.start));
}

interface EngineResult {
  engine: Engine;
  target: string;
  user: { username: string; role: string; region: string };
  visibleProjects: number;
  visibleEnterprises: number;
  dataGeneratedSec?: number;
  /** The session lookup every authenticated request makes before its own queries. */
  sessionLookup: SqlRunResult;
  endpoints: EndpointResult[];
  /** The ledger import (absent when --only leaves it out). */
  import?: ImportBenchResult;
}

interface ScaleOutResult {
  endpoint: string;
  oneInstance?: LoadResult;
  twoInstances?: LoadResult;
}

// ------------------------------------------------------------------ databases

function postgresUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zs_bench';
}

function pgliteDir(): string {
  return path.resolve(process.env.BENCH_DATA_DIR ?? path.join(ROOT, 'data-bench'));
}

/** Creates the PostgreSQL database (C.UTF-8, so Chinese search works) when it is missing. */
async function ensurePostgresDatabase(url: string, fresh: boolean): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`DATABASE_URL: database name ${name} is not a plain identifier`);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    if (fresh) await admin.query(`drop database if exists ${name} with (force)`);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await admin.query(
        `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
      );
    }
  } finally {
    await admin.end();
  }
}

function openEngine(engine: Engine): Promise<Database> {
  return engine === 'postgres' ? openDatabase({ databaseUrl: postgresUrl() }) : openDatabase({ dataDir: pgliteDir() });
}

/** bench/data.ts writes round(200,000 × scale) projects (scale 1: a province's worth, two provinces). */
const projectsAtScale = (scale: number) => Math.round(200_000 * scale);

/** Runs the data generator (another process: PGlite's directory can have one owner at a time). */
function generate(engine: Engine, reset: boolean): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (engine === 'postgres') env.DATABASE_URL = postgresUrl();
  else {
    delete env.DATABASE_URL;
    env.DATA_DIR = pgliteDir();
  }
  console.log(`  generating bench data at scale ${opts.scale} (bench/data.ts${reset ? ' --reset' : ''}) …`);
  const argv = ['--import', 'tsx', path.join(ROOT, 'bench/data.ts'), '--scale', String(opts.scale)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, reset ? [...argv, '--reset'] : argv, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench/data.ts exited with ${code}`))));
  });
}

/**
 * Makes sure the engine's database holds the bench data of --scale (generating it, or generating
 * it again when it holds another scale); returns how long generating took, if it had to.
 */
async function prepare(engine: Engine): Promise<number | undefined> {
  if (engine === 'postgres') await ensurePostgresDatabase(postgresUrl(), args.fresh);
  else if (args.fresh) fs.rmSync(pgliteDir(), { recursive: true, force: true });
  const database = await openEngine(engine);
  let count = 0;
  let hasUser = false;
  let hasLibrary = false;
  try {
    const driver = rawDriver(database);
    const { rows } = await driver.query(
      'select (select count(*) from projects)::int as n, exists (select 1 from parcels) as parcels',
    );
    count = Number(rows[0]?.n ?? 0);
    hasLibrary = Boolean(rows[0]?.parcels);
    hasUser = Boolean(await findBenchUser(driver, args.user));
  } finally {
    await database.close();
  }
  if (count === projectsAtScale(opts.scale) && hasUser && hasLibrary) return undefined;
  if (count > 0 && count !== projectsAtScale(opts.scale))
    console.log(`  the database holds ${count} projects, not ${projectsAtScale(opts.scale)}: regenerating`);
  else if (count > 0 && !hasLibrary)
    console.log('  the database has no factor library, chains or targets (generated before they were): regenerating');
  const started = Date.now();
  await generate(engine, count > 0);
  return (Date.now() - started) / 1000;
}

// ------------------------------------------------------------------ HTTP

interface Session {
  baseUrl: string;
  headers: Record<string, string>;
  /** Requests the server(s) behind `baseUrl` are still working on. */
  inflight: () => number | Promise<number>;
}

async function signIn(baseUrl: string, inflight: Session['inflight']): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: args.user, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${args.user} failed: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    baseUrl,
    inflight,
    headers: { cookie, 'x-csrf-token': me.csrfToken, 'accept-language': 'zh-CN' },
  };
}

function requestOf(endpoint: BenchEndpoint, ctx: BenchContext, i: number): HttpRequestSpec {
  const body = endpoint.body?.(ctx, i);
  return {
    method: endpoint.method,
    path: endpoint.path(ctx, i),
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

async function send(session: Session, spec: HttpRequestSpec): Promise<{ status: number; text: string }> {
  const res = await fetch(`${session.baseUrl}${spec.path}`, {
    method: spec.method,
    headers: spec.body === undefined ? session.headers : { ...session.headers, 'content-type': 'application/json' },
    body: spec.body,
  });
  return { status: res.status, text: await res.text() };
}

/** The requests a run cycles through, grouped so a connection sends a cycle in order. */
function sequencesOf(endpoint: BenchEndpoint, ctx: BenchContext): HttpRequestSpec[][] {
  const cycle = endpoint.cycle ?? 1;
  return Array.from({ length: 1000 }, (_, s) =>
    Array.from({ length: cycle }, (_, k) => requestOf(endpoint, ctx, s * cycle + k)),
  );
}

/** One load run; resolves once the server has answered everything it was sent. */
async function load(
  targets: string[],
  session: Session,
  sequences: HttpRequestSpec[][],
  connections: number,
  durationSec: number,
): Promise<LoadResult> {
  const job: LoadJob = { targets, connections, durationSec, headers: session.headers, sequences };
  const result = await runTsWorker<LoadResult>(LOAD_WORKER, job);
  await drain(session.inflight);
  return result;
}

/** A run cut off by its time limit can leave a pair half done (a project left at intent): finish it. */
async function settle(endpoint: BenchEndpoint, ctx: BenchContext, session: Session, database: Database) {
  if (!endpoint.name.startsWith('transition')) return;
  const { rows } = await rawDriver(database).query(
    `select id from projects where id = any($1::uuid[]) and stage = 'intent'`,
    [ctx.transitionIds],
  );
  for (const r of rows) {
    const index = ctx.transitionIds.indexOf(String(r.id));
    await send(session, requestOf(endpoint, ctx, index * 2 + 1));
  }
}

// ------------------------------------------------------------------ one engine

function problemText(text: string): string {
  try {
    const p = JSON.parse(text) as { code?: string; detail?: string; errors?: { field: string; en?: string }[] };
    return [p.code, p.detail, ...(p.errors ?? []).map((e) => `${e.field}: ${e.en ?? ''}`)].filter(Boolean).join(' — ');
  } catch {
    return text.slice(0, 200);
  }
}

/** One cycle of requests: is the route there, and does it answer 2xx for this user? */
async function probe(
  endpoint: BenchEndpoint,
  ctx: BenchContext,
  session: Session,
): Promise<{ status: EndpointResult['status']; detail?: string }> {
  for (let k = 0; k < (endpoint.cycle ?? 1); k++) {
    const res = await send(session, requestOf(endpoint, ctx, k));
    if (res.status === 404 && res.text.includes('ROUTE_NOT_FOUND')) return { status: 'not available' };
    if (res.status >= 300) return { status: 'failed', detail: `${res.status} ${problemText(res.text)}` };
  }
  return { status: 'ok' };
}

async function benchEndpoint(
  endpoint: BenchEndpoint,
  ctx: BenchContext,
  session: Session,
  database: Database,
): Promise<EndpointResult> {
  const result: EndpointResult = {
    name: endpoint.name,
    method: endpoint.method,
    read: endpoint.read ?? false,
    status: 'ok',
  };
  const cycle = endpoint.cycle ?? 1;
  const since = new Date(Date.now() - 1000);
  const probed = await probe(endpoint, ctx, session);
  if (probed.status !== 'ok') {
    await settle(endpoint, ctx, session, database);
    return { ...result, ...probed };
  }
  const sequences = sequencesOf(endpoint, ctx);
  const targets = [session.baseUrl];
  const loaded = monitorEventLoopDelay({ resolution: 10 });
  const single = monitorEventLoopDelay({ resolution: 10 });

  await load(targets, session, sequences, opts.connections, opts.warmupSec);
  await settle(endpoint, ctx, session, database);
  const loadedFrom = performance.now();
  loaded.enable();
  result.throughput = await load(targets, session, sequences, opts.connections, opts.durationSec);
  loaded.disable();
  result.gcPauseMsLoaded = longestGcPause(loadedFrom, performance.now());
  await settle(endpoint, ctx, session, database);
  const singleFrom = performance.now();
  single.enable();
  result.latency = await load(targets, session, sequences, opts.latencyConnections, opts.latencyDurationSec);
  single.disable();
  result.gcPauseMs = longestGcPause(singleFrom, performance.now());
  await settle(endpoint, ctx, session, database);
  result.stallMs = single.max / 1e6;
  result.stallMsLoaded = loaded.max / 1e6;

  const count = Math.max(cycle * 50, Math.min(result.latency.ok + result.latency.non2xx, 20_000));
  result.sql = await runSql(
    rawDriver(database),
    (i) => endpoint.sql(ctx, i),
    count - (count % cycle),
    opts.latencyConnections,
    cycle,
  );
  if (endpoint.read) {
    const loadedCount = Math.max(200, Math.min(result.throughput.ok, 20_000));
    result.sqlLoaded = await runSql(rawDriver(database), (i) => endpoint.sql(ctx, i), loadedCount, opts.connections);
  }
  if (endpoint.cleanup) await runPlan(rawDriver(database), endpoint.cleanup(ctx, since));
  return result;
}

async function benchEngine(engine: Engine): Promise<EngineResult> {
  const target = engine === 'postgres' ? postgresUrl().replace(/\/\/[^@]*@/, '//') : path.relative(ROOT, pgliteDir());
  console.log(`\n▶ ${engine} (${target})`);
  const dataGeneratedSec = await prepare(engine);
  const database = await openEngine(engine);
  const app = await buildApp({
    database,
    config: benchConfig(engine === 'postgres' ? { DATABASE_URL: postgresUrl() } : { DATA_DIR: pgliteDir() }),
    logger: false,
  });
  const inflight = trackInflight(app);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const session = await signIn(baseUrl, inflight);
    const user = await findBenchUser(rawDriver(database), args.user);
    if (!user) throw new Error(`no user ${args.user}`);
    const ctx = await buildContext(rawDriver(database), user);
    console.log(
      `  signed in as ${user.username} (${user.role}, ${user.regionName} ${user.regionCode}, ${user.regionLevel}); ` +
        `sees ${ctx.visibleProjects} projects, ${ctx.visibleEnterprises} enterprises`,
    );
    const token = /zs_session=([^;]+)/.exec(session.headers.cookie ?? '')?.[1] ?? '';
    const sessionLookup = await runSql(
      rawDriver(database),
      () => ({
        steps: [
          {
            // Prepared, as the app's session read is (auth/repository.ts).
            name: 'bench_auth_find_session',
            text: `select * from sessions s join users u on u.id = s.user_id join units on units.id = u.unit_id
                   join regions on regions.code = units.region_code
                   where s.id = $1 and s.expires_at > now() and u.active limit 1`,
            params: [sessionIdOf(decodeURIComponent(token))],
          },
        ],
      }),
      500,
      1,
    );
    console.log(`  session lookup (every request): p50 ${fmt(sessionLookup.latency.p50)} ms`);
    const results: EndpointResult[] = [];
    for (const endpoint of endpoints) {
      process.stdout.write(`  ${endpoint.name} … `);
      const r = await benchEndpoint(endpoint, ctx, session, database);
      results.push(r);
      console.log(
        r.status === 'ok'
          ? `${fmt(r.throughput!.rps, 0)} req/s, p50 ${fmt(r.latency!.latency.p50)} ms, SQL p50 ${fmt(r.sql!.latency.p50)} ms` +
              (r.throughput!.non2xx + r.latency!.non2xx
                ? `, non-2xx ${r.throughput!.non2xx + r.latency!.non2xx}`
                : '') +
              (r.sql!.errors ? `, SQL errors ${r.sql!.errors} (${r.sql!.firstError})` : '')
          : `${r.status}${r.detail ? `: ${r.detail}` : ''}`,
      );
    }
    let imported: ImportBenchResult | undefined;
    if (runImport) {
      process.stdout.write(`  ${IMPORT_BENCH_NAME.replace('10,000', opts.importRows.toLocaleString('en'))} … `);
      imported = await benchImport(session, rawDriver(database), user, opts.importRows).catch(
        (err: unknown): ImportBenchResult => ({
          name: IMPORT_BENCH_NAME,
          rows: opts.importRows,
          status: 'failed',
          detail: err instanceof Error ? err.message : String(err),
        }),
      );
      console.log(
        imported.status === 'ok'
          ? `${fmt(imported.importSec, 2)} s (${imported.verified} rows checked; ` +
              `template filled in ${fmt(imported.buildSec, 1)} s, ${fmt(imported.fileBytes! / 1024, 0)} KB; ` +
              `removed in ${fmt(imported.cleanupSec, 1)} s)`
          : `failed: ${imported.detail ?? ''}`,
      );
    }
    return {
      engine,
      target,
      user: { username: user.username, role: user.role, region: `${user.regionName} ${user.regionCode}` },
      visibleProjects: ctx.visibleProjects,
      visibleEnterprises: ctx.visibleEnterprises,
      dataGeneratedSec,
      sessionLookup,
      endpoints: results,
      import: imported,
    };
  } finally {
    await app.close();
    await database.close();
  }
}

// ------------------------------------------------------------------ two instances on one PostgreSQL

function startInstance(databaseUrl: string): Promise<{ worker: Worker; baseUrl: string }> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(INSTANCE_WORKER, { databaseUrl });
    worker.once('message', (m: { port: number }) => resolve({ worker, baseUrl: `http://127.0.0.1:${m.port}` }));
    worker.once('error', reject);
  });
}

function instanceInflight(instance: { worker: Worker }): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: { inflight?: number }) => {
      if (m.inflight === undefined) return;
      instance.worker.off('message', onMessage);
      resolve(m.inflight);
    };
    instance.worker.on('message', onMessage);
    instance.worker.postMessage('inflight');
  });
}

function stopInstance(instance: { worker: Worker }): Promise<void> {
  return new Promise((resolve) => {
    instance.worker.once('message', () => void instance.worker.terminate().then(() => resolve()));
    instance.worker.postMessage('close');
  });
}

async function benchScaleOut(): Promise<ScaleOutResult[]> {
  console.log('\n▶ scale-out: one vs two server instances (worker threads) on one PostgreSQL');
  const url = postgresUrl();
  const database = await openDatabase({ databaseUrl: url });
  const a = await startInstance(url);
  const b = await startInstance(url);
  const results: ScaleOutResult[] = [];
  try {
    const user = await findBenchUser(rawDriver(database), args.user);
    const ctx = await buildContext(rawDriver(database), user!);
    // Sessions live in the database: one sign-in is valid on both instances.
    const session = await signIn(a.baseUrl, async () => (await instanceInflight(a)) + (await instanceInflight(b)));
    for (const endpoint of endpoints) {
      const since = new Date(Date.now() - 1000);
      if ((await probe(endpoint, ctx, session)).status !== 'ok') {
        await settle(endpoint, ctx, session, database);
        results.push({ endpoint: endpoint.name });
        continue;
      }
      const sequences = sequencesOf(endpoint, ctx);
      await load([a.baseUrl, b.baseUrl], session, sequences, opts.connections, opts.warmupSec);
      await settle(endpoint, ctx, session, database);
      const one = await load([a.baseUrl], session, sequences, opts.connections, opts.durationSec);
      await settle(endpoint, ctx, session, database);
      const two = await load([a.baseUrl, b.baseUrl], session, sequences, opts.connections, opts.durationSec);
      await settle(endpoint, ctx, session, database);
      if (endpoint.cleanup) await runPlan(rawDriver(database), endpoint.cleanup(ctx, since));
      results.push({ endpoint: endpoint.name, oneInstance: one, twoInstances: two });
      console.log(
        `  ${endpoint.name}: 1 instance ${fmt(one.rps, 0)} req/s (p99 ${fmt(one.latency.p99, 1)} ms), ` +
          `2 instances ${fmt(two.rps, 0)} req/s (p99 ${fmt(two.latency.p99, 1)} ms), ×${fmt(ratio(two.rps, one.rps))}`,
      );
    }
  } finally {
    await stopInstance(a);
    await stopInstance(b);
    await database.close();
  }
  return results;
}

// ------------------------------------------------------------------ report

function pad(text: string, width: number, right = false): string {
  const w = [...text].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const space = ' '.repeat(Math.max(0, width - w));
  return right ? space + text : text + space;
}

function table(engines: EngineResult[]): string {
  const head = [
    'endpoint',
    'engine',
    'p50 ms',
    'p99 ms',
    `req/s @${opts.connections}`,
    'SQL p50 ms',
    `SQL/s @${opts.connections}`,
    'API÷SQL',
    'PGlite÷PG',
    'stall ms',
    `stall@${opts.connections}`,
    `GC@${opts.connections}`,
    'non-2xx',
  ];
  const widths = [32, 8, 8, 8, 11, 11, 11, 8, 10, 9, 9, 7, 8];
  const lines = [head.map((h, i) => pad(h, widths[i]!, i > 1)).join(' '), widths.map((w) => '-'.repeat(w)).join(' ')];
  const pgByName = new Map(engines.find((e) => e.engine === 'postgres')?.endpoints.map((r) => [r.name, r]) ?? []);
  for (const endpoint of endpoints) {
    for (const engine of engines) {
      const r = engine.endpoints.find((x) => x.name === endpoint.name);
      if (!r) continue;
      if (r.status !== 'ok') {
        lines.push(
          [pad(r.name, widths[0]!), pad(engine.engine, widths[1]!), r.status + (r.detail ? `: ${r.detail}` : '')].join(
            ' ',
          ),
        );
        continue;
      }
      const pgRow = engine.engine === 'pglite' ? pgByName.get(r.name) : undefined;
      const cells = [
        r.name,
        engine.engine,
        fmt(r.latency!.latency.p50),
        fmt(r.latency!.latency.p99),
        fmt(r.throughput!.rps, 0),
        fmt(r.sql!.latency.p50),
        r.sqlLoaded ? fmt(r.sqlLoaded.iterations / r.sqlLoaded.elapsedSec, 0) : '',
        fmt(ratio(r.latency!.latency.p50, r.sql!.latency.p50)),
        pgRow?.latency ? fmt(ratio(r.latency!.latency.p50, pgRow.latency.latency.p50)) : '',
        fmt(r.stallMs, 0),
        fmt(r.stallMsLoaded, 0),
        fmt(r.gcPauseMsLoaded, 0),
        String(r.throughput!.non2xx + r.latency!.non2xx + r.throughput!.errors + r.latency!.errors),
      ];
      lines.push(cells.map((c, i) => pad(c, widths[i]!, i > 1)).join(' '));
    }
  }
  return lines.join('\n');
}

interface Goal {
  goal: string;
  engine?: Engine;
  measured: string;
  met: boolean | null;
}

function goals(engines: EngineResult[], bundle: BundleReport | undefined): Goal[] {
  const out: Goal[] = [];
  for (const engine of engines) {
    for (const r of engine.endpoints.filter((x) => x.read && x.status === 'ok' && /list|page/.test(x.name))) {
      const overhead = ratio(r.latency!.latency.p50, r.sql!.latency.p50);
      out.push({
        goal: `API ≤ 1.5× raw SQL (p50): ${r.name}`,
        engine: engine.engine,
        measured: `${fmt(overhead)}× (${fmt(r.latency!.latency.p50)} vs ${fmt(r.sql!.latency.p50)} ms)`,
        met: overhead <= 1.5,
      });
    }
    const list = engine.endpoints.find((x) => x.name.startsWith('project list') && x.status === 'ok');
    if (list) {
      out.push({
        goal: `list ≥ 1,000 req/s at ${opts.connections} connections`,
        engine: engine.engine,
        measured:
          `${fmt(list.throughput!.rps, 0)} req/s on ${machineInfo().cores} cores` +
          (list.sqlLoaded
            ? ` (its SQL alone, no HTTP: ${fmt(list.sqlLoaded.iterations / list.sqlLoaded.elapsedSec, 0)}/s)`
            : ''),
        met: list.throughput!.rps >= 1000,
      });
    }
    if (engine.engine === 'pglite') {
      // The embedded engine must not block the server: judged on the worst stall seen, at one connection
      // and at full load (PostgreSQL's loaded figure beside it shows what queueing alone adds).
      const pgEndpoints = engines.find((e) => e.engine === 'postgres')?.endpoints ?? [];
      for (const r of engine.endpoints.filter(
        (x) => x.status === 'ok' && (x.name.startsWith('project list') || x.name === 'dashboard'),
      )) {
        const pgLoaded = pgEndpoints.find((x) => x.name === r.name)?.stallMsLoaded;
        out.push({
          goal: `event-loop stall < 100 ms at scale 0.1 (PGlite, ${r.name})`,
          engine: engine.engine,
          measured:
            `${fmt(r.stallMs, 0)} ms at 1 connection; at ${opts.connections}: ${fmt(r.stallMsLoaded, 0)} ms` +
            ` (longest GC pause ${fmt(r.gcPauseMsLoaded, 0)} ms)` +
            (pgLoaded !== undefined ? ` (PostgreSQL ${fmt(pgLoaded, 0)} ms)` : '') +
            `, scale ${opts.scale}`,
          met: opts.scale >= 0.1 ? Math.max(r.stallMs ?? Infinity, r.stallMsLoaded ?? Infinity) < 100 : null,
        });
      }
    }
  }
  for (const engine of engines) {
    const imported = engine.import;
    if (!imported) continue;
    out.push({
      goal: `import of ${IMPORT_GOAL_ROWS.toLocaleString('en')} ledger rows ≤ ${IMPORT_GOAL_SEC} s`,
      engine: engine.engine,
      measured:
        imported.status === 'ok'
          ? `${fmt(imported.importSec, 2)} s for ${imported.rows.toLocaleString('en')} rows, all created`
          : `failed: ${imported.detail ?? ''}`,
      // Another row count is reported, not judged.
      met:
        imported.status !== 'ok'
          ? false
          : imported.rows === IMPORT_GOAL_ROWS
            ? imported.importSec! <= IMPORT_GOAL_SEC
            : null,
    });
  }
  if (bundle) {
    out.push({
      goal: 'initial web bundle ≤ 500 KB gzipped',
      measured: `${fmt(bundle.gzipBytes / 1024, 1)} KB`,
      met: bundle.gzipBytes <= BUNDLE_GOAL_BYTES,
    });
  }
  return out;
}

// ------------------------------------------------------------------ main

async function main() {
  const machine = machineInfo();
  const started = Date.now();
  console.log(
    `Zhaoshang bench — scale ${opts.scale}, ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`,
  );
  if (machine.loadAverage > machine.cores) {
    console.warn(
      `  warning: load average ${machine.loadAverage} on ${machine.cores} cores — other processes are busy, the figures will be low`,
    );
  }
  const engines: EngineResult[] = [];
  for (const engine of opts.engines) engines.push(await benchEngine(engine));
  const scaleOut = opts.scaleOut && opts.engines.includes('postgres') ? await benchScaleOut() : [];
  const bundle = measureBundle();

  console.log(
    `\nResults (latency at ${opts.latencyConnections} connection(s), raw SQL as many times at the same concurrency):\n`,
  );
  console.log(table(engines));
  for (const e of engines) {
    const list = e.endpoints.find((x) => x.name.startsWith('project list'));
    if (list?.stallMs !== undefined)
      console.log(
        `\nworst event-loop stall during the list bench on ${e.engine}: ${fmt(list.stallMs, 1)} ms at 1 connection, ` +
          `${fmt(list.stallMsLoaded, 1)} ms at ${opts.connections}`,
      );
  }
  console.log('');
  printBundle(bundle);
  const goalList = goals(engines, bundle);
  console.log('\nGoals:');
  for (const g of goalList) {
    const mark = g.met === null ? '·' : g.met ? '✓' : '✗';
    console.log(`  ${mark} ${g.goal}${g.engine ? ` [${g.engine}]` : ''}: ${g.measured}`);
  }

  const report = {
    date: new Date().toISOString(),
    machine,
    scale: opts.scale,
    options: opts,
    durationSec: Math.round((Date.now() - started) / 1000),
    loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
    engines,
    scaleOut,
    bundle,
    goals: goalList,
  };
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten ${path.relative(ROOT, args.out)} (${report.durationSec} s in all)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
