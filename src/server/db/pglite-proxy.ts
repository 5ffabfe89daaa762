/**
 * The embedded PGlite, run in a worker thread (pglite-worker.mjs) and driven from here by messages,
 * so that a slow query blocks that thread and not the server's event loop. The object this returns
 * has the part of PGlite's client that Drizzle's PGlite driver calls — `query(sql, params, options)`
 * and `transaction(fn)` — so the rest of the app cannot tell the difference.
 *
 * Protocol (one message each way, matched by `id`):
 *   query    { sql, params, rowMode?, identityTypes?, tx? } → PGlite's result (rows, fields, affectedRows)
 *   begin    { tx }  → answered once the transaction holds PGlite (other work queues behind it, as in-process)
 *   commit / rollback { tx } → answered once COMMIT / ROLLBACK has run; a failing COMMIT answers its error
 *   close    → answered once PGlite has closed
 * Errors come back as plain objects with PostgreSQL's fields (code, constraint, detail …) and are
 * rebuilt as Errors carrying them, so `err.code === '23505'` checks work as with the driver.
 * Drizzle passes parser functions for date, timestamp and interval types (to keep them as text);
 * functions cannot cross threads, so their type ids are sent and the worker applies the same identity.
 */
import { Worker } from 'node:worker_threads';

export interface QueryResult {
  rows: unknown[];
  fields: Array<{ name: string; dataTypeID: number }>;
  affectedRows?: number;
}

interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, unknown>;
}

export interface PgliteQueryable {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult>;
}

export interface PgliteClient extends PgliteQueryable {
  transaction<T>(fn: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  result?: unknown;
  error?: Record<string, unknown> & { message: string };
}

function rebuildError(plain: Reply['error'] & object): Error {
  const err = new Error(plain.message) as Error & Record<string, unknown>;
  for (const [key, value] of Object.entries(plain)) if (key !== 'message') err[key] = value;
  return err;
}

export async function startPgliteWorker(dataDir: string | undefined): Promise<PgliteClient> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let nextTx = 1;
  let failed: Error | undefined;

  const ready = new Promise<unknown>((resolve, reject) => pending.set(0, { resolve, reject }));
  worker.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.error) waiter.reject(rebuildError(reply.error));
    else waiter.resolve(reply.result);
  });
  const fail = (err: Error) => {
    failed = err;
    for (const waiter of pending.values()) waiter.reject(err);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) =>
    fail(new Error(`the PGlite worker stopped (exit code ${code}) / 嵌入式数据库线程已退出`)),
  );

  const call = <T>(message: Record<string, unknown>): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  };

  const queryOn =
    (tx: number | undefined) =>
    (sql: string, params: unknown[] = [], options?: QueryOptions): Promise<QueryResult> =>
      call<QueryResult>({
        op: 'query',
        tx,
        sql,
        params,
        rowMode: options?.rowMode,
        identityTypes: options?.parsers ? Object.keys(options.parsers).map(Number) : undefined,
      });

  try {
    await ready;
  } catch (err) {
    await worker.terminate();
    throw err;
  }

  return {
    query: queryOn(undefined),
    async transaction<T>(fn: (tx: PgliteQueryable) => Promise<T>): Promise<T> {
      const tx = nextTx++;
      await call({ op: 'begin', tx });
      let result: T;
      try {
        result = await fn({ query: queryOn(tx) });
      } catch (err) {
        await call({ op: 'rollback', tx }).catch(() => {});
        throw err;
      }
      await call({ op: 'commit', tx });
      return result;
    },
    async close() {
      try {
        await call({ op: 'close' });
      } finally {
        worker.removeAllListeners('exit');
        await worker.terminate();
      }
    },
  };
}
