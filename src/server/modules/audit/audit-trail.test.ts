import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../domain/canonical-json';
import { type Database, type Db } from '../../db/client';
import { auditLog, projects } from '../../db/schema';
import { auditCheckpointJob } from '../../jobs/audit-checkpoint';
import { JOB_DEFINITIONS } from '../../jobs/definitions';
import { openTestDatabase, startTestApp, TEST_AUDIT_KEY, type ApiClient, type TestApp } from '../../test/harness';
import { verifyAuditTrail } from './checkpoint';
import { configureAudit } from './key';
import { GENESIS_HASH, recordAudit, verifyAuditChain } from './service';

type Client = ApiClient & { userId: string; unitId: string };

/** What a DBA with table rights could do: switch the append-only trigger off, change, switch it on. */
async function asDba(db: Db, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });
}

async function writeRows(db: Db, n: number) {
  for (let i = 0; i < n; i++) {
    await db.transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: 'test.change',
        entity: 'thing',
        entityId: `t-${i}`,
        regionCode: '220400',
        after: { amountWan: `${100 + i}.00` },
      }),
    );
  }
}

/**
 * Rewrites the chain from `fromSeq` on as someone without the key would: plain sha256 links that
 * hold among themselves (changing one amount on the way).
 */
async function rewriteUnkeyed(db: Db, fromSeq: number) {
  const all = await db.select().from(auditLog).orderBy(asc(auditLog.seq));
  let prev = all.filter((r) => r.seq < fromSeq).at(-1)?.hash ?? GENESIS_HASH;
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    for (const r of all.filter((row) => row.seq >= fromSeq)) {
      const after = r.seq === fromSeq ? { forged: true } : r.after;
      const fields = {
        at: r.at.toISOString(),
        actorId: r.actorId,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        regionCode: r.regionCode,
        before: r.before,
        after,
      };
      const hash = createHash('sha256').update(prev).update('\n').update(canonicalJson(fields)).digest('hex');
      await tx.execute(
        sql`update audit_log set after = ${JSON.stringify(after)}::jsonb, prev_hash = ${prev}, hash = ${hash}, keyed = false where seq = ${r.seq}`,
      );
      prev = hash;
    }
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });
}

describe('entity history follows the entity’s own visibility (finding 1)', () => {
  let t: TestApp;
  let officer: Client; // 辽源市, the project's first unit
  let leader: Client;
  let projectId: string;
  let ticketId: string;
  let agreementId: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.signIn({ role: 'officer', regionCode: '220400' });
    leader = await t.signIn({ role: 'leader', regionCode: '220400' });
    const department = await t.signIn({ role: 'liaison', regionCode: '220400' });
    const created = await officer.post('/api/projects', {
      name: '保密新能源电池项目',
      totalInvestmentWan: '260000',
      sourceChannel: '以商招商',
      hostRegionCode: '220402',
      confidentiality: 'confidential',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    projectId = created.body.id;
    await t.database.db.update(projects).set({ stage: 'signed' }).where(eq(projects.id, projectId));
    const agreement = await officer.post(`/api/projects/${projectId}/agreements`, {
      title: '新能源电池项目投资协议',
      agreementNo: 'LY-2026-001',
      signedOn: '2026-01-10',
      enterpriseName: '某新能源有限公司',
      governmentParty: '辽源市人民政府',
      obligations: [{ kind: 'start_construction', clause: '第五条', description: '按期开工', dueDate: '2026-06-30' }],
    });
    expect(agreement.status, JSON.stringify(agreement.body)).toBe(201);
    agreementId = agreement.body.id;
    const ticket = await officer.post('/api/services/tickets', {
      projectId,
      title: '用地手续办理',
      description: '二期用地农转用',
      departmentId: department.unitId,
      dueDate: '2026-12-20',
    });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    ticketId = ticket.body.id;
  });
  afterAll(() => t.close());

  it('answers 404 to a viewer, a liaison and a county officer for a confidential project, its ticket and agreement', async () => {
    const outsiders = [
      await t.signIn({ role: 'viewer', regionCode: '220400' }),
      await t.signIn({ role: 'liaison', regionCode: '220400' }),
      await t.signIn({ role: 'officer', regionCode: '220421' }),
    ];
    const random = '6f1c1f0e-0000-4000-8000-000000000000';
    for (const who of outsiders) {
      expect((await who.get(`/api/projects/${projectId}`)).status).toBe(404);
      for (const [entity, id] of [
        ['project', projectId],
        ['ticket', ticketId],
        ['agreement', agreementId],
      ] as const) {
        const res = await who.get(`/api/audit?entity=${entity}&id=${id}`);
        const never = await who.get(`/api/audit?entity=${entity}&id=${random}`);
        expect(res.status, `${entity} ${res.body.title}`).toBe(404);
        // indistinguishable from an id that never existed
        expect({ ...res.body, requestId: '' }).toEqual({ ...never.body, requestId: '' });
        expect(JSON.stringify(res.body)).not.toContain('新能源');
      }
    }
  });

  it('keeps the 审计 tab of whoever may open the project: its unit and a leader', async () => {
    for (const who of [officer, leader]) {
      const project = await who.get(`/api/audit?entity=project&id=${projectId}`);
      expect(project.status).toBe(200);
      expect(project.body.items[0].after.name).toBe('保密新能源电池项目');
      expect((await who.get(`/api/audit?entity=ticket&id=${ticketId}`)).status).toBe(200);
      expect((await who.get(`/api/audit?entity=agreement&id=${agreementId}`)).status).toBe(200);
    }
    // and each read of the history is itself on the trail
    const reads = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'audit.read'), eq(auditLog.actorId, officer.userId)));
    expect(reads.map((r) => (r.after as { entity: string }).entity).sort()).toEqual(['agreement', 'project', 'ticket']);
  });
});

