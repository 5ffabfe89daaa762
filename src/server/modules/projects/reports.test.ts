import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client';
import { auditLog, notifications, progressReports, projects, taskForces, units } from '../../db/schema';
import { type ApiClient, startTestApp, type TestApp } from '../../test/harness';
import { runOverdueReportsJob, runStalledProjectsJob } from './reports.service';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let db: Db;
/** Liaoyuan (220400, reports due on the 20th): unit A reports, unit B does not. */
let officerA: Client;
let liaisonB: Client;
let viewerA: Client;
/** A Liaoyuan unit that reports on time. */
let officerC: Client;
/** Jilin province (220000): sees Liaoyuan. */
let provinceLeader: Client;
let provinceOfficer: Client;
let gansuOfficer: Client;
let gansuLeader: Client;
let seq = 0;

async function makeProject(options: {
  responsibleUnitId: string;
  firstUnitId?: string;
  stage?: 'planned' | 'negotiating' | 'signed' | 'terminated';
  stageEnteredOn: string;
  lastSubstantiveProgressOn?: string;
}): Promise<{ id: string; code: string; name: string }> {
  const n = ++seq;
  const [row] = await db
    .insert(projects)
    .values({
      code: `ZS-2025-220400-9${String(n).padStart(4, '0')}`,
      name: `报告测试项目${n}`,
      nameCore: `报告测试项目${n}`,
      totalInvestmentWan: '12000',
      sourceChannel: '以商招商',
      firstUnitId: options.firstUnitId ?? options.responsibleUnitId,
      firstRegionCode: '220400',
      hostRegionCode: '220421',
      responsibleUnitId: options.responsibleUnitId,
      stage: options.stage ?? 'negotiating',
      stageEnteredOn: options.stageEnteredOn,
      lastSubstantiveProgressOn: options.lastSubstantiveProgressOn ?? null,
    })
    .returning({ id: projects.id, code: projects.code, name: projects.name });
  return row!;
}

/** Server and test share this process: the clock the services read is set here (China time). */
function at(chinaDateTime: string) {
  vi.setSystemTime(new Date(`${chinaDateTime}+08:00`));
}

const report = (month: string, extra: Record<string, unknown> = {}) => ({
  month,
  text: `${month} 进展：双方就投资协议条款进行第三轮洽谈`,
  substantiveProgress: false,
  fundsInPlaceWan: '0',
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  officerA = await t.signIn({ role: 'officer', regionCode: '220400' });
  viewerA = await t.signIn({ role: 'viewer', regionCode: '220400', unitName: undefined });
  liaisonB = await t.signIn({ role: 'liaison', regionCode: '220400' });
  officerC = await t.signIn({ role: 'officer', regionCode: '220400' });
  provinceLeader = await t.signIn({ role: 'leader', regionCode: '220000' });
  provinceOfficer = await t.signIn({ role: 'officer', regionCode: '220000' });
  gansuOfficer = await t.signIn({ role: 'officer', regionCode: '620100' });
  gansuLeader = await t.signIn({ role: 'leader', regionCode: '620100' });
  // Sessions were opened on the real clock; from here on the tests set the date.
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(() => {
  vi.setSystemTime(new Date());
});

afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

describe('monthly progress reports (Liaoyuan: due on the 20th)', () => {
  it('takes a report on the 20th as on time, replaces it while the month is open, and needs a reason to correct it after', async () => {
    const p = await makeProject({ responsibleUnitId: officerA.unitId, stageEnteredOn: '2025-08-01' });

    at('2025-09-15T10:00:00');
    const first = await officerA.post(`/api/projects/${p.id}/reports`, report('2025-09', { text: '第一次填报' }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ month: '2025-09', version: 1, isCurrent: true, late: false });

    at('2025-09-20T23:30:00');
    const replaced = await officerA.post(
      `/api/projects/${p.id}/reports`,
      report('2025-09', { text: '20日更新', fundsInPlaceWan: '1,500.5' }),
    );
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ id: first.body.id, version: 1, late: false, fundsInPlaceWan: '1500.50' });
    expect(await db.$count(progressReports, eq(progressReports.projectId, p.id))).toBe(1);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'project.report_replaced')));
    expect(audit?.before).toMatchObject({ text: '第一次填报' });
    expect(audit?.after).toMatchObject({ text: '20日更新' });

    at('2025-09-21T09:00:00');
    const noReason = await officerA.post(`/api/projects/${p.id}/reports`, report('2025-09', { text: '21日更正' }));
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.correctionReason']);
    expect(noReason.body.errors[0]['zh-CN']).toContain('更正须说明原因');

    const corrected = await officerA.post(
      `/api/projects/${p.id}/reports`,
      report('2025-09', { text: '21日更正', correctionReason: '到位资金统计口径有误' }),
    );
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({
      version: 2,
      isCurrent: true,
      late: true,
      correctionReason: '到位资金统计口径有误',
    });

    const list = await officerA.get(`/api/projects/${p.id}/reports`);
    expect(list.status).toBe(200);
    const versions = list.body.items.map((r: { version: number; isCurrent: boolean; text: string }) => [
      r.version,
      r.isCurrent,
      r.text,
    ]);
    expect(versions).toEqual(
      expect.arrayContaining([
        [1, false, '20日更新'],
        [2, true, '21日更正'],
      ]),
    );
    expect(versions).toHaveLength(2);
  });

  it('marks a first report submitted on the 21st as late', async () => {
    const p = await makeProject({ responsibleUnitId: officerA.unitId, stageEnteredOn: '2025-08-01' });
    at('2025-09-21T00:05:00');
    const res = await officerA.post(`/api/projects/${p.id}/reports`, report('2025-09'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, late: true, correctionReason: null });
  });

  it('refuses future months, bad amounts, viewers, other units’ liaisons, inactive projects and callers out of scope', async () => {
    const p = await makeProject({ responsibleUnitId: officerA.unitId, stageEnteredOn: '2025-08-01' });
    at('2025-09-10T10:00:00');
    const future = await officerA.post(`/api/projects/${p.id}/reports`, report('2025-10'));
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('body.month');

    const negative = await officerA.post(`/api/projects/${p.id}/reports`, report('2025-09', { fundsInPlaceWan: '-3' }));
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0].field).toBe('body.fundsInPlaceWan');

    expect((await viewerA.post(`/api/projects/${p.id}/reports`, report('2025-09'))).status).toBe(403);
    expect((await liaisonB.post(`/api/projects/${p.id}/reports`, report('2025-09'))).status).toBe(403);
    expect((await gansuOfficer.post(`/api/projects/${p.id}/reports`, report('2025-09'))).status).toBe(404);
    expect((await gansuOfficer.get(`/api/projects/${p.id}/reports`)).status).toBe(404);

    const planned = await makeProject({
      responsibleUnitId: officerA.unitId,
      stage: 'planned',
      stageEnteredOn: '2025-08-01',
    });
    const refused = await officerA.post(`/api/projects/${planned.id}/reports`, report('2025-09'));
    expect(refused.status).toBe(409);
    expect(refused.body.i18n.en.detail).toContain('only projects from negotiating to in production');
    expect(await db.$count(progressReports, eq(progressReports.projectId, p.id))).toBe(0);
  });
});

