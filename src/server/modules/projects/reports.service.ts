import { AppError, type Bilingual } from '../../../domain/errors';
import { STAGE_LABELS } from '../../../domain/lifecycle';
import { parseWan } from '../../../domain/money';
import { can, mayWriteOwned } from '../../../domain/permissions';
import {
  addMonthsToMonth,
  chinaDate,
  dueDate,
  isReportingStage,
  isStalled,
  monthsOwed,
  reportMonthFor,
  stalledFrom,
} from '../../../domain/reporting';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { assertUnitsInScope } from '../../lib/scope';
import { recordAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { effectivePolicy } from '../policies/service';
import * as coreRepo from './repository';
import * as repo from './reports.repository';
import type {
  TOverdueReports,
  TReport,
  TStalledList,
  TSubmitReportRequest,
  TTaskForce,
  TTaskForceRequest,
} from './reports.schema';
import { presentProjectListItem, presentReport, presentTaskForce } from './presenter';

/** Report and stall rules are judged per region and date; a job touches many projects of few regions. */
class PolicyCache {
  private readonly values = new Map<string, number>();
  constructor(private readonly db: Db) {}

  /** The report due day of a month in a region, by the pack in force on the month's first day. */
  async dueDay(regionCode: string, month: string): Promise<number> {
    return this.get(`due|${regionCode}|${month}`, async () => {
      const policy = await effectivePolicy(this.db, regionCode, `${month}-01`);
      return policy.reportDueDay!.value;
    });
  }

  /** Months without substantive progress after which a negotiation is stalled, on `today`. */
  async stalledMonths(regionCode: string, today: string): Promise<number> {
    return this.get(`stall|${regionCode}|${today}`, async () => {
      const policy = await effectivePolicy(this.db, regionCode, today);
      return policy.stalledMonths!.value;
    });
  }

  private async get(key: string, load: () => Promise<number>): Promise<number> {
    const hit = this.values.get(key);
    if (hit !== undefined) return hit;
    const value = await load();
    this.values.set(key, value);
    return value;
  }
}

function reportAuditView(r: TReport) {
  return {
    month: r.month,
    version: r.version,
    text: r.text,
    substantiveProgress: r.substantiveProgress,
    fundsInPlaceWan: r.fundsInPlaceWan,
    problems: r.problems,
    unitId: r.unit.id,
    submittedBy: r.submittedBy?.id ?? null,
    submittedAt: r.submittedAt,
    late: r.late,
    correctionReason: r.correctionReason,
  };
}

async function loadReport(db: Db, projectId: string, reportId: string): Promise<TReport> {
  const row = (await coreRepo.listReports(db, projectId)).find((r) => r.id === reportId);
  if (!row) throw new AppError('NOT_FOUND');
  return presentReport(row);
}

/** Funds in place: a decimal string ≥ 0 with at most two decimals (the column keeps two). */
function parseFunds(text: string): string {
  const parsed = parseWan(text);
  if (!parsed.ok) throw new AppError('VALIDATION', { fields: [{ field: 'body.fundsInPlaceWan', ...parsed.error }] });
  if (parsed.units % 100n !== 0n) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          field: 'body.fundsInPlaceWan',
          zh: '到位资金最多保留两位小数（万元）',
          en: 'Funds in place may have at most two decimals (万元)',
        },
      ],
    });
  }
  return parsed.text;
}

/**
 * Submits the monthly progress report of a project (liaoyuan §三.二: by the due day of the month).
 * While the month is open (on or before its due date) a new submission replaces the current one;
 * once it has closed, a second report is a correction: a new version with a reason, the old kept.
 */