describe('the trail as a whole, for the audit administrator only (findings 6 and 三权分立)', () => {
  let t: TestApp;
  let auditor: Client;
  let officer: Client;

  beforeAll(async () => {
    t = await startTestApp();
    auditor = await t.signIn({ role: 'auditor', regionCode: '000000' });
    officer = await t.signIn({ role: 'officer', regionCode: '220400' });
  });
  afterAll(() => t.close());

  it('refuses the system administrator, the security administrator and an officer', async () => {
    for (const role of ['admin', 'security', 'officer'] as const) {
      const who = await t.signIn({ role, regionCode: '000000' });
      expect((await who.get('/api/audit/log')).status, role).toBe(403);
      expect((await who.get('/api/audit/log/export')).status, role).toBe(403);
      expect((await who.post('/api/audit/verify')).status, role).toBe(403);
    }
  });

  it('lists the trail newest first with filters, and records the read with its filters', async () => {
    const created = await officer.post('/api/projects', {
      name: '审计筛选测试项目',
      totalInvestmentWan: '5000',
      sourceChannel: '以商招商',
      hostRegionCode: '220402',
    });
    expect(created.status).toBe(201);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await auditor.get(
      `/api/audit/log?user=${officer.userId}&entity=project&action=project.&from=${today}&to=${today}&region=220400`,
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      entity: 'project',
      entityId: created.body.id,
      actorUsername: expect.any(String),
      regionName: expect.any(String),
      keyed: true,
    });
    expect(res.body.items[0].after.name).toBe('审计筛选测试项目');
    expect((await auditor.get(`/api/audit/log?entity=project&from=2000-01-01&to=2000-01-02`)).body.total).toBe(0);
    expect((await auditor.get('/api/audit/log?from=2026-02-30')).status).toBe(400);

    const page = await auditor.get('/api/audit/log?pageSize=5');
    const seqs = page.body.items.map((r: { seq: number }) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));

    const [read] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'audit.read'), eq(auditLog.actorId, auditor.userId)))
      .orderBy(asc(auditLog.seq));
    expect(read!.after).toMatchObject({ filters: { user: officer.userId, entity: 'project', region: '220400' } });

    // An auditor of another province sees none of it.
    const gansu = await t.signIn({ role: 'auditor', regionCode: '620000' });
    expect((await gansu.get(`/api/audit/log?entityId=${created.body.id}`)).body.total).toBe(0);
  });

  it('exports the filtered trail as xlsx with bilingual headers, and the export is on the trail', async () => {
    const res = await auditor.get('/api/audit/log/export?entity=project');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('时间 / Time');
    expect(sheet.rowCount).toBeGreaterThan(1);
    for (let i = 2; i <= sheet.rowCount; i++) expect(sheet.getRow(i).getCell(6).value).toBe('project');
    const [exported] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.entity, 'audit_log')));
    expect(exported).toMatchObject({ actorId: auditor.userId, after: { filters: { entity: 'project' } } });
  });

  it('records every export of business data: who, what, which filters', async () => {
    const res = await officer.get('/api/projects/export?stage=negotiating');
    expect(res.status).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.entity, 'projects')));
    expect(row).toMatchObject({
      actorId: officer.userId,
      regionCode: '220400',
      after: { filters: { stage: 'negotiating' } },
    });
    expect(typeof (row!.after as { ip?: string }).ip).toBe('string');
  });

  it('verifies the chain, writes a signed checkpoint outside the database, and records the verification', async () => {
    const res = await auditor.post('/api/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, checkpointsChecked: 0 });
    expect(res.body.message.zh).toContain('审计链完整');
    const dir = t.config.AUDIT_CHECKPOINT_DIR!;
    const checkpoint = JSON.parse(fs.readFileSync(path.join(dir, res.body.written), 'utf8'));
    expect(checkpoint).toMatchObject({
      lastSeq: res.body.lastSeq,
      rowCount: res.body.checked,
      headHash: res.body.headHash,
    });
    expect(checkpoint.hmac).toMatch(/^[0-9a-f]{64}$/);

    const again = await auditor.post('/api/audit/verify');
    expect(again.body).toMatchObject({ ok: true, checkpointsChecked: 1 });
    const verifications = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'audit.verify'));
    expect(verifications).toHaveLength(2);
  });
});

