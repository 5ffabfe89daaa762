import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, openDatabase } from '../../db/client';
import { auditLog } from '../../db/schema';
import { seedDatabase } from '../../seed';
import { openTestDatabase, startTestApp, TEST_AUDIT_KEY, TEST_PASSWORD, type TestApp } from '../../test/harness';
import { GENESIS_HASH, recordAudit, verifyAuditChain } from './service';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** What a DBA with table rights could do: switch the append-only trigger off, change, switch it on. */
async function asDba(db: Db, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });
}

async function writeAuditRows(db: Db, n: number, regionCode = '220400') {
  for (let i = 0; i < n; i++) {
    await db.transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: 'test.change',
        entity: 'thing',
        entityId: `t-${i}`,
        regionCode,
        before: { amountWan: '100.00', i },
        after: { amountWan: '120.50', i, note: '金额调整' },
      }),
    );
  }
}

describe('audit chain through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('chains the rows that mutations write, and the chain verifies', async () => {
    const officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    const username = (await officer.get('/api/auth/me')).body.username as string;
    expect((await t.client().login(username, 'wrong-password-1')).status).toBe(401);
    const changed = await officer.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Audit-Trail-2026-Stronger',
    });
    expect(changed.status).toBe(204);

    const list = await t.database.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    const mine = list.filter((r) => r.entityId === officer.userId).map((r) => r.action);
    expect(mine).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.password_changed']));
    expect(list[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < list.length; i++) expect(list[i]!.prevHash).toBe(list[i - 1]!.hash);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, checked: list.length });
    expect(list.every((r) => r.keyed)).toBe(true);
  });

  it("answers a user's history to the audit administrator in scope only, 404 to everyone else", async () => {
    const subject = await t.signIn({ role: 'officer', regionCode: '220421' });
    await subject.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Audit-Trail-2026-Stronger',
    });
    const path_ = `/api/audit?entity=user&id=${subject.userId}`;

    // A user has no business read rule: reading their sign-ins and password changes is the auditor's job.
    for (const role of ['admin', 'viewer', 'leader'] as const) {
      const other = await t.signIn({ role, regionCode: '220000' });
      const res = await other.get(path_);
      expect(res.status, role).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const gansuAuditor = await t.signIn({ role: 'auditor', regionCode: '620000' });
    expect((await gansuAuditor.get(`/api/audit/log?entity=user&entityId=${subject.userId}`)).body.total).toBe(0);

    const auditor = await t.signIn({ role: 'auditor', regionCode: '220000' });
    const inside = await auditor.get(`/api/audit/log?entity=user&entityId=${subject.userId}`);
    expect(inside.status).toBe(200);
    expect(inside.body.items.map((r: { action: string }) => r.action)).toContain('auth.password_changed');
    expect((await auditor.get('/api/audit/log?entity=user&entityId=no-such-id')).body.total).toBe(0);
  });
});

describe('tampering', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await writeAuditRows(database.db, 5);
  });
  afterAll(() => database.close());

  it('refuses UPDATE and DELETE while the append-only trigger is on', async () => {
    const refusal = (statement: ReturnType<typeof sql>) =>
      database.db.execute(statement).then(
        () => 'allowed',
        (err: Error & { cause?: Error }) => err.cause?.message ?? err.message,
      );
    expect(await refusal(sql`update audit_log set after = '{}'::jsonb`)).toBe('audit_log is append-only');
    expect(await refusal(sql`delete from audit_log`)).toBe('audit_log is append-only');
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('finds a changed row at its seq, and the chain holds again once the row is put back', async () => {
    const rowsBefore = await database.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    const victim = rowsBefore[3]!;
    await asDba(
      database.db,
      sql`update audit_log set after = jsonb_set(after, '{amountWan}', '"999.00"') where seq = ${victim.seq}`,
    );
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: false, brokenAt: victim.seq, checked: 3 });
    expect(report.reason).toMatch(/content/);

    await asDba(
      database.db,
      sql`update audit_log set after = ${JSON.stringify(victim.after)}::jsonb where seq = ${victim.seq}`,
    );
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('finds a deleted row: the next row no longer links', async () => {
    const list = await database.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    const removed = list[2]!;
    await asDba(database.db, sql`delete from audit_log where seq = ${removed.seq}`);
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: false, brokenAt: list[3]!.seq });
    expect(report.reason).toMatch(/link/);
    const [gone] = await database.db.select().from(auditLog).where(eq(auditLog.seq, removed.seq));
    expect(gone).toBeUndefined();
  });
});

describe('npm run audit:verify', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-audit-cli-'));
  const checkpointDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-audit-cli-cp-'));
  let database: (Database & { url?: string }) | undefined;
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(checkpointDir, { recursive: true, force: true });
  });

  const verify = async (env: Record<string, string>) => {
    const clean = { ...process.env };
    delete clean.DATABASE_URL;
    delete clean.DATA_DIR;
    try {
      const { stdout, stderr } = await run(
        path.join(ROOT, 'node_modules/.bin/tsx'),
        ['src/server/cli/audit-verify.ts'],
        { cwd: ROOT, env: { ...clean, AUDIT_KEY: TEST_AUDIT_KEY, AUDIT_CHECKPOINT_DIR: checkpointDir, ...env } },
      );
      return { code: 0, out: stdout + stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };

  it('exits 0 on an intact chain and 1 naming the first broken seq after tampering', async () => {
    let env: Record<string, string>;
    /** PGlite allows one process per directory: the test lets go of it while the command runs. */
    let reopen: () => Promise<Db>;
    if (process.env.TEST_DATABASE_URL) {
      database = await openTestDatabase();
      env = { DATABASE_URL: database.url! };
      reopen = async () => database!.db;
    } else {
      env = { DATA_DIR: dataDir };
      reopen = async () => {
        database = await openDatabase({ dataDir, lock: true });
        return database.db;
      };
      const db = await reopen();
      await seedDatabase(db, { adminPassword: TEST_PASSWORD, demoPassword: TEST_PASSWORD, demo: false });
    }
    let db = await reopen();
    await writeAuditRows(db, 3);
    const list = await db.select().from(auditLog).orderBy(asc(auditLog.seq));
    const release = async () => {
      if (!process.env.TEST_DATABASE_URL) {
        await database!.close();
        database = undefined;
      }
    };

    if (!process.env.TEST_DATABASE_URL) {
      // while this process holds the directory, the command refuses and says the server must stop
      const busy = await verify(env);
      expect(busy.code).toBe(2);
      expect(busy.out).toMatch(/stop it first/);
      expect(busy.out).toMatch(/请先停止服务/);
    }

    await release();
    const intact = await verify(env);
    expect(intact.out).toContain(`${list.length} rows verified`);
    expect(intact.code).toBe(0);

    // the intact run signed a checkpoint of the head: cutting the last row off no longer passes
    expect(fs.readdirSync(checkpointDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    db = await reopen();
    await asDba(db, sql`delete from audit_log where seq = ${list[list.length - 1]!.seq}`);
    await release();
    const truncated = await verify(env);
    expect(truncated.code).toBe(1);
    expect(truncated.out).toContain(`TRUNCATED`);
    expect(truncated.out).toContain('审计链被截断');

    db = await reopen();
    const victim = list[list.length - 2]!;
    await asDba(db, sql`update audit_log set actor_id = gen_random_uuid() where seq = ${victim.seq}`);
    await release();
    const broken = await verify(env);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN at seq ${victim.seq}`);
    expect(broken.out).toContain(`seq ${victim.seq} 处断裂`);
  }, 240_000); // four runs of the command, each starting tsx, on a shared 2-core machine
});