export async function submitReport(
  db: Db,
  auth: AuthContext,
  projectId: string,
  input: TSubmitReportRequest,
  now = new Date(),
): Promise<TReport> {
  const today = chinaDate(now);
  if (input.month > reportMonthFor(today)) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          field: 'body.month',
          zh: `不能填报未来月份（${input.month}）的进展`,
          en: `Cannot report on a future month (${input.month})`,
        },
      ],
    });
  }
  const fundsInPlaceWan = parseFunds(input.fundsInPlaceWan);
  const correctionReason = input.correctionReason?.trim() || null;

  return db.transaction(async (tx) => {
    // The row lock serialises submissions for one project, so versions never collide.
    const project = await repo.findProjectForReporting(tx, auth, projectId, true);
    if (!project) throw new AppError('NOT_FOUND');
    if (!can(auth.user.role, 'report.submit')) {
      throw new AppError('FORBIDDEN', {
        detail: { zh: '查看人员不能填报进展', en: 'Viewers cannot submit progress reports' },
      });
    }
    // A liaison reports only on projects its unit answers for (object rule).
    if (!mayWriteOwned(auth.user, { ownerUnitIds: [project.responsibleUnitId] })) {
      throw new AppError('FORBIDDEN', {
        detail: {
          zh: '只有责任单位或辖区内的领导、业务人员可以填报该项目的进展',
          en: "Only the project's responsible unit, or a leader or officer in scope, may report on it",
        },
      });
    }
    if (!isReportingStage(project.stage)) {
      const label = STAGE_LABELS[project.stage];
      throw new AppError('CONFLICT', {
        detail: {
          zh: `项目处于“${label.zh}”阶段，只有洽谈至投产阶段的项目需要填报月度进展`,
          en: `The project is at ${label.en}; only projects from negotiating to in production report monthly progress`,
        },
      });
    }

    const policies = new PolicyCache(tx);
    const due = dueDate(input.month, await policies.dueDay(project.responsibleUnitRegionCode, input.month));
    const closed = today > due;
    const { current, maxVersion } = await repo.currentReportOf(tx, projectId, input.month);
    const content = {
      text: input.text,
      substantiveProgress: input.substantiveProgress,
      fundsInPlaceWan,
      problems: input.problems?.trim() || null,
      unitId: project.responsibleUnitId,
      submittedBy: auth.user.id,
      submittedAt: now,
      late: today > due,
    };

    let reportId: string;
    let action: string;
    let before: TReport | null = null;
    if (current && !closed) {
      before = await loadReport(tx, projectId, current.id);
      await repo.replaceReport(tx, current.id, { ...content, correctionReason });
      reportId = current.id;
      action = 'project.report_replaced';
    } else if (current && closed) {
      if (!correctionReason) {
        throw new AppError('VALIDATION', {
          fields: [
            {
              field: 'body.correctionReason',
              zh: `${input.month} 的填报已于 ${due} 截止，更正须说明原因`,
              en: `Reporting for ${input.month} closed on ${due}; a correction needs a reason`,
            },
          ],
        });
      }
      before = await loadReport(tx, projectId, current.id);
      await repo.markNotCurrent(tx, current.id);
      reportId = await repo.insertReport(tx, {
        projectId,
        month: input.month,
        version: maxVersion + 1,
        isCurrent: true,
        ...content,
        correctionReason,
      });
      action = 'project.report_corrected';
    } else {
      reportId = await repo.insertReport(tx, {
        projectId,
        month: input.month,
        version: maxVersion + 1,
        isCurrent: true,
        ...content,
        correctionReason,
      });
      action = 'project.report_submitted';
    }
    if (input.substantiveProgress) await repo.recordSubstantiveProgress(tx, projectId, today);

    const report = await loadReport(tx, projectId, reportId);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action,
      entity: 'project',
      entityId: projectId,
      regionCode: project.hostRegionCode,
      before: before ? reportAuditView(before) : null,
      after: reportAuditView(report),
    });
    return report;
  });
}

/** Every report version of a project the caller can see. */
export async function listProjectReports(db: Db, auth: AuthContext, projectId: string): Promise<{ items: TReport[] }> {
  const project = await repo.findProjectForReporting(db, auth, projectId);
  if (!project) throw new AppError('NOT_FOUND');
  return { items: (await coreRepo.listReports(db, projectId)).map(presentReport) };
}

type OverdueUnit = TOverdueReports['units'][number];

/**
 * Units that owe the report of `month` on `today`, each with its projects: active projects that
 * have no report for the month although its due date (by the unit's region) has passed.
 * `auth` null lists every unit (for the daily job).
 */