describe('checkpoints catch what the chain alone cannot (finding 6)', () => {
  let database: Database;
  let dir: string;
  const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'zs-audit-cp-test-'));
  beforeAll(async () => {
    database = await openTestDatabase();
    await writeRows(database.db, 8);
  });
  afterAll(() => database.close());

  it('finds the last rows deleted: the chain still links, the checkpoint does not match', async () => {
    dir = freshDir();
    const first = await verifyAuditTrail(database.db, { checkpointDir: dir });
    expect(first.ok).toBe(true);
    const head = first.lastSeq;
    await asDba(database.db, sql`delete from audit_log where seq > ${head - 2}`);
    expect((await verifyAuditChain(database.db)).ok).toBe(true); // what `audit:verify` used to check
    const report = await verifyAuditTrail(database.db, { checkpointDir: dir });
    expect(report).toMatchObject({ ok: false, problem: 'truncated', brokenAt: head });
    expect(report.message.en).toMatch(/TRUNCATED/);
    expect(report.message.zh).toContain('截断');
    // a failed verification signs nothing
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  it('finds a tail rewritten with a fresh sha256 chain: no unkeyed row may follow a keyed one', async () => {
    dir = freshDir();
    expect((await verifyAuditTrail(database.db, { checkpointDir: dir })).ok).toBe(true);
    const all = await database.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    const k = all[all.length - 3]!.seq;
    await rewriteUnkeyed(database.db, k);
    const chain = await verifyAuditChain(database.db);
    expect(chain).toMatchObject({ ok: false, brokenAt: k, reason: 'an unkeyed row follows a keyed row' });
    const report = await verifyAuditTrail(database.db, { checkpointDir: dir });
    expect(report).toMatchObject({ ok: false, problem: 'unkeyed-after-keyed', brokenAt: k });
  });

  it('finds the whole chain rewritten as a legacy sha256 chain through the checkpoint, and still accepts keyed rows after legacy ones', async () => {
    // Rewriting from the first row on leaves a chain that holds by itself (like one from before the key)...
    const first = (await database.db.select().from(auditLog).orderBy(asc(auditLog.seq)).limit(1))[0]!;
    await rewriteUnkeyed(database.db, first.seq);
    await writeRows(database.db, 2); // keyed rows after unkeyed ones are fine
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    // ...but not the checkpoint of the previous test, signed over the real head.
    const report = await verifyAuditTrail(database.db, { checkpointDir: dir, write: false });
    expect(report).toMatchObject({ ok: false, problem: 'rewritten' });
    expect(report.message.zh).toContain('改写');
  });

  it('refuses a forged checkpoint (bad HMAC)', async () => {
    const clean = freshDir();
    const ok = await verifyAuditTrail(database.db, { checkpointDir: clean });
    expect(ok.ok).toBe(true);
    const file = ok.written!;
    const forged = { ...JSON.parse(fs.readFileSync(file, 'utf8')), rowCount: 3 };
    fs.writeFileSync(file, JSON.stringify(forged));
    const report = await verifyAuditTrail(database.db, { checkpointDir: clean });
    expect(report).toMatchObject({ ok: false, problem: 'checkpoint-forged' });
    expect(report.message.en).toContain(path.basename(file));
    expect(report.message.zh).toContain('签名无效');
  });
});

describe('concurrent writers', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('never forks the chain, even when a caller passes the pool instead of its transaction', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        recordAudit(database.db, {
          actorId: null,
          action: 'test.concurrent',
          entity: 'thing',
          entityId: `c-${i}`,
          regionCode: null,
        }),
      ),
    );
    const report = await verifyAuditChain(database.db);
    expect(report.ok).toBe(true);
    const rowsWritten = await database.db.select().from(auditLog).where(eq(auditLog.action, 'test.concurrent'));
    expect(rowsWritten).toHaveLength(12);
  });

  it('the daily job signs a checkpoint of a sound chain, and fails (signing nothing) once the tail is cut', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-audit-job-'));
    // what the server does at start: key and checkpoint directory from its settings
    configureAudit({ DATA_DIR: dir, AUDIT_KEY: TEST_AUDIT_KEY, AUDIT_CHECKPOINT_DIR: dir, AUDIT_KEY_FILE: undefined });
    expect(JOB_DEFINITIONS.map((j) => j.name)).toContain('audit.checkpoint');
    await auditCheckpointJob.handler({ db: database.db, payload: {}, now: new Date() });
    expect(fs.readdirSync(dir)).toHaveLength(1);
    const [last] = await database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    await asDba(database.db, sql`delete from audit_log where seq = ${last!.seq}`);
    await expect(auditCheckpointJob.handler({ db: database.db, payload: {}, now: new Date() })).rejects.toThrow(
      /TRUNCATED.*截断/,
    );
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });
});
