import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rows, type Db } from '../../src/server/db/client';
import {
  enterprises,
  files,
  progressReports,
  projectCodeCounters,
  projectDemands,
  projectEnterprises,
  projects,
  projectTransitions,
} from '../../src/server/db/schema';
import type { DemandRow, ProjectEnterpriseRow, ProjectRow, ReportRow, TransitionRow, World } from './index';

export interface WriteCounts {
  files: number;
  enterprises: number;
  projects: number;
  project_enterprises: number;
  project_transitions: number;
  progress_reports: number;
  project_code_counters: number;
  project_demands: number;
}

export interface WriteOptions {
  /** Rows per INSERT statement (default 500). */
  batchSize?: number;
  /** Called after each flush of projects, with how many are written so far. */
  onProgress?: (projectsWritten: number) => void;
  /** Runs after the enterprises and before the projects: rows projects point at (chain segments). */
  beforeProjects?: () => Promise<void>;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'`;
  if (Array.isArray(value)) return value.length === 0 ? `'{}'` : `ARRAY[${value.map(literal).join(',')}]`;
  return `'${JSON.stringify(value).replace(/'/g, "''")}'`;
}

/**
 * One multi-row INSERT as SQL text with literal values. Parameters would be safer in general,
 * but these values are our own generated rows, and binding millions of parameters is what made
 * the load slow (PGlite parses one literal statement far faster than it binds 7,000 parameters).
 */
function insertText(table: PgTable, rows: readonly object[]): string {
  const columns = Object.entries(getTableColumns(table));
  const used = columns.filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const names = used.map(([, column]) => `"${column.name}"`).join(', ');
  const values = rows.map((r) => {
    const row = r as Record<string, unknown>;
    return `(${used.map(([key]) => (row[key] === undefined ? 'DEFAULT' : literal(row[key]))).join(',')})`;
  });
  return `insert into "${getTableName(table)}" (${names}) values ${values.join(',\n')}`;
}

export async function insertBatches(db: Db, table: PgTable, rows: readonly object[], size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await db.execute(sql.raw(insertText(table, rows.slice(i, i + size))));
  }
}

const BULK_TABLES = ['enterprises', 'projects', 'project_enterprises', 'project_transitions', 'progress_reports'];

/**
 * Runs `load` as a bulk load: the secondary indexes of the bulk tables are dropped and rebuilt
 * afterwards from their own definitions (pg_indexes), and their user triggers are disabled, then
 * the summaries those triggers keep (zs_summary_rebuild, migration 0012) are rebuilt once.
 * Building a trigram GIN index once is far cheaper than updating it row by row, and the summary
 * triggers recompute every touched project per statement, which without the indexes is a scan
 * of all reports per batch. Primary keys and foreign-key checks stay. Use inside a transaction,
 * so a failure restores everything. Returns what was deferred, for the log.
 */
export async function asBulkLoad<T>(
  db: Db,
  load: () => Promise<T>,
): Promise<{ result: T; indexes: string[]; triggers: string[]; summariesRebuilt: boolean }> {
  const tables = sql.join(
    BULK_TABLES.map((t) => sql`${t}`),
    sql`, `,
  );
  const indexes = await rows<{ name: string; definition: string }>(
    db,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
         where i.schemaname = current_schema() and i.tablename in (${tables})
           and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.contype in ('p', 'u', 'x'))`,
  );
  const triggers = await rows<{ name: string; table: string }>(
    db,
    sql`select t.tgname as name, c.relname as "table" from pg_trigger t join pg_class c on c.oid = t.tgrelid
         where not t.tgisinternal and c.relname in (${tables}) and c.relnamespace = current_schema()::regnamespace`,
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.name}"`));
  for (const table of new Set(triggers.map((t) => t.table))) {
    await db.execute(sql.raw(`alter table "${table}" disable trigger user`));
  }
  const result = await load();
  for (const index of indexes) await db.execute(sql.raw(index.definition));
  for (const table of new Set(triggers.map((t) => t.table))) {
    await db.execute(sql.raw(`alter table "${table}" enable trigger user`));
  }
  const [rebuild] = await rows<{ present: boolean }>(
    db,
    sql`select to_regproc('zs_summary_rebuild') is not null as present`,
  );
  if (rebuild?.present) await db.execute(sql`select zs_summary_rebuild()`);
  return {
    result,
    indexes: indexes.map((i) => i.name),
    triggers: triggers.map((t) => `${t.table}.${t.name}`),
    summariesRebuilt: !!rebuild?.present,
  };
}

/**
 * Writes a generated world with multi-row INSERTs in batches. Pass a transaction to make it
 * atomic (the demo seed does); the benchmark loader passes the database itself.
 */
export async function writeWorld(db: Db, world: World, options: WriteOptions = {}): Promise<WriteCounts> {
  const size = options.batchSize ?? 500;
  const counts: WriteCounts = {
    files: world.files.length,
    enterprises: world.enterprises.length,
    projects: 0,
    project_enterprises: 0,
    project_transitions: 0,
    progress_reports: 0,
    project_code_counters: world.counters.length,
    project_demands: 0,
  };
  await insertBatches(db, files, world.files, 50);
  await insertBatches(db, enterprises, world.enterprises, size);
  await options.beforeProjects?.();

  let projectRows: ProjectRow[] = [];
  let links: ProjectEnterpriseRow[] = [];
  let transitions: TransitionRow[] = [];
  let reports: ReportRow[] = [];
  let demands: DemandRow[] = [];
  const flush = async () => {
    // Parents first: links, transitions, reports and demands reference the projects.
    await insertBatches(db, projects, projectRows, size);
    await insertBatches(db, projectEnterprises, links, size);
    await insertBatches(db, projectTransitions, transitions, size);
    await insertBatches(db, progressReports, reports, size);
    await insertBatches(db, projectDemands, demands, size);
    counts.projects += projectRows.length;
    counts.project_enterprises += links.length;
    counts.project_transitions += transitions.length;
    counts.progress_reports += reports.length;
    counts.project_demands += demands.length;
    projectRows = [];
    links = [];
    transitions = [];
    reports = [];
    demands = [];
    options.onProgress?.(counts.projects);
  };
  for (const bundle of world.projects()) {
    projectRows.push(bundle.project);
    links.push(...bundle.enterprises);
    transitions.push(...bundle.transitions);
    reports.push(...bundle.reports);
    if (bundle.demand) demands.push(bundle.demand);
    if (projectRows.length >= size || reports.length >= size * 8) await flush();
  }
  if (projectRows.length > 0) await flush();
  await insertBatches(db, projectCodeCounters, world.counters, size);
  return counts;
}
