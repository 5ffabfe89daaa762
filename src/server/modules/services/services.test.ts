import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RISK_KEYS } from '../../../domain/review';
import type { Db } from '../../db/client';
import { auditLog, enterprises, notifications, projects, taskForces } from '../../db/schema';
import { type ApiClient, startTestApp, type TestApp } from '../../test/harness';
import { runObligationMonitor } from './service';
import { runTicketEscalation } from './tickets.service';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let db: Db;
/** Jiaxing (330400): reviews are required at ≥ 500000 万元 (jiaxing §三(四)), 容错免责 provided. */
let jxOfficer: Client;
let jxLeader: Client;
/** Gansu (620100 兰州): enterprise-caused delay shortens support (gansu §(二十二)). */
let gsOfficer: Client;
let gsLeader: Client;
/** A Lanzhou department (自然资源局) that receives tickets, and a viewer. */
let gsDepartment: Client;
let gsViewer: Client;
/** Liaoyuan (220400): sees nothing of Gansu or Jiaxing. */
let lyOfficer: Client;
let seq = 0;

/** Server and test share this process: the clock the services read is set here (China time). */
function at(date: string) {
  vi.setSystemTime(new Date(`${date}T10:00:00+08:00`));
}

async function makeProject(options: {
  region: string;
  unitId: string;
  totalInvestmentWan?: string;
  stage?: 'intent' | 'signed' | 'started';
  landDemandMu?: string;
  expectedTaxWan?: string;
}) {
  const n = ++seq;
  const [row] = await db
    .insert(projects)
    .values({
      code: `ZS-2025-${options.region}-8${String(n).padStart(4, '0')}`,
      name: `服务测试项目${n}`,
      nameCore: `服务测试项目${n}`,
      totalInvestmentWan: options.totalInvestmentWan ?? '20000',
      landDemandMu: options.landDemandMu ?? null,
      expectedTaxWan: options.expectedTaxWan ?? null,
      sourceChannel: '以商招商',
      firstUnitId: options.unitId,
      firstRegionCode: options.region,
      hostRegionCode: options.region,
      responsibleUnitId: options.unitId,
      stage: options.stage ?? 'intent',
      stageEnteredOn: '2025-01-01',
    })
    .returning({ id: projects.id, name: projects.name, version: projects.version });
  return row!;
}

async function uploadAgreement(client: Client): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.4 agreement')], { type: 'application/pdf' }), '投资协议.pdf');
  const res = await client.request('POST', '/api/files', form);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const allPass = RISK_KEYS.map((key) => ({ key, result: 'pass' }));