describe('overdue reports', () => {
  it('lists a unit that did not report after the due date and notifies its users once', async () => {
    const owed = await makeProject({ responsibleUnitId: liaisonB.unitId, stageEnteredOn: '2025-08-01' });
    const reported = await makeProject({ responsibleUnitId: officerC.unitId, stageEnteredOn: '2025-10-01' });
    // Became active after the due day: owes nothing for that month.
    const lateStarter = await makeProject({ responsibleUnitId: liaisonB.unitId, stageEnteredOn: '2025-10-25' });

    at('2025-10-20T12:00:00');
    expect((await officerC.post(`/api/projects/${reported.id}/reports`, report('2025-10'))).status).toBe(201);
    const notYet = await provinceLeader.get('/api/reports/overdue?month=2025-10');
    expect(notYet.body.units).toEqual([]);
    await runOverdueReportsJob(db, '2025-10-20');
    const early = await db.select().from(notifications).where(eq(notifications.kind, 'report.overdue'));
    expect(early.filter((n) => n.entityId?.startsWith('2025-10/'))).toEqual([]);

    at('2025-10-21T08:00:00');
    const res = await provinceLeader.get('/api/reports/overdue?month=2025-10');
    expect(res.status).toBe(200);
    expect(res.body.month).toBe('2025-10');
    const unitB = res.body.units.find((u: { unit: { id: string } }) => u.unit.id === liaisonB.unitId);
    expect(unitB).toMatchObject({ dueDate: '2025-10-20', region: { code: '220400' } });
    const owedIds = unitB.projects.map((p: { id: string }) => p.id);
    expect(owedIds).toContain(owed.id);
    expect(owedIds).not.toContain(lateStarter.id);
    const listed = res.body.units.flatMap((u: { projects: { id: string }[] }) => u.projects.map((p) => p.id));
    expect(listed).not.toContain(reported.id);
    expect(res.body.units.find((u: { unit: { id: string } }) => u.unit.id === officerC.unitId)).toBeUndefined();
    // Outside the scope nothing of Liaoyuan shows.
    const gansu = await gansuOfficer.get('/api/reports/overdue?month=2025-10');
    expect(gansu.body.units.find((u: { unit: { id: string } }) => u.unit.id === liaisonB.unitId)).toBeUndefined();

    await runOverdueReportsJob(db, '2025-10-21');
    await runOverdueReportsJob(db, '2025-10-22');
    const sent = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, liaisonB.userId), eq(notifications.kind, 'report.overdue')));
    const forOctober = sent.filter((n) => n.entityId?.startsWith('2025-10/'));
    expect(forOctober).toHaveLength(1);
    expect(forOctober[0]!.bodyZh).toContain(owed.code);
    expect(forOctober[0]!.titleEn).toContain('2025-10');
    const mine = await liaisonB.get('/api/notifications');
    expect(JSON.stringify(mine.body)).toContain(owed.code);
    const toC = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, officerC.userId), eq(notifications.kind, 'report.overdue')));
    expect(toC.filter((n) => n.entityId?.startsWith('2025-10/'))).toHaveLength(0);
  });
});

