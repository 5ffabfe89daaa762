// PGlite in its own thread. PGlite runs PostgreSQL compiled to WebAssembly synchronously: a query of
// 300 ms in the server's thread is 300 ms in which no request is answered. Here it blocks only this
// thread; the server talks to it by messages (see pglite-proxy.ts, which documents the protocol).
// Plain JavaScript so that it loads the same under tsx, Vitest and a bare `node`.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const identity = (value) => value;
/** @type {Map<number, { tx: import('@electric-sql/pglite').Transaction, end: (commit: boolean) => void }>} */
const open = new Map();
const ROLLBACK = Symbol('rollback');

/** The fields of a PostgreSQL error that callers read (code 23505, constraint, detail …). */
function plainError(err) {
  const out = { message: String(err?.message ?? err), name: err?.name ?? 'Error' };
  for (const key of [
    'code',
    'detail',
    'hint',
    'constraint',
    'table',
    'column',
    'schema',
    'severity',
    'where',
    'position',
    'routine',
    'dataType',
  ]) {
    if (err && err[key] !== undefined) out[key] = err[key];
  }
  return out;
}

function options(msg) {
  if (!msg.rowMode && !msg.identityTypes) return undefined;
  const parsers = {};
  for (const oid of msg.identityTypes ?? []) parsers[oid] = identity;
  return { rowMode: msg.rowMode, parsers };
}

let db;
try {
  db = await PGlite.create({ dataDir: workerData.dataDir, extensions: { pg_trgm } });
  parentPort.postMessage({ id: 0, result: 'ready' });
} catch (err) {
  parentPort.postMessage({ id: 0, error: plainError(err) });
}

function begin(msg) {
  // Answers `begin` once the transaction holds PGlite (its mutex queues other work behind it), and
  // answers the closing message once COMMIT or ROLLBACK has run.
  let end;
  const decided = new Promise((resolve) => (end = resolve));
  let closing;
  let started = false;
  db.transaction(async (tx) => {
    started = true;
    open.set(msg.tx, {
      tx,
      end: (commit, id) => {
        closing = id;
        end(commit);
      },
    });
    parentPort.postMessage({ id: msg.id, result: null });
    if (!(await decided)) throw ROLLBACK;
  })
    .then(
      () => parentPort.postMessage({ id: closing, result: null }),
      (err) => {
        if (err === ROLLBACK) parentPort.postMessage({ id: closing, result: null });
        else parentPort.postMessage({ id: started ? closing : msg.id, error: plainError(err) });
      },
    )
    .finally(() => open.delete(msg.tx));
}

parentPort.on('message', async (msg) => {
  try {
    switch (msg.op) {
      case 'query': {
        const target = msg.tx ? open.get(msg.tx)?.tx : db;
        if (!target) throw new Error(`transaction ${msg.tx} is closed`);
        const result = await target.query(msg.sql, msg.params, options(msg));
        parentPort.postMessage({ id: msg.id, result });
        return;
      }
      case 'begin':
        begin(msg);
        return;
      case 'commit':
      case 'rollback': {
        const entry = open.get(msg.tx);
        if (!entry) throw new Error(`transaction ${msg.tx} is closed`);
        entry.end(msg.op === 'commit', msg.id);
        return;
      }
      case 'close':
        await db.close();
        parentPort.postMessage({ id: msg.id, result: null });
        return;
      default:
        throw new Error(`unknown operation ${msg.op}`);
    }
  } catch (err) {
    parentPort.postMessage({ id: msg.id, error: plainError(err) });
  }
});