const review = (
  meetingDate: string,
  decision: 'approve' | 'reject' | 'defer',
  extra: Record<string, unknown> = {},
) => ({
  meetingDate,
  members: ['市长 王某', '商务局 李某', '发改委 赵某'],
  scores: [
    { criterion: '产业契合度', score: 27, max: 30 },
    { criterion: '亩均效益', score: 20, max: 30 },
  ],
  risks: allPass,
  decision,
  minutes: '经集体研究，形成如下意见。',
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  db = t.database.db;
  jxOfficer = await t.signIn({ role: 'officer', regionCode: '330400' });
  jxLeader = await t.signIn({ role: 'leader', regionCode: '330400' });
  gsOfficer = await t.signIn({ role: 'officer', regionCode: '620100' });
  gsLeader = await t.signIn({ role: 'leader', regionCode: '620100' });
  gsDepartment = await t.signIn({ role: 'liaison', regionCode: '620100', unitName: '兰州市自然资源局（测试）' });
  gsViewer = await t.signIn({ role: 'viewer', regionCode: '620100' });
  lyOfficer = await t.signIn({ role: 'officer', regionCode: '220400' });
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

describe('review and collective decision before 签约', () => {
  it('blocks a Jiaxing signing at or over 500000 万元 until an approving review, following the latest decision', async () => {
    at('2025-05-01');
    const project = await makeProject({ region: '330400', unitId: jxOfficer.unitId, totalInvestmentWan: '650000' });
    const fileId = await uploadAgreement(jxOfficer);
    // Pre-signing filing (jiaxing §二(一)3, coordination module) 7 days ahead, so only the review decides.
    const filed = await jxOfficer.post(`/api/coordination/projects/${project.id}/filings`, {
      plannedSigningDate: '2025-06-01',
    });
    expect(filed.status).toBe(201);

    at('2025-06-05');
    const sign = {
      to: 'signed',
      signingDate: '2025-06-01',
      contractAmountWan: '600000',
      parties: ['嘉兴市人民政府', '某集团'],
      agreementFileId: fileId,
    };
    const blocked = await jxOfficer.post(`/api/projects/${project.id}/transitions`, sign);
    expect(blocked.status).toBe(400);
    expect(blocked.body.code).toBe('REVIEW_REQUIRED');
    expect(blocked.body.detail).toContain('jiaxing §三(四)');
    expect(blocked.body.errors[0].field).toBe('body.signingDate');

    // An incomplete review is refused, naming each field.
    const bad = await jxOfficer.post(`/api/projects/${project.id}/reviews`, {
      ...review('2025-05-10', 'approve'),
      members: ['一人'],
      risks: allPass.map((r) => (r.key === 'negativeList' ? { key: r.key, result: 'fail', note: '属禁止类' } : r)),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.members', 'body.decision']);

    expect((await jxOfficer.post(`/api/projects/${project.id}/reviews`, review('2025-05-10', 'approve'))).status).toBe(
      201,
    );
    const deferred = await jxOfficer.post(`/api/projects/${project.id}/reviews`, review('2025-05-20', 'defer'));
    expect(deferred.status).toBe(201);
    const stillBlocked = await jxOfficer.post(`/api/projects/${project.id}/transitions`, sign);
    expect(stillBlocked.body.code).toBe('REVIEW_REQUIRED');
    expect(stillBlocked.body.detail).toContain('暂缓');

    const approved = await jxOfficer.post(`/api/projects/${project.id}/reviews`, review('2025-05-28', 'approve'));
    expect(approved.body.averageScore).toBe('78.33');
    const signed = await jxOfficer.post(`/api/projects/${project.id}/transitions`, sign);
    expect(signed.status).toBe(200);
    expect(signed.body.stage).toBe('signed');

    const list = await jxOfficer.get(`/api/services/reviews?projectId=${project.id}`);
    expect(list.body.items.map((r: { decision: string }) => r.decision)).toEqual(['approve', 'defer', 'approve']);
    expect((await lyOfficer.get(`/api/services/reviews?projectId=${project.id}`)).body.items).toEqual([]);
  });

  it('lets smaller signings and regions without the rule through', async () => {
    at('2025-06-05');
    const small = await makeProject({ region: '330400', unitId: jxOfficer.unitId, totalInvestmentWan: '80000' });
    const fileId = await uploadAgreement(jxOfficer);
    const res = await jxOfficer.post(`/api/projects/${small.id}/transitions`, {
      to: 'signed',
      signingDate: '2025-06-01',
      contractAmountWan: '80000',
      parties: ['嘉兴市人民政府'],
      agreementFileId: fileId,
    });
    expect(res.status).toBe(200);
    const gansu = await makeProject({ region: '620100', unitId: gsOfficer.unitId, totalInvestmentWan: '900000' });
    const gsFile = await uploadAgreement(gsOfficer);
    const gs = await gsOfficer.post(`/api/projects/${gansu.id}/transitions`, {
      to: 'signed',
      signingDate: '2025-06-01',
      contractAmountWan: '900000',
      parties: ['兰州新区管委会'],
      agreementFileId: gsFile,
    });
    expect(gs.status).toBe(200);
  });

  it('reports investment intensity and tax per 亩 with the review', async () => {
    at('2025-06-05');
    const p = await makeProject({
      region: '620100',
      unitId: gsOfficer.unitId,
      totalInvestmentWan: '30000',
      landDemandMu: '100',
      expectedTaxWan: '2500',
    });
    const res = await gsOfficer.post(`/api/projects/${p.id}/reviews`, review('2025-06-01', 'reject'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ investmentPerMuWan: '300', taxPerMuWan: '25', decision: 'reject' });
    expect((await gsViewer.post(`/api/projects/${p.id}/reviews`, review('2025-06-01', 'reject'))).status).toBe(403);
    expect((await lyOfficer.post(`/api/projects/${p.id}/reviews`, review('2025-06-01', 'reject'))).status).toBe(404);
  });
});

async function gansuAgreement() {
  const project = await makeProject({ region: '620100', unitId: gsOfficer.unitId, stage: 'signed' });
  const res = await gsOfficer.post(`/api/projects/${project.id}/agreements`, {
    title: '年产10万吨新材料项目投资协议',
    agreementNo: 'LZXQ-2025-017',
    signedOn: '2025-01-10',
    enterpriseName: '兰州某新材料有限公司',
    governmentParty: '兰州新区管理委员会',
    supportEndsOn: '2030-12-31',
    obligations: [
      {
        kind: 'start_construction',
        clause: '第五条第一款',
        description: '乙方于2025年3月31日前开工建设',
        dueDate: '2025-03-31',
      },
      {
        kind: 'start_production',
        clause: '第五条第二款',
        description: '乙方于2025年12月31日前建成投产',
        dueDate: '2025-12-31',
      },
      {
        kind: 'tax_per_mu',
        clause: '第六条',
        description: '2025年度亩均税收不低于30万元',
        dueDate: '2026-03-31',
        measureYear: 2025,
        targetValue: '30',
      },
      {
        kind: 'government_commitment',
        clause: '第八条',
        description: '甲方于2025年4月30日前完成供电线路接入',
        dueDate: '2025-04-30',
      },
    ],
  });
  expect(res.status).toBe(201);
  return { project, agreement: res.body };
}

interface ObligationView {
  id: string;
  kind: string;
  status: string;
  version: number;
  governmentFlagged: string | null;
  letters: { id: string; docNo: string; sentOn: string }[];
}

function obligationOf(agreement: { obligations: ObligationView[] }, kind: string): ObligationView {
  const found = agreement.obligations.find((o) => o.kind === kind);
  if (!found) throw new Error(`no ${kind} obligation in ${JSON.stringify(agreement)}`);
  return found;
}

/** The visible text of a .docx: word/document.xml with its tags removed. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

describe('agreements, obligations and the daily monitor', () => {
  it('marks obligations as days pass, sends a 履约提醒函 for a late enterprise obligation and flags a late commitment', async () => {
    at('2025-03-10');
    const { project, agreement } = await gansuAgreement();
    expect(obligationOf(agreement, 'start_construction').status).toBe('due');
    expect(obligationOf(agreement, 'government_commitment').status).toBe('pending');

    await runObligationMonitor(db, '2025-04-01');
    let a = (await gsOfficer.get(`/api/services/agreements/${agreement.id}`)).body;
    const start = obligationOf(a, 'start_construction');
    expect(start.status).toBe('late');
    expect(start.letters).toHaveLength(1);
    expect(start.letters[0]!.sentOn).toBe('2025-04-01');
    expect(obligationOf(a, 'government_commitment').status).toBe('due');
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, gsOfficer.userId), eq(notifications.kind, 'services.reminder_letter')));
    expect(told).toHaveLength(1);

    // The same day again changes nothing and sends no second letter.
    expect(await runObligationMonitor(db, '2025-04-01')).toEqual({ changed: 0, letters: 0, governmentFlagged: 0 });

    await runObligationMonitor(db, '2025-05-01');
    a = (await gsOfficer.get(`/api/services/agreements/${agreement.id}`)).body;
    const commitment = obligationOf(a, 'government_commitment');
    expect(commitment.status).toBe('late');
    expect(commitment.governmentFlagged).toBe('2025-05-01');
    expect(commitment.letters).toEqual([]);
    const leaders = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, gsLeader.userId), eq(notifications.kind, 'services.commitment_late')));
    expect(leaders).toHaveLength(1);

    // A manual letter for a government commitment is refused; filter by status finds the agreement.
    const refused = await gsOfficer.post(`/api/services/obligations/${commitment.id}/letters`, {});
    expect(refused.status).toBe(400);
    const late = await gsOfficer.get(`/api/services/agreements?status=late&projectId=${project.id}`);
    expect(late.body.items.map((x: { id: string }) => x.id)).toEqual([agreement.id]);

    // Gansu §(二十二): construction started 45 days late for the enterprise's own reasons.
    at('2025-05-20');
    const needCause = await gsOfficer.post(`/api/services/obligations/${start.id}/performance`, {
      version: start.version,
      metOn: '2025-05-15',
    });
    expect(needCause.status).toBe(400);
    expect(needCause.body.errors[0].field).toBe('body.delayCause');
    const met = await gsOfficer.post(`/api/services/obligations/${start.id}/performance`, {
      version: start.version,
      metOn: '2025-05-15',
      delayCause: 'enterprise',
    });
    expect(met.status).toBe(200);
    expect(obligationOf(met.body, 'start_construction').status).toBe('met');
    expect(met.body).toMatchObject({ supportEndsOn: '2030-11-16', supportShortenedDays: 45 });

    // Production an objective delay: no further shortening. Stale versions are refused.
    at('2026-01-20');
    const production = obligationOf(met.body, 'start_production');
    const objective = await gsOfficer.post(`/api/services/obligations/${production.id}/performance`, {
      version: production.version,
      metOn: '2026-01-10',
      delayCause: 'objective',
    });
    expect(objective.body.supportShortenedDays).toBe(45);
    const stale = await gsOfficer.post(`/api/services/obligations/${production.id}/performance`, {
      version: production.version,
      metOn: '2026-01-10',
      delayCause: 'objective',
    });
    expect(stale.status).toBe(409);

    // Tax per 亩 recorded short of the target after its due date: breached. (Dates stay before the
    // real today: the sessions were opened on the real clock.)
    at('2026-04-10');
    const tax = obligationOf(objective.body, 'tax_per_mu');
    const short = await gsOfficer.post(`/api/services/obligations/${tax.id}/performance`, {
      version: tax.version,
      actualValue: '25.5',
    });
    expect(obligationOf(short.body, 'tax_per_mu').status).toBe('breached');

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'reminder_letter.sent'));
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect((await lyOfficer.get(`/api/services/agreements/${agreement.id}`)).status).toBe(404);
  });

  it('generates the reminder letter as a Word document that reads back with the agreement, clause, obligation and dates', async () => {
    at('2025-03-10');
    const { agreement, project } = await gansuAgreement();
    await runObligationMonitor(db, '2025-04-02');
    at('2025-04-03');
    const start = obligationOf(
      (await gsOfficer.get(`/api/services/agreements/${agreement.id}`)).body,
      'start_construction',
    );
    const sent = await gsOfficer.post(`/api/services/obligations/${start.id}/letters`, {
      requestedAction: '于收函后30日内开工建设',
      replyDays: 10,
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ sentOn: '2025-04-03', replyBy: '2025-04-13', addressee: '兰州某新材料有限公司' });
    expect(sent.body.docNo).toMatch(/^履约提醒〔2025〕\d+号$/);

    const res = await gsOfficer.get(`/api/services/letters/${sent.body.id}/docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = res.body as Buffer;
    const text = await docxText(bytes);
    for (const expected of [
      '履约提醒函',
      sent.body.docNo,
      '兰州某新材料有限公司：',
      '《年产10万吨新材料项目投资协议》',
      'LZXQ-2025-017',
      '第五条第一款',
      '乙方于2025年3月31日前开工建设',
      '履约期限为2025年3月31日',
      project.name,
      '于收函后30日内开工建设',
      '2025年4月13日前',
      '兰州新区管理委员会',
      '2025年4月3日',
    ]) {
      expect(text).toContain(expected);
    }
    // The issuing unit and the date close the letter, in that order.
    expect(text.trimEnd().endsWith('兰州新区管理委员会\n2025年4月3日')).toBe(true);

    // LibreOffice Writer, where installed, opens it as a Word document too (this machine has only Calc).
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
    if (soffice && existsSync('/usr/lib/libreoffice/program/libswlo.so')) {
      const dir = mkdtempSync(path.join(tmpdir(), 'zs-letter-'));
      try {
        writeFileSync(path.join(dir, 'letter.docx'), bytes);
        execFileSync(
          soffice,
          [
            '--headless',
            `-env:UserInstallation=file://${dir}/profile`,
            '--convert-to',
            'txt:Text',
            '--outdir',
            dir,
            path.join(dir, 'letter.docx'),
          ],
          {
            stdio: 'ignore',
            timeout: 90_000,
          },
        );
        const converted = readFileSync(path.join(dir, 'letter.txt'), 'utf8');
        expect(converted).toContain('履约提醒函');
        expect(converted).toContain('第五条第一款');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    expect((await lyOfficer.get(`/api/services/letters/${sent.body.id}/docx`)).status).toBe(404);
  }, 120_000);
});

describe('容错免责 (jiaxing §三(四))', () => {
  const steps = {
    application: { date: '2025-08-01', note: '嘉商〔2025〕21号' },
    verification: { date: '2025-08-10', note: '市纪委市监委核实意见' },
    decision: { date: '2025-08-20', note: '市政府常务会议纪要第12期' },
  };

  async function jiaxingAgreement(withReview: boolean) {
    at('2025-03-01');
    const project = await makeProject({ region: '330400', unitId: jxOfficer.unitId, stage: 'signed' });
    if (withReview) await jxOfficer.post(`/api/projects/${project.id}/reviews`, review('2025-02-20', 'approve'));
    const res = await jxOfficer.post(`/api/projects/${project.id}/agreements`, {
      title: '智能装备项目投资协议',
      agreementNo: 'JX-2025-009',
      signedOn: '2025-02-25',
      enterpriseName: '嘉兴某智能装备有限公司',
      governmentParty: '嘉兴经济技术开发区管理委员会',
      obligations: [
        { kind: 'start_construction', clause: '第四条', description: '2025年6月30日前开工', dueDate: '2025-06-30' },
      ],
    });
    return res.body as { id: string; version: number };
  }

  it('records an exemption for an objective cause after review with its procedure, and refuses otherwise', async () => {
    const reviewed = await jiaxingAgreement(true);
    at('2025-08-25');
    expect(
      (
        await jxOfficer.post(`/api/services/agreements/${reviewed.id}/exemption`, {
          version: reviewed.version,
          cause: 'market_change',
          steps,
        })
      ).status,
    ).toBe(403);
    const wrongCause = await jxLeader.post(`/api/services/agreements/${reviewed.id}/exemption`, {
      version: reviewed.version,
      cause: 'investor_withdrew',
      steps: { application: steps.application },
    });
    expect(wrongCause.status).toBe(400);
    expect(wrongCause.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.cause',
      'body.steps.verification',
      'body.steps.decision',
    ]);
    const ok = await jxLeader.post(`/api/services/agreements/${reviewed.id}/exemption`, {
      version: reviewed.version,
      cause: 'market_change',
      steps,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('exempted');
    expect(ok.body.exemption).toMatchObject({
      cause: 'market_change',
      source: 'jiaxing §三(四)',
      causeLabel: { zh: '市场变化' },
    });
    expect(ok.body.obligations[0].status).toBe('exempted');
    // The monitor leaves an exempted agreement alone.
    await runObligationMonitor(db, '2025-09-01');
    expect((await jxLeader.get(`/api/services/agreements/${reviewed.id}`)).body.obligations[0].status).toBe('exempted');

    const unreviewed = await jiaxingAgreement(false);
    at('2025-08-25');
    const refused = await jxLeader.post(`/api/services/agreements/${unreviewed.id}/exemption`, {
      version: unreviewed.version,
      cause: 'force_majeure',
      steps,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.review']);
  });

  it('is not available where no pack provides it (Gansu)', async () => {
    at('2025-03-10');
    const { agreement } = await gansuAgreement();
    at('2025-08-25');
    const res = await gsLeader.post(`/api/services/agreements/${agreement.id}/exemption`, {
      version: agreement.version,
      cause: 'force_majeure',
      steps,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.cause');
  });
});

describe('service ledger (服务台账)', () => {
  it('assigns a ticket to a department, keeps progress notes, closes it and counts it per department', async () => {
    at('2025-06-10');
    const project = await makeProject({ region: '620100', unitId: gsOfficer.unitId, stage: 'started' });
    const created = await gsOfficer.post('/api/services/tickets', {
      projectId: project.id,
      title: '用地手续办理',
      description: '项目二期用地需办理农转用手续',
      departmentId: gsDepartment.unitId,
      dueDate: '2025-06-20',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'open', openedOn: '2025-06-10', overdue: false });
    const assigned = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, gsDepartment.userId), eq(notifications.kind, 'services.ticket_assigned')));
    expect(assigned).toHaveLength(1);

    // The department itself records progress and closes it.
    at('2025-06-12');
    const noted = await gsDepartment.post(`/api/services/tickets/${created.body.id}/notes`, { text: '已完成组卷上报' });
    expect(noted.status).toBe(201);
    expect(noted.body.notes.map((n: { text: string }) => n.text)).toEqual(['已完成组卷上报']);
    at('2025-06-15');
    const closed = await gsDepartment.post(`/api/services/tickets/${created.body.id}/close`, {
      version: noted.body.version,
      resolution: '省厅已批复',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2025-06-15', resolution: '省厅已批复' });
    expect((await gsDepartment.post(`/api/services/tickets/${created.body.id}/notes`, { text: '再补充' })).status).toBe(
      409,
    );

    // Another ticket, due on the 12th, goes overdue and onto the coordination meeting list.
    at('2025-06-11');
    const second = await gsOfficer.post('/api/services/tickets', {
      projectId: project.id,
      title: '电力接入',
      departmentId: gsDepartment.unitId,
      dueDate: '2025-06-12',
    });
    expect(second.status).toBe(201);
    expect(await runTicketEscalation(db, '2025-06-12')).toBe(0);
    expect(await runTicketEscalation(db, '2025-06-13')).toBe(1);
    expect(await runTicketEscalation(db, '2025-06-14')).toBe(0);
    at('2025-06-16');
    const list = await gsOfficer.get('/api/services/tickets?escalated=true');
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([second.body.id]);
    expect(list.body.items[0]).toMatchObject({ escalatedOn: '2025-06-13', overdue: true });
    const leaderTold = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, gsLeader.userId), eq(notifications.kind, 'services.ticket_overdue')));
    expect(leaderTold).toHaveLength(1);

    const figures = await gsOfficer.get('/api/services/departments');
    expect(
      figures.body.items.find((f: { department: { id: string } }) => f.department.id === gsDepartment.unitId),
    ).toMatchObject({
      opened: 2,
      closed: 1,
      overdue: 1,
      closedLate: 0,
      medianDaysToClose: 5,
    });

    // Scope and roles.
    expect((await lyOfficer.get(`/api/services/tickets/${second.body.id}`)).status).toBe(404);
    expect((await lyOfficer.get('/api/services/departments')).body.items).toEqual([]);
    const viewerTry = await gsViewer.post('/api/services/tickets', {
      projectId: project.id,
      title: 'x',
      departmentId: gsDepartment.unitId,
      dueDate: '2025-07-01',
    });
    expect(viewerTry.status).toBe(403);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'ticket'), eq(auditLog.entityId, created.body.id)));
    expect(audit.map((r) => r.action)).toEqual(['ticket.created', 'ticket.note', 'ticket.closed']);
  });

  it('keeps the commissioner, task force and supervision notices of a project', async () => {
    at('2025-06-10');
    const project = await makeProject({ region: '620100', unitId: gsOfficer.unitId, stage: 'started' });
    await db
      .insert(taskForces)
      .values({ projectId: project.id, leaderName: '副市长 张某', leadUnitId: gsOfficer.unitId, members: ['李某'] });
    const set = await gsOfficer.put(`/api/projects/${project.id}/commissioner`, {
      name: '服务专员 刘某',
      unitId: gsOfficer.unitId,
      phone: '0931-0000000',
    });
    expect(set.status).toBe(200);
    expect(set.body.commissioner).toMatchObject({ name: '服务专员 刘某', phone: '0931-0000000' });
    expect(set.body.taskForces.map((f: { leaderName: string }) => f.leaderName)).toEqual(['副市长 张某']);

    const notice = await gsOfficer.post('/api/services/supervision-notices', {
      projectId: project.id,
      leadUnitId: gsDepartment.unitId,
      text: '请加快办理项目环评批复',
      replyBy: '2025-06-20',
    });
    expect(notice.status).toBe(201);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, gsDepartment.userId), eq(notifications.kind, 'services.supervision_notice')));
    expect(told).toHaveLength(1);
    const ledger = await gsOfficer.get(`/api/projects/${project.id}/service-ledger`);
    expect(ledger.body.notices.map((n: { text: string }) => n.text)).toEqual(['请加快办理项目环评批复']);
    expect((await lyOfficer.get(`/api/projects/${project.id}/service-ledger`)).status).toBe(404);
  });
});

describe('六必访 enterprise visits (gansu §(二十一))', () => {
  it('lists an enterprise as due a visit once an occasion is recorded, until a visit for that occasion', async () => {
    const [enterprise] = await db
      .insert(enterprises)
      .values({
        name: '兰州走访测试有限公司',
        nameCore: '走访测试',
        namePinyin: 'zfcs',
        regionCode: '620100',
        unitId: gsOfficer.unitId,
      })
      .returning();
    at('2025-05-01');
    const occasion = await gsOfficer.post('/api/services/visit-occasions', {
      enterpriseId: enterprise!.id,
      occasion: 'capital_increase',
      occurredOn: '2025-05-01',
      note: '拟增资2亿元扩建二期',
    });
    expect(occasion.status).toBe(201);
    let due = await gsOfficer.get('/api/services/visits/due');
    expect(due.body.source).toBe('gansu §(二十一)');
    expect(due.body.items.map((o: { id: string }) => o.id)).toContain(occasion.body.id);

    at('2025-05-03');
    // A visit for another occasion does not answer this one.
    await gsOfficer.post('/api/services/visits', {
      enterpriseId: enterprise!.id,
      occasion: 'operating_difficulty',
      visitedOn: '2025-05-02',
      visitors: ['商务局 王某'],
    });
    due = await gsOfficer.get('/api/services/visits/due');
    expect(due.body.items.map((o: { id: string }) => o.id)).toContain(occasion.body.id);
    const visit = await gsOfficer.post('/api/services/visits', {
      enterpriseId: enterprise!.id,
      occasion: 'capital_increase',
      visitedOn: '2025-05-03',
      visitors: ['商务局 王某', '自然资源局 李某'],
      notes: '了解增资扩产用地需求',
    });
    expect(visit.status).toBe(201);
    expect(visit.body.occasionLabel.zh).toBe('增资扩产时');
    due = await gsOfficer.get('/api/services/visits/due');
    expect(due.body.items.map((o: { id: string }) => o.id)).not.toContain(occasion.body.id);
    expect((await lyOfficer.get('/api/services/visits')).body.items).toEqual([]);
    const outside = await lyOfficer.post('/api/services/visits', {
      enterpriseId: enterprise!.id,
      occasion: 'ipo_preparation',
      visitedOn: '2025-05-03',
      visitors: ['某人'],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].field).toBe('body.enterpriseId');
  });
});
