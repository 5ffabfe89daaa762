import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { openTestDatabase, TEST_AUDIT_KEY } from '../test/harness';

/**
 * The real server as operators run it: a process whose log is JSON lines on stdout, beside the
 * operations commands that share its database.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-server-'));
let server: ChildProcess | undefined;
let database: (Database & { url?: string }) | undefined;
const logLines: string[] = [];

afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function databaseEnv(): Promise<Record<string, string>> {
  if (!process.env.TEST_DATABASE_URL) return { DATA_DIR: dataDir };
  database = await openTestDatabase();
  return { DATABASE_URL: database.url! };
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'TEST_DATABASE_URL']) delete env[k];
  // the key the test database was seeded under, and checkpoints of this run only (never ./data)
  const audit = { AUDIT_KEY: TEST_AUDIT_KEY, AUDIT_CHECKPOINT_DIR: path.join(dataDir, 'audit-checkpoints') };
  return { ...env, ...audit, ...extra };
}

/** Starts `src/server/main.ts` on a free port and resolves with its address once it listens. */
function startServer(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: cleanEnv({
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      JOBS: 'false',
      ADMIN_PASSWORD: 'Kettle-Orbit-Plum-42',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  let buffer = '';
  let errors = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${errors}`)), 180_000);
    child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        logLines.push(line);
        const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
        if (address) {
          clearTimeout(timer);
          resolve(address);
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${errors}`)));
  });
}

async function stopServer() {
  const child = server!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function auditVerify(env: Record<string, string>) {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/server/cli/audit-verify.ts'], {
      cwd: ROOT,
      env: cleanEnv(env),
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

// Child processes boot the whole server and seed it: slow on a loaded 2-core machine.
describe('the server process', { timeout: 240_000 }, () => {
  it('logs JSON lines that carry the request id, and answers with x-request-id', async () => {
    const env = await databaseEnv();
    const baseUrl = await startServer(env);

    const res = await fetch(`${baseUrl}/api/health`, { headers: { 'x-request-id': 'ops-log-check-1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('ops-log-check-1');
    const refused = await fetch(`${baseUrl}/api/notifications`, { headers: { 'x-request-id': 'ops-log-check-2' } });
    expect(refused.status).toBe(401);
    const generated = await fetch(`${baseUrl}/api/health`);
    const generatedId = generated.headers.get('x-request-id');
    expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);

    if (!process.env.TEST_DATABASE_URL) {
      // the embedded database belongs to the running server: the command refuses, saying so
      const busy = await auditVerify(env);
      expect(busy.code).toBe(2);
      expect(busy.out).toMatch(/server is running.*stop it first/s);
      expect(busy.out).toMatch(/请先停止服务/);
    }

    await stopServer();
    const entries = logLines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const requestLines = entries.filter((e) => e.req || e.res || e.reqId);
    expect(requestLines.length).toBeGreaterThanOrEqual(6);
    for (const e of requestLines) expect(e.reqId, JSON.stringify(e)).toEqual(expect.any(String));
    const ids = (id: string) => entries.filter((e) => e.reqId === id).map((e) => e.msg);
    expect(ids('ops-log-check-1')).toEqual(['incoming request', 'request completed']);
    expect(ids('ops-log-check-2')).toContain('request refused');
    expect(ids(generatedId!)).toEqual(['incoming request', 'request completed']);
    // the session cookie never reaches the log
    expect(logLines.join('\n')).not.toMatch(/zs_session=/);

    // once the server has stopped, the command has the database to itself
    const intact = await auditVerify(env);
    expect(intact.out).toMatch(/Audit chain intact/);
    expect(intact.code).toBe(0);
  });
});
