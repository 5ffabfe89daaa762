/**
 * Raw SQL through the driver the app uses (pg's Pool, or the PGlite worker's client), run the same
 * number of times and at the same concurrency as the API's latency run, for the API ÷ SQL ratio.
 */
import type pg from 'pg';
import type { Database } from '../../src/server/db/client';
import type { PgliteClient } from '../../src/server/db/pglite-proxy';
import { type LatencySummary, summarize } from './stats';

export interface SqlStatement {
  text: string;
  params?: unknown[];
  /**
   * Run as a named prepared statement (on PostgreSQL; PGlite ignores it), as the app runs this read
   * (`preparedStatement` in src/server/db/client.ts): planned once per connection, not per call.
   * Names start with `bench_` so they never meet the app's own on a shared connection.
   */
  name?: string;
}

export interface SqlResult {
  rows: Array<Record<string, unknown>>;
}

/** A statement, several run side by side (as the app's Promise.all does), or one built from the results so far. */
export type SqlStep = SqlStatement | SqlStatement[] | ((previous: SqlResult[]) => SqlStatement);

export interface SqlPlan {
  /** Run the steps in one transaction on one connection (what `db.transaction` does). */
  transaction?: boolean;
  steps: SqlStep[];
}

interface Queryable {
  query(text: string, params?: unknown[], name?: string): Promise<SqlResult>;
}

export interface RawDriver extends Queryable {
  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
}

/** The driver under the app's Drizzle handle (drizzle keeps it as `$client`). */
export function rawDriver(database: Database): RawDriver {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.engine === 'pglite') {
    const lite = client as PgliteClient;
    return {
      query: (text, params) => lite.query(text, params) as Promise<SqlResult>,
      transaction: (fn) => lite.transaction((tx) => fn({ query: (t, p) => tx.query(t, p) as Promise<SqlResult> })),
    };
  }
  const pool = client as pg.Pool;
  return {
    query: (text, params, name) =>
      pool.query({ text, values: params as unknown[], name }) as unknown as Promise<SqlResult>,
    transaction: async (fn) => {
      const conn = await pool.connect();
      try {
        await conn.query('begin');
        const result = await fn({ query: (t, p) => conn.query(t, p as unknown[]) as unknown as Promise<SqlResult> });
        await conn.query('commit');
        return result;
      } catch (err) {
        await conn.query('rollback').catch(() => {});
        throw err;
      } finally {
        conn.release();
      }
    },
  };
}

async function runSteps(q: Queryable, steps: SqlStep[], parallel: boolean): Promise<SqlResult[]> {
  const results: SqlResult[] = [];
  for (const step of steps) {
    if (Array.isArray(step)) {
      if (parallel) results.push(...(await Promise.all(step.map((s) => q.query(s.text, s.params, s.name)))));
      else for (const s of step) results.push(await q.query(s.text, s.params, s.name));
    } else {
      const s = typeof step === 'function' ? step(results) : step;
      results.push(await q.query(s.text, s.params, s.name));
    }
  }
  return results;
}

export function runPlan(driver: RawDriver, plan: SqlPlan): Promise<SqlResult[]> {
  if (plan.transaction) return driver.transaction((tx) => runSteps(tx, plan.steps, false));
  return runSteps(driver, plan.steps, true);
}

export interface SqlRunResult {
  iterations: number;
  errors: number;
  firstError?: string;
  elapsedSec: number;
  latency: LatencySummary;
}

/**
 * Runs `plan(i)` for i = 0 … count-1 over `lanes` concurrent lanes; a lane takes `cycle`
 * consecutive plans at a time so paired requests (forward, back) stay in order.
 */
export async function runSql(
  driver: RawDriver,
  plan: (i: number) => SqlPlan,
  count: number,
  lanes: number,
  cycle = 1,
): Promise<SqlRunResult> {
  const samples: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  const lane = async () => {
    for (;;) {
      const first = next;
      next += cycle;
      if (first >= count) return;
      for (let i = first; i < first + cycle; i++) {
        const t0 = process.hrtime.bigint();
        try {
          await runPlan(driver, plan(i));
          samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch (err) {
          errors++;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return {
    iterations: samples.length + errors,
    errors,
    firstError,
    elapsedSec: Number(process.hrtime.bigint() - started) / 1e9,
    latency: summarize(samples),
  };
}