async function overdueUnits(db: Db, auth: AuthContext | null, month: string, today: string): Promise<OverdueUnit[]> {
  const policies = new PolicyCache(db);
  const byUnit = new Map<string, OverdueUnit>();
  for (const p of await repo.projectsWithoutReport(db, auth, month)) {
    const dueDay = await policies.dueDay(p.unitRegionCode, month);
    const spell = p.spellStartedAt ? chinaDate(p.spellStartedAt) : p.stageEnteredOn;
    const activeFrom = spell < p.stageEnteredOn ? spell : p.stageEnteredOn;
    if (!monthsOwed(activeFrom, today, dueDay, []).includes(month)) continue;
    let unit = byUnit.get(p.unitId);
    if (!unit) {
      unit = {
        unit: { id: p.unitId, name: p.unitName },
        region: { code: p.unitRegionCode, name: p.unitRegionName },
        dueDate: dueDate(month, dueDay),
        projects: [],
      };
      byUnit.set(p.unitId, unit);
    }
    unit.projects.push({ id: p.id, code: p.code, name: p.name });
  }
  return [...byUnit.values()];
}

/** The overdue list of a month (default: the previous month) for the caller's scope. */
export async function listOverdueReports(
  db: Db,
  auth: AuthContext,
  query: { month?: string },
  now = new Date(),
): Promise<TOverdueReports> {
  const today = chinaDate(now);
  const month = query.month ?? addMonthsToMonth(reportMonthFor(today), -1);
  const ownDueDay = await new PolicyCache(db).dueDay(auth.user.regionCode, month);
  return { month, dueDate: dueDate(month, ownDueDay), units: await overdueUnits(db, auth, month, today) };
}

/**
 * Daily job `reports.overdue`: tells the users of every unit that owes reports of the previous or
 * the current month, once per unit and month (a notice already sent is not sent again).
 */
export async function runOverdueReportsJob(db: Db, today: string): Promise<{ notifiedUnits: number }> {
  const current = reportMonthFor(today);
  let notifiedUnits = 0;
  for (const month of [addMonthsToMonth(current, -1), current]) {
    for (const unit of await overdueUnits(db, null, month, today)) {
      const sent = await db.transaction(async (tx) => {
        if (await repo.overdueNoticeSent(tx, unit.unit.id, month)) return false;
        const names = unit.projects.map((p) => `${p.code} ${p.name}`).join('；');
        const recipients = await notify(tx, {
          unitId: unit.unit.id,
          kind: 'report.overdue',
          title: overdueTitle(month, unit.projects.length),
          body: {
            zh: `${month} 月度进展应于 ${unit.dueDate} 前填报，以下项目尚未填报：${names}`,
            en: `The progress reports for ${month} were due on ${unit.dueDate}; not yet submitted: ${names}`,
          },
          entity: repo.OVERDUE_NOTICE_ENTITY,
          entityId: repo.overdueNoticeKey(unit.unit.id, month),
        });
        return recipients.length > 0;
      });
      if (sent) notifiedUnits++;
    }
  }
  return { notifiedUnits };
}

function overdueTitle(month: string, count: number): Bilingual {
  return {
    zh: `${month} 有 ${count} 个项目的月度进展逾期未报`,
    en: `${count} project report${count === 1 ? '' : 's'} for ${month} overdue`,
  };
}

/**
 * Daily job `projects.stalled` (jilin §三(一)): flags negotiating projects without substantive
 * progress for the policy's months, from the first day they count as stalled, and tells their
 * first-negotiation unit. Projects that left negotiation lose the flag.
 */