describe('stalled negotiations and task forces (Jilin: six months)', () => {
  it('flags a negotiation from the day after six months without progress, not before, and tells the first unit', async () => {
    const stalled = await makeProject({ responsibleUnitId: officerA.unitId, stageEnteredOn: '2025-01-15' });
    const progressing = await makeProject({
      responsibleUnitId: officerA.unitId,
      stageEnteredOn: '2025-01-15',
      lastSubstantiveProgressOn: '2025-03-01',
    });

    await runStalledProjectsJob(db, '2025-07-15');
    const [before] = await db.select().from(projects).where(eq(projects.id, stalled.id));
    expect(before!.stalledSince).toBeNull();

    await runStalledProjectsJob(db, '2025-07-16');
    const [after] = await db.select().from(projects).where(eq(projects.id, stalled.id));
    expect(after!.stalledSince).toBe('2025-07-16');
    const [other] = await db.select().from(projects).where(eq(projects.id, progressing.id));
    expect(other!.stalledSince).toBeNull();
    expect((await runStalledProjectsJob(db, '2025-07-17')).flagged).toBe(0);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'project.stalled'), eq(notifications.entityId, stalled.id)));
    expect(told.map((n) => n.userId)).toContain(officerA.userId);
    expect(told).toHaveLength(
      await db.$count(
        notifications,
        and(eq(notifications.kind, 'project.stalled'), eq(notifications.entityId, stalled.id)),
      ),
    );

    const list = await provinceLeader.get('/api/projects/stalled');
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { id: string }) => i.id === stalled.id);
    expect(item).toMatchObject({ code: stalled.code, stalledSince: '2025-07-16', stage: 'negotiating' });
    expect(list.body.items.find((i: { id: string }) => i.id === progressing.id)).toBeUndefined();
    expect((await gansuOfficer.get('/api/projects/stalled')).body.items).toEqual([]);

    // A leader assigns a task force; an officer may not.
    const force = { leaderName: '王副市长', leadUnitId: officerA.unitId, members: ['市商务局', '东丰县政府'] };
    const denied = await provinceOfficer.post(`/api/projects/${stalled.id}/task-forces`, force);
    expect(denied.status).toBe(403);
    const created = await provinceLeader.post(`/api/projects/${stalled.id}/task-forces`, force);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      leaderName: '王副市长',
      leadUnit: { id: officerA.unitId },
      members: ['市商务局', '东丰县政府'],
      active: true,
    });
    expect(await db.$count(taskForces, eq(taskForces.projectId, stalled.id))).toBe(1);
    const [gansuUnit] = await db.select().from(units).where(eq(units.id, gansuOfficer.unitId));
    const outside = await provinceLeader.post(`/api/projects/${stalled.id}/task-forces`, {
      ...force,
      leadUnitId: gansuUnit!.id,
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].field).toBe('body.leadUnitId');
    // an officer may not assign task forces at all (403 before any lookup); a leader of another province does not find it
    expect((await gansuOfficer.post(`/api/projects/${stalled.id}/task-forces`, force)).status).toBe(403);
    expect((await gansuLeader.post(`/api/projects/${stalled.id}/task-forces`, force)).status).toBe(404);

    // Substantive progress clears the flag and restarts the clock.
    at('2025-07-18T10:00:00');
    const progress = await officerA.post(
      `/api/projects/${stalled.id}/reports`,
      report('2025-07', { substantiveProgress: true, text: '完成尽职调查，进入协议起草' }),
    );
    expect(progress.status).toBe(201);
    const [cleared] = await db.select().from(projects).where(eq(projects.id, stalled.id));
    expect(cleared).toMatchObject({ stalledSince: null, lastSubstantiveProgressOn: '2025-07-18' });
    await runStalledProjectsJob(db, '2026-01-18');
    const [notAgainYet] = await db.select().from(projects).where(eq(projects.id, stalled.id));
    expect(notAgainYet!.stalledSince).toBeNull();
    await runStalledProjectsJob(db, '2026-01-19');
    const [again] = await db.select().from(projects).where(eq(projects.id, stalled.id));
    expect(again!.stalledSince).toBe('2026-01-19');
  });
});
