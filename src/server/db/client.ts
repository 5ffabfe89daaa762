import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { isConcurrencyFailure } from './errors';
import { startPgliteWorker } from './pglite-proxy';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database handle or an open transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Runs a raw statement and returns its rows, on either engine. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A statement built once per database handle and reused: Drizzle composes its SQL only on first
 * use, and node-postgres prepares it once per pooled connection under `name` (PGlite ignores the
 * name). For hot reads outside transactions; the values go in as `sql.placeholder(...)`.
 */
export function preparedStatement<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** PGlite only: hold a lock file so two processes never open one directory. */
  lock?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.lock ?? true);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  // An idle connection the server ends (restart, failover, DROP DATABASE … FORCE) must not crash the
  // process: the pool drops it and opens a new one on the next query.
  pool.on('error', (err) => console.warn(`PostgreSQL idle connection closed / 数据库空闲连接已断开: ${err.message}`));
  // numeric and bigint stay strings so money never passes through floating point
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const [{ lc_ctype } = { lc_ctype: '' }] = await rows<{ lc_ctype: string }>(
    db,
    sql`select current_setting('lc_ctype') as lc_ctype`,
  );
  if (lc_ctype === 'C' || lc_ctype === 'POSIX') {
    await pool.end();
    throw new Error(
      `The database has lc_ctype=${lc_ctype}: pg_trgm makes no trigrams from Chinese and search would find nothing. ` +
        `Create it with: CREATE DATABASE zhaoshang TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'; ` +
        `数据库 lc_ctype 为 ${lc_ctype}，中文检索将失效，请按上述语句以 C.UTF-8 重建数据库。`,
    );
  }
  await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
  retryConcurrencyFailures(db);
  return { db, engine: 'postgres', close: () => pool.end() };
}

/** How often a transaction PostgreSQL aborted for a deadlock or serialization failure is run again. */
export const TRANSACTION_ATTEMPTS = 4;

/**
 * Runs a top-level transaction again when PostgreSQL aborted it for a deadlock or a serialization
 * failure, after a short random pause: the writes are all-or-nothing, so nothing of the failed
 * attempt remains. Only the database handle's own `transaction` is wrapped; savepoints inside a
 * transaction are not retried on their own. PGlite runs one transaction at a time and needs none.
 */
function retryConcurrencyFailures(db: Db): void {
  const once = db.transaction.bind(db);
  db.transaction = async (work, config) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(work, config);
      } catch (err) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isConcurrencyFailure(err)) throw err;
        await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));
      }
    }
  };
}

async function openPglite(dataDir: string | undefined, lock: boolean): Promise<Database> {
  let release = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    if (lock) release = acquireLock(dataDir);
  }
  // In a worker thread: PGlite computes synchronously, and the server must keep answering meanwhile.
  let client;
  try {
    client = await startPgliteWorker(dataDir);
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzlePglite(client as never, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** PGlite takes no lock of its own: two processes on one directory would diverge silently. */
function acquireLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'zhaoshang.lock');
  try {
    const fd = fs.openSync(lockFile, 'wx');
    fs.writeSync(fd, String(process.pid));
    fs.closeSync(fd);
  } catch {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (pid && isAlive(pid) && pid !== process.pid) {
      throw new Error(
        `${dataDir} is in use by process ${pid} / 数据目录正被进程 ${pid} 使用；请先停止它，或用 DATA_DIR 指定其他目录`,
      );
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