export async function runStalledProjectsJob(db: Db, today: string): Promise<{ flagged: number; cleared: number }> {
  const policies = new PolicyCache(db);
  let flagged = 0;
  // stalledMonths is at least 1, so anything touched within the last month cannot be stalled.
  const latestAnchor = new Date(Date.parse(`${today}T00:00:00Z`) - 28 * 86_400_000).toISOString().slice(0, 10);
  let afterId: string | null = null;
  for (;;) {
    const batch = await repo.stallCandidates(db, latestAnchor, afterId, 500);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.id;
    for (const p of batch) {
      const months = await policies.stalledMonths(p.firstRegionCode, today);
      const facts = {
        stage: p.stage,
        enteredStageOn: p.stageEnteredOn,
        lastSubstantiveProgressOn: p.lastSubstantiveProgressOn,
      };
      if (!isStalled(facts, today, months)) continue;
      const since = stalledFrom(facts, months)!;
      const marked = await db.transaction(async (tx) => {
        if (!(await repo.markStalled(tx, p.id, since))) return false;
        await recordAudit(tx, {
          actorId: null,
          action: 'project.stalled',
          entity: 'project',
          entityId: p.id,
          regionCode: p.hostRegionCode,
          before: { stalledSince: null },
          after: { stalledSince: since, stalledMonths: months },
        });
        await notify(tx, {
          unitId: p.firstUnitId,
          kind: 'project.stalled',
          title: { zh: `项目停滞：${p.name}`, en: `Project stalled: ${p.name}` },
          body: {
            zh: `${p.code} ${p.name} 洽谈已超过 ${months} 个月无实质性进展，请推进或提出处置意见。`,
            en: `${p.code} ${p.name} has been in negotiation for over ${months} months without substantive progress; move it forward or propose what to do.`,
          },
          entity: 'project',
          entityId: p.id,
        });
        return true;
      });
      if (marked) flagged++;
    }
  }
  const cleared = await db.transaction(async (tx) => {
    const list = await repo.clearStaleFlags(tx);
    for (const p of list) {
      await recordAudit(tx, {
        actorId: null,
        action: 'project.stall_cleared',
        entity: 'project',
        entityId: p.id,
        regionCode: p.hostRegionCode,
        after: { stalledSince: null, reason: 'left negotiation' },
      });
    }
    return list.length;
  });
  return { flagged, cleared };
}

/** Stalled negotiations the caller can see, longest stalled first. */
export async function listStalledProjects(db: Db, auth: AuthContext): Promise<TStalledList> {
  const { rows } = await coreRepo.listProjects(
    db,
    auth.scope,
    { stage: 'negotiating', stalled: true },
    { pageSize: null, withTotal: false, sort: 'code' },
  );
  const items = rows
    .map((row) => ({ ...presentProjectListItem(row), stalledSince: row.stalledSince! }))
    .sort((a, b) => (a.stalledSince < b.stalledSince ? -1 : a.stalledSince > b.stalledSince ? 1 : 0));
  return { items };
}

/**
 * Assigns a task force (包保专班, jilin §三(一)) to a project: leaders and admins decide this. The
 * lead unit must be one the caller can see; it is told of the assignment.
 */
export async function assignTaskForce(
  db: Db,
  auth: AuthContext,
  projectId: string,
  input: TTaskForceRequest,
): Promise<TTaskForce> {
  return db.transaction(async (tx) => {
    const project = await repo.findProjectForReporting(tx, auth, projectId);
    if (!project) throw new AppError('NOT_FOUND');
    if (!can(auth.user.role, 'leader.decide')) {
      throw new AppError('FORBIDDEN', {
        detail: { zh: '只有领导可以指派包保专班', en: 'Only leaders may assign a task force' },
      });
    }
    await assertUnitsInScope(tx, auth.scope, { 'body.leadUnitId': input.leadUnitId });
    const unit = (await repo.findUnitInScope(tx, auth, input.leadUnitId))!;
    const row = await repo.insertTaskForce(tx, {
      projectId,
      leaderName: input.leaderName,
      leadUnitId: unit.id,
      members: input.members,
      note: input.note?.trim() || null,
      assignedBy: auth.user.id,
    });
    const taskForce = presentTaskForce({ ...row, leadUnitName: unit.name });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'project.task_force_assigned',
      entity: 'project',
      entityId: projectId,
      regionCode: project.hostRegionCode,
      after: taskForce,
    });
    await notify(tx, {
      unitId: unit.id,
      kind: 'project.task_force_assigned',
      title: { zh: `包保专班：${project.name}`, en: `Task force assigned: ${project.name}` },
      body: {
        zh: `贵单位牵头 ${project.code} ${project.name} 的包保专班，负责人：${input.leaderName}。`,
        en: `Your unit leads the task force for ${project.code} ${project.name}; leader: ${input.leaderName}.`,
      },
      entity: 'project',
      entityId: projectId,
    });
    return taskForce;
  });
}
