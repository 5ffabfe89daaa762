import { arbiterRegionCode, classifyDuplicate, duplicateOutcome } from '../../../domain/duplicates';
import { AppError, type Bilingual } from '../../../domain/errors';
import { atOrOver, escalationTargetRegion, missingThreeOnes, signedAmountWan } from '../../../domain/escalation';
import { checkPreSigningFiling } from '../../../domain/filing';
import { addDays, exclusivityEndsOn, requiresFirstReport } from '../../../domain/first-report';
import { directionOf, isStage, type Stage } from '../../../domain/lifecycle';
import { addWan } from '../../../domain/money';
import { can } from '../../../domain/permissions';
import { chinaDate, dueDate, isStalled } from '../../../domain/reporting';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { assertRegionsInScope, requireOwnedWrite, transferScope } from '../../lib/scope';
import { type AuditEntry, recordAudit, recordAuditBatch } from '../audit/service';
import { notify } from '../notifications/service';
import { effectivePolicy } from '../policies/service';
import {
  iso,
  presentConflict,
  presentContact,
  presentEscalation,
  presentFirstReport,
  presentTransfer,
  wan,
} from './presenter';
import * as repo from './repository';
import type { ProjectFacts, RegionRef } from './repository';
import type {
  TAnswerTransfer,
  TConflict,
  TConflictDecision,
  TCoordinationOutcome,
  TCredit,
  TDuplicates,
  TEscalation,
  TFilingRequest,
  TOfferTransfer,
  TProjectCoordination,
  TRedirectCandidates,
  TRedirectRequest,
  TSignedReport,
  TTransfer,
  TUpdateThreeOnes,
} from './schema';

/** Stages a project can still be offered to another region in: before it lands. */
const TRANSFERABLE: readonly Stage[] = ['planned', 'negotiating', 'intent', 'signed'];
/** Days before the end of an exclusivity window that its holder is reminded. */
export const WINDOW_REMINDER_DAYS = 7;
/** Days between reminders about missing 三个一. */
export const THREE_ONES_REMINDER_DAYS = 7;
const REGION_ROLES = ['leader', 'officer', 'admin'] as const;

function requireAction(auth: AuthContext, action: Parameters<typeof can>[1], detail: Bilingual): void {
  if (!can(auth.user.role, action)) throw new AppError('FORBIDDEN', { detail });
}

async function visibleProject(db: Db, auth: AuthContext, id: string, lock = false): Promise<ProjectFacts> {
  const project = await repo.findVisibleProject(db, auth.scope, id, lock);
  if (!project) throw new AppError('NOT_FOUND');
  return project;
}

/**
 * The region a project is offered or redirected to: any region of the caller's province (the
 * transfer scope — the receiving region consents), never another province's; unknown ones alike.
 */
async function transferTargetOrFail(db: Db, auth: AuthContext, code: string, field: string) {
  await assertRegionsInScope(db, transferScope(auth.scope), { [field]: code });
  return (await repo.findRegion(db, code))!;
}

// =================================================================== registration and edit

export interface RegistrationContext {
  auth: AuthContext;
  /** The project just written in this transaction. */
  projectId: string;
  /** Its investors and partners. */
  enterpriseIds: string[];
  now?: Date;
}

async function writtenProject(tx: Db, id: string): Promise<ProjectFacts> {
  const project = await repo.findProject(tx, id);
  if (!project) throw new AppError('NOT_FOUND');
  return project;
}

/**
 * Called by the project service inside the registering transaction: records the first report
 * (unit, time, and the exclusive window when the pack in force makes the project subject) and
 * looks for the same enterprise's similar project in every region. A registration that falls in
 * another region's window earns no window of its own and is held for arbitration.
 */
export async function onProjectRegistered(tx: Db, ctx: RegistrationContext): Promise<TCoordinationOutcome> {
  const [outcome] = await onProjectsRegistered(tx, {
    auth: ctx.auth,
    now: ctx.now,
    projects: [{ projectId: ctx.projectId, enterpriseIds: ctx.enterpriseIds }],
  });
  return outcome!;
}

export interface BatchRegistrationContext {
  auth: AuthContext;
  /**
   * The projects just written in this transaction, in the order they were registered, each with
   * its row as written when the caller has read it already (otherwise it is read here).
   */
  projects: { projectId: string; enterpriseIds: string[]; facts?: ProjectFacts }[];
  now?: Date;
}

/** Rows per multi-row INSERT of first reports. */
const FIRST_REPORT_CHUNK = 500;

/**
 * `onProjectRegistered` for many projects registered in one transaction (a ledger import), with
 * the same outcome as registering them one by one in the order given: the duplicate candidates of
 * the whole batch are found in one query per chunk (a project of the batch is a candidate of those
 * after it, with the window it was just given), the pack in force is resolved once per first
 * region, and the first reports and their audit rows are written with multi-row INSERTs.
 */
export async function onProjectsRegistered(tx: Db, ctx: BatchRegistrationContext): Promise<TCoordinationOutcome[]> {
  const now = ctx.now ?? new Date();
  const today = chinaDate(now);
  const { auth } = ctx;
  const facts = new Map<string, ProjectFacts>();
  for (const p of ctx.projects) if (p.facts) facts.set(p.projectId, p.facts);
  const ids = ctx.projects.filter((p) => !p.facts).map((p) => p.projectId);
  for (let i = 0; i < ids.length; i += FIRST_REPORT_CHUNK) {
    for (const row of await repo.findProjects(tx, ids.slice(i, i + FIRST_REPORT_CHUNK))) facts.set(row.id, row);
  }
  const projects = ctx.projects.map((p) => {
    const project = facts.get(p.projectId);
    if (!project) throw new AppError('NOT_FOUND');
    return { project, enterpriseIds: p.enterpriseIds };
  });
  const candidates = new Map<string, repo.DuplicateCandidateRow[]>();
  for (let i = 0; i < projects.length; i += FIRST_REPORT_CHUNK) {
    const chunk = projects.slice(i, i + FIRST_REPORT_CHUNK);
    // Earlier chunks are candidates of later ones like any registered project: none is missed.
    const found = await repo.findDuplicateCandidatesBatch(
      tx,
      chunk.map(({ project, enterpriseIds }) => ({
        projectId: project.id,
        enterpriseIds,
        nameCore: project.nameCore,
        industryDivision: project.industryDivision,
      })),
    );
    for (const row of found) {
      const list = candidates.get(row.forProjectId) ?? [];
      list.push(row);
      candidates.set(row.forProjectId, list);
    }
  }

  const policies = new Map<string, Awaited<ReturnType<typeof effectivePolicy>>>();
  const units = new Map<string, string>();
  const regions = new Map<string, RegionRef | undefined>();
  const region = async (code: string) => {
    if (!regions.has(code)) regions.set(code, await repo.findRegion(tx, code));
    return regions.get(code);
  };
  /** Windows given in this batch, for the candidates registered earlier in it. */
  const windows = new Map<string, string | null>();
  const firstReports: repo.FirstReportValues[] = [];
  const audits: AuditEntry[] = [];
  const registrations: { project: ProjectFacts; found: Awaited<ReturnType<typeof classifyCandidates>> }[] = [];
  const firstReportOutcomes: TCoordinationOutcome['firstReport'][] = [];
  for (const { project } of projects) {
    const own = (candidates.get(project.id) ?? []).map((c) =>
      windows.has(c.projectId) ? { ...c, exclusivityEndsOn: windows.get(c.projectId) ?? null } : c,
    );
    const found = own.length ? await classifyCandidates(project, own, today, region) : [];
    registrations.push({ project, found });
    // A conflict held for arbitration gives no exclusivity window (what recordDuplicates reports as held).
    const held = duplicateOutcome(found.map((f) => f.level)) === 'conflict';

    let policy = policies.get(project.firstRegionCode);
    if (!policy) {
      policy = await effectivePolicy(tx, project.firstRegionCode, today);
      policies.set(project.firstRegionCode, policy);
    }
    const rule = policy.firstReport;
    const subject = rule ? requiresFirstReport(project, rule.value) : false;
    const endsOn =
      rule && subject && !held && rule.value.exclusivityMonths > 0
        ? exclusivityEndsOn(today, rule.value.exclusivityMonths)
        : null;
    windows.set(project.id, endsOn);
    firstReports.push({
      projectId: project.id,
      unitId: project.firstUnitId,
      regionCode: project.firstRegionCode,
      reportedBy: auth.user.id,
      reportedAt: now,
      reportedOn: today,
      subject,
      exclusivityEndsOn: endsOn,
      source: rule?.source ?? null,
      packId: rule?.packId ?? null,
    });
    audits.push({
      actorId: auth.user.id,
      action: 'coordination.first_reported',
      entity: 'first_report',
      entityId: project.id,
      regionCode: project.firstRegionCode,
      after: {
        unitId: project.firstUnitId,
        reportedOn: today,
        subject,
        exclusivityEndsOn: endsOn,
        source: rule?.source,
      },
    });
    if (!units.has(project.firstUnitId)) {
      units.set(project.firstUnitId, (await repo.findUnit(tx, project.firstUnitId))?.name ?? '');
    }
    firstReportOutcomes.push(
      presentFirstReport({
        projectId: project.id,
        unitId: project.firstUnitId,
        unitName: units.get(project.firstUnitId)!,
        regionCode: project.firstRegionCode,
        regionName: (await region(project.firstRegionCode))?.name ?? project.firstRegionCode,
        reportedAt: now,
        reportedOn: today,
        subject,
        exclusivityEndsOn: endsOn,
        source: rule?.source ?? null,
      }),
    );
  }
  await repo.insertFirstReports(tx, firstReports);
  await recordAuditBatch(tx, audits);
  const duplicates = await recordDuplicates(tx, auth, registrations, today);
  return firstReportOutcomes.map((firstReport, i) => ({ firstReport, duplicates: duplicates[i]! }));
}

/**
 * Looks in every region (not only the caller's scope) for the same enterprise with a similar
 * active project; records each match (a conflict held for the higher-level centre inside another
 * region's exclusivity window, else a warning) and tells the caller only whom to contact.
 * Called on registration and when the name or the investors of a project change.
 */
export async function checkDuplicates(tx: Db, ctx: RegistrationContext): Promise<TDuplicates> {
  const now = ctx.now ?? new Date();
  const today = chinaDate(now);
  const { auth } = ctx;
  const project = await writtenProject(tx, ctx.projectId);
  const found = await lookupDuplicates(tx, project, ctx.enterpriseIds, today);
  const [duplicates] = await recordDuplicates(tx, auth, [{ project, found }], today);
  return duplicates!;
}

/**
 * Records the duplicates found for each registered project (conflicts, audit rows, notices) and
 * says, per project, whom to contact. A batch (a ledger import) is written with one multi-row
 * INSERT and one audit batch; only a conflict held for arbitration sends notices.
 */
async function recordDuplicates(
  tx: Db,
  auth: AuthContext,
  registrations: readonly { project: ProjectFacts; found: Awaited<ReturnType<typeof classifyCandidates>> }[],
  today: string,
): Promise<TDuplicates[]> {
  const found = registrations.flatMap(({ project, found: list }) => list.map((f) => ({ project, ...f })));
  const inserted = await repo.insertConflicts(
    tx,
    found.map(({ project, candidate: c, level, contact }) => ({
      projectId: project.id,
      otherProjectId: c.projectId,
      level,
      status: level === 'conflict' ? 'open' : 'noted',
      basis: c.basis,
      arbiterRegionCode: contact.arbiterRegion.code,
      detectedOn: today,
    })),
  );
  const written = found.flatMap((f) => {
    const conflictId = inserted.get(`${f.project.id}|${f.candidate.projectId}`);
    return conflictId ? [{ ...f, conflictId }] : [];
  });
  await recordAuditBatch(
    tx,
    written.map(({ project, candidate: c, level, contact, conflictId }) => ({
      actorId: auth.user.id,
      action: level === 'conflict' ? 'coordination.conflict_detected' : 'coordination.duplicate_warning',
      entity: 'coordination_conflict',
      entityId: conflictId,
      regionCode: project.firstRegionCode,
      after: {
        projectId: project.id,
        otherProjectId: c.projectId,
        level,
        basis: c.basis,
        arbiterRegionCode: contact.arbiterRegion.code,
      },
    })),
  );
  for (const { project, candidate: c, contact, conflictId } of written.filter((w) => w.level === 'conflict')) {
    const ownRegion = (await repo.findRegion(tx, project.firstRegionCode))!;
    const registrant = (await repo.findUnit(tx, project.firstUnitId))?.name ?? '';
    const arbiterRegion = contact.arbiterRegion;
    await notify(tx, {
      regionCode: arbiterRegion.code,
      roles: ['leader', 'admin'],
      kind: 'coordination.conflict_found',
      title: { zh: '首报冲突待协调', en: 'A first-report conflict awaits arbitration' },
      body: {
        zh: `${ownRegion.name} ${registrant} 登记的“${project.name}”与 ${c.firstRegionName} ${c.firstUnitName} 首报项目在排他期内重复，请协调。`,
        en: `“${project.name}” registered by ${registrant} (${ownRegion.name}) duplicates a project first reported by ${c.firstUnitName} (${c.firstRegionName}) inside its exclusivity window; please arbitrate.`,
      },
      entity: 'coordination_conflict',
      entityId: conflictId,
    });
    await notify(tx, {
      unitId: c.firstUnitId,
      kind: 'coordination.conflict_found',
      title: { zh: '贵单位首报项目出现重复登记', en: 'Your first-reported project was registered again' },
      body: {
        zh: `${ownRegion.name} ${registrant} 登记了同一企业的相似项目，已提交 ${arbiterRegion.name} 协调。`,
        en: `${registrant} (${ownRegion.name}) registered a similar project of the same enterprise; ${arbiterRegion.name} will arbitrate.`,
      },
      entity: 'project',
      entityId: c.projectId,
    });
  }
  return registrations.map(({ found: list }) => {
    const outcome = duplicateOutcome(list.map((f) => f.level));
    return { outcome, held: outcome === 'conflict', contacts: list.map((f) => f.contact) };
  });
}

/**
 * The same enterprise's similar active projects in any region, each classified for a registration
 * by `project` on `today`, with whom to contact and who arbitrates. Reads only.
 */
async function lookupDuplicates(db: Db, project: ProjectFacts, enterpriseIds: string[], today: string) {
  const candidates = await repo.findDuplicateCandidates(db, {
    projectId: project.id,
    enterpriseIds,
    nameCore: project.nameCore,
    industryDivision: project.industryDivision,
  });
  if (candidates.length === 0) return [];
  return classifyCandidates(project, candidates, today, (code) => repo.findRegion(db, code));
}

/** Each candidate's level for a registration by `project` on `today`, whom to contact and who arbitrates. */
async function classifyCandidates(
  project: ProjectFacts,
  candidates: repo.DuplicateCandidateRow[],
  today: string,
  findRegion: (code: string) => Promise<RegionRef | undefined>,
) {
  const ownRegion = (await findRegion(project.firstRegionCode))!;
  const regionNames = new Map<string, string>();
  const out = [];
  for (const c of candidates) {
    const level = classifyDuplicate(c, project, today);
    const arbiter = arbiterRegionCode(ownRegion.path, c.firstRegionPath);
    if (!regionNames.has(arbiter)) regionNames.set(arbiter, (await findRegion(arbiter))?.name ?? arbiter);
    out.push({
      candidate: c,
      level,
      contact: {
        level,
        basis: c.basis,
        unit: { id: c.firstUnitId, name: c.firstUnitName },
        region: { code: c.firstRegionCode, name: c.firstRegionName },
        arbiterRegion: { code: arbiter, name: regionNames.get(arbiter)! },
      },
    });
  }
  return out;
}

/**
 * Possible duplicates of a project the caller sees, across all regions, as they stand today:
 * only the level and whom to contact. Records nothing (the check that records runs on
 * registration and edit).
 */
export async function projectDuplicates(db: Db, auth: AuthContext, id: string, now = new Date()): Promise<TDuplicates> {
  const project = await visibleProject(db, auth, id);
  const found = await lookupDuplicates(db, project, await repo.enterpriseIdsOf(db, id), chinaDate(now));
  const outcome = duplicateOutcome(found.map((f) => f.level));
  return { outcome, held: outcome === 'conflict', contacts: found.map((f) => f.contact) };
}

/**
 * Called by the project service after an edit of the name or the investors, in the same
 * transaction: the duplicate check again, with the first report as recorded at registration.
 */
export async function onProjectEdited(tx: Db, ctx: RegistrationContext): Promise<TCoordinationOutcome> {
  const duplicates = await checkDuplicates(tx, ctx);
  const firstReport = await repo.findFirstReport(tx, ctx.projectId);
  return { firstReport: firstReport ? presentFirstReport(firstReport) : null, duplicates };
}

// =================================================================== transitions

export interface TransitionContext {
  auth: AuthContext;
  /** The project as it is before the change. */
  project: ProjectFacts;
  to: Stage;
  /** What the change records (the accepted gate fields), e.g. `checkTransition(...).changes`. */
  changes: { signingDate?: string | null; contractAmountWan?: string | null; registeredDate?: string | null };
  now?: Date;
}

/**
 * Called by the project service inside the transition's transaction, after the stage gates pass:
 * - a project held by a first-report conflict may not move forward (terminating stays possible);
 * - moving to 签约 needs the pre-signing filing the pack requires (or a leader's exception), and a
 *   signing at or over the escalation threshold joins the higher level's major-project list;
 * - a transferred project landing (注册/备案) credits the first-negotiation and host regions.
 */
export async function beforeTransition(tx: Db, ctx: TransitionContext): Promise<void> {
  const { project, to, changes, auth } = ctx;
  const today = chinaDate(ctx.now ?? new Date());
  const from = isStage(project.stage) ? project.stage : 'planned';
  const direction = directionOf({ stage: from, terminatedFrom: project.terminatedFrom }, to);
  if (direction === 'forward' || direction === 'reopen') {
    const blocking = await repo.blockingConflict(tx, project.id);
    if (blocking) {
      const conflict = (await repo.findConflict(tx, blocking.id))!;
      throw new AppError('FIRST_REPORT_CONFLICT', {
        detail:
          blocking.status === 'open'
            ? {
                zh: `首报首谈（jiaxing §二(一)3）：该项目与 ${conflict.otherRegionName} ${conflict.otherUnitName} 首报项目在排他期内重复，须待 ${conflict.arbiterRegionName} 协调后方可推进`,
                en: `First report (jiaxing §二(一)3): this project duplicates one first reported by ${conflict.otherUnitName} (${conflict.otherRegionName}) inside its exclusivity window; it cannot advance until ${conflict.arbiterRegionName} arbitrates`,
              }
            : {
                zh: `首报首谈：${conflict.arbiterRegionName} 已裁定由 ${conflict.otherUnitName} 继续洽谈，本项目不能推进（理由：${conflict.decisionReason ?? ''}）`,
                en: `First report: ${conflict.arbiterRegionName} decided that ${conflict.otherUnitName} keeps the negotiation; this project cannot advance (reason: ${conflict.decisionReason ?? ''})`,
              },
      });
    }
  }

  if (to === 'signed' && direction === 'forward') {
    const signingDate = changes.signingDate ?? project.signingDate ?? today;
    const amountWan = signedAmountWan({
      contractAmountWan: changes.contractAmountWan ?? project.contractAmountWan,
      totalInvestmentWan: project.totalInvestmentWan,
    });
    const policy = await effectivePolicy(tx, project.hostRegionCode, signingDate);
    const filingRule = policy.preSigningFiling;
    if (filingRule) {
      const filings = await repo.filingsOf(tx, project.id);
      const exceptions = await repo.filingExceptionsOf(tx, project.id);
      const result = checkPreSigningFiling({
        amountWan,
        signingDate,
        filings,
        hasException: exceptions.length > 0,
        rule: filingRule.value,
        source: filingRule.source,
      });
      if (!result.ok) {
        throw new AppError('PRE_SIGNING_FILING', {
          detail: result.error,
          fields: [{ field: 'body.signingDate', ...result.error }],
        });
      }
    }
    const threshold = policy.escalationThresholdWan;
    if (threshold && atOrOver(amountWan, threshold.value)) {
      await escalate(tx, {
        auth,
        project,
        amountWan,
        threshold: threshold.value,
        source: threshold.source,
        packRegionCode: threshold.regionCode,
        today,
      });
    }
  }

  if (to === 'registered' && direction === 'forward' && (await repo.hasAcceptedTransfer(tx, project.id))) {
    const landedOn = changes.registeredDate ?? project.registeredDate ?? today;
    const policy = await effectivePolicy(tx, project.hostRegionCode, landedOn);
    const rule = policy.transferCredit ?? { value: 'equal' as const, source: 'platform default / 平台默认值' };
    const credits: { regionCode: string; role: 'first' | 'host' }[] = [];
    if (rule.value !== 'first_only') credits.push({ regionCode: project.hostRegionCode, role: 'host' });
    if (rule.value !== 'host_only') credits.push({ regionCode: project.firstRegionCode, role: 'first' });
    await repo.insertCredits(
      tx,
      credits.map((c) => ({
        projectId: project.id,
        ...c,
        share: '1',
        rule: rule.value,
        source: rule.source,
        landedOn,
      })),
    );
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'coordination.credited',
      entity: 'coordination_credit',
      entityId: project.id,
      regionCode: project.hostRegionCode,
      after: { credits, rule: rule.value, source: rule.source, landedOn },
    });
  }
}

async function escalate(
  tx: Db,
  input: {
    auth: AuthContext;
    project: ProjectFacts;
    amountWan: string;
    threshold: string;
    source: string;
    /** The region whose pack set the threshold (judged on the signing date). */
    packRegionCode: string | null;
    today: string;
  },
): Promise<void> {
  const { project, auth, today } = input;
  const host = (await repo.findRegion(tx, project.hostRegionCode))!;
  const toRegionCode = escalationTargetRegion(host.path, input.packRegionCode);
  const id = await repo.insertEscalation(tx, {
    projectId: project.id,
    toRegionCode,
    amountWan: input.amountWan,
    thresholdWan: input.threshold,
    source: input.source,
    escalatedOn: today,
    lastRemindedOn: today,
  });
  if (!id) return; // escalated before (signed, moved back, signed again): one entry per project
  await recordAudit(tx, {
    actorId: auth.user.id,
    action: 'coordination.escalated',
    entity: 'escalation',
    entityId: id,
    regionCode: toRegionCode,
    after: { projectId: project.id, toRegionCode, amountWan: input.amountWan, threshold: input.threshold },
  });
  const target = (await repo.findRegion(tx, toRegionCode))!;
  await notify(tx, {
    regionCode: toRegionCode,
    roles: REGION_ROLES,
    kind: 'coordination.escalated',
    title: { zh: '重大签约项目提级', en: 'A major signing was escalated' },
    body: {
      zh: `“${project.name}”签约额 ${input.amountWan} 万元，达到提级标准（${input.source}），已列入${target.name}重大项目清单。`,
      en: `“${project.name}” signed for ${input.amountWan} 万元, at or over the escalation threshold (${input.source}); it is now on ${target.name}'s major-project list.`,
    },
    entity: 'escalation',
    entityId: id,
  });
  await notifyThreeOnesMissing(tx, project.responsibleUnitId, project.name, id);
}

async function notifyThreeOnesMissing(tx: Db, unitId: string, projectName: string, escalationId: string) {
  await notify(tx, {
    unitId,
    kind: 'coordination.three_ones_missing',
    title: { zh: '提级项目须落实“三个一”', en: 'An escalated project needs its “three ones”' },
    body: {
      zh: `请为“${projectName}”填报一名包抓领导、一个服务团队、一套行动方案（gansu §(二十五)）。`,
      en: `Please record one responsible leader, one service team and one action plan for “${projectName}” (gansu §(二十五)).`,
    },
    entity: 'escalation',
    entityId: escalationId,
  });
}

// =================================================================== project view

export async function getProjectCoordination(db: Db, auth: AuthContext, id: string): Promise<TProjectCoordination> {
  const project = await visibleProject(db, auth, id);
  const [first, conflicts, transfers, escalation, filings, exceptions, consents, credits] = await Promise.all([
    repo.findFirstReport(db, id),
    repo.conflictsOfProject(db, id),
    repo.transfersOfProject(db, id),
    repo.findEscalationOfProject(db, id),
    repo.filingsOf(db, id),
    repo.filingExceptionsOf(db, id),
    repo.consentsOf(db, id),
    repo.listCredits(db, { ...auth.scope, all: true }, { projectId: id }),
  ]);
  return {
    firstReport: first ? presentFirstReport(first) : null,
    duplicates: conflicts.map((c) => presentContact(c, project.id)),
    held: conflicts.some((c) => c.projectId === project.id && (c.status === 'open' || c.status === 'upheld')),
    transfers: transfers.map(presentTransfer),
    escalation: escalation ? presentEscalation(escalation) : null,
    filings: filings.map((f) => ({
      id: f.id,
      filedOn: f.filedOn,
      plannedSigningDate: f.plannedSigningDate,
      note: f.note,
      unitName: f.unitName,
    })),
    filingExceptions: exceptions.map((e) => ({
      id: e.id,
      reason: e.reason,
      decidedBy: e.decidedByName,
      createdAt: iso(e.createdAt),
    })),
    redirectConsents: consents.map((c) => ({
      id: c.id,
      unitName: c.unitName,
      givenBy: c.givenByName,
      note: c.note,
      createdAt: iso(c.createdAt),
    })),
    credits: credits.map(presentCredit),
  };
}

function presentCredit(c: Awaited<ReturnType<typeof repo.listCredits>>[number]): TCredit {
  return {
    id: c.id,
    project: { id: c.projectId, code: c.projectCode, name: c.projectName },
    region: { code: c.regionCode, name: c.regionName },
    role: c.role,
    share: wan(c.share),
    rule: c.rule,
    source: c.source,
    landedOn: c.landedOn,
  };
}

// =================================================================== conflicts

/** Conflicts the caller's centre arbitrates: leaders and admins of a region over both sides. */
export async function listConflicts(db: Db, auth: AuthContext, status?: string): Promise<{ items: TConflict[] }> {
  requireAction(auth, 'leader.decide', {
    zh: '只有上级投促中心的领导可以协调首报冲突',
    en: 'Only leaders of the higher-level centre arbitrate first-report conflicts',
  });
  const list = await repo.listConflictsToArbitrate(db, auth.scope, status ?? null);
  return { items: list.map(presentConflict) };
}

export async function decideConflict(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TConflictDecision,
): Promise<TConflict> {
  requireAction(auth, 'leader.decide', {
    zh: '只有上级投促中心的领导可以协调首报冲突',
    en: 'Only leaders of the higher-level centre arbitrate first-report conflicts',
  });
  return db.transaction(async (tx) => {
    const conflict = await repo.findConflict(tx, id, true);
    if (
      !conflict ||
      conflict.level !== 'conflict' ||
      !(await repo.regionInCallerScope(tx, auth.scope, conflict.arbiterRegionCode))
    ) {
      throw new AppError('NOT_FOUND');
    }
    if (
      !(await repo.decideConflict(tx, id, {
        status: input.decision,
        decidedBy: auth.user.id,
        decisionReason: input.reason,
      }))
    ) {
      throw new AppError('CONFLICT', {
        detail: { zh: '该冲突已经裁定', en: 'This conflict has already been decided' },
      });
    }
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'coordination.conflict_decided',
      entity: 'coordination_conflict',
      entityId: id,
      regionCode: conflict.arbiterRegionCode,
      before: { status: 'open' },
      after: { status: input.decision, reason: input.reason },
    });
    const outcome: Bilingual =
      input.decision === 'upheld'
        ? { zh: `由 ${conflict.otherUnitName} 继续洽谈`, en: `${conflict.otherUnitName} keeps the negotiation` }
        : { zh: '双方均可继续推进', en: 'both may go on' };
    for (const unitId of [conflict.projectUnitId, conflict.otherUnitId]) {
      await notify(tx, {
        unitId,
        kind: 'coordination.conflict_decided',
        title: { zh: '首报冲突已裁定', en: 'A first-report conflict was decided' },
        body: {
          zh: `${conflict.arbiterRegionName}裁定：${outcome.zh}。理由：${input.reason}`,
          en: `${conflict.arbiterRegionName} decided: ${outcome.en}. Reason: ${input.reason}`,
        },
        entity: 'coordination_conflict',
        entityId: id,
      });
    }
    return presentConflict((await repo.findConflict(tx, id))!);
  });
}

// =================================================================== transfers

/** Offers a project to another region: by its holder, or by a higher-level centre whose scope holds it. */
export async function offerTransfer(
  db: Db,
  auth: AuthContext,
  projectId: string,
  input: TOfferTransfer,
): Promise<TTransfer> {
  requireAction(auth, 'project.transition', { zh: '无权流转项目', en: 'You may not transfer projects' });
  return db.transaction(async (tx) => {
    const project = await visibleProject(tx, auth, projectId, true);
    if (!TRANSFERABLE.includes(project.stage)) {
      throw new AppError('CONFLICT', {
        detail: { zh: '已落地或终止的项目不能流转', en: 'A landed or terminated project cannot be transferred' },
      });
    }
    const to = await transferTargetOrFail(tx, auth, input.toRegionCode, 'body.toRegionCode');
    if (to.code === project.hostRegionCode) {
      throw new AppError('VALIDATION', {
        fields: [
          { field: 'body.toRegionCode', zh: '不能流转给项目当前所在地', en: 'The project is already hosted there' },
        ],
      });
    }
    return createTransfer(tx, auth, project, { kind: 'transfer', toRegion: to, reason: input.reason });
  });
}

async function createTransfer(
  tx: Db,
  auth: AuthContext,
  project: ProjectFacts,
  input: { kind: 'transfer' | 'redirect'; toRegion: repo.RegionRef; reason: string },
): Promise<TTransfer> {
  const id = await repo.insertTransfer(tx, {
    projectId: project.id,
    kind: input.kind,
    fromRegionCode: project.hostRegionCode,
    toRegionCode: input.toRegion.code,
    offeredBy: auth.user.id,
    offeredByUnitId: auth.user.unitId,
    reason: input.reason,
  });
  if (!id) {
    throw new AppError('CONFLICT', {
      detail: {
        zh: '该项目已有待答复的流转，请等待答复',
        en: 'The project already has an offer awaiting an answer',
      },
    });
  }
  await recordAudit(tx, {
    actorId: auth.user.id,
    action: input.kind === 'redirect' ? 'coordination.redirected' : 'coordination.transfer_offered',
    entity: 'project_transfer',
    entityId: id,
    regionCode: project.hostRegionCode,
    after: { projectId: project.id, toRegionCode: input.toRegion.code, reason: input.reason },
  });
  await notify(tx, {
    regionCode: input.toRegion.code,
    roles: REGION_ROLES,
    kind: 'coordination.transfer_offered',
    title:
      input.kind === 'redirect'
        ? { zh: '省级推介停滞项目', en: 'A stalled project is steered to you' }
        : { zh: '有项目流转给贵地', en: 'A project is offered to your region' },
    body: {
      zh: `${auth.user.unitName} 将“${project.name}”流转至${input.toRegion.name}，理由：${input.reason}。请接收或拒绝。`,
      en: `${auth.user.unitName} offers “${project.name}” to ${input.toRegion.name}. Reason: ${input.reason}. Please accept or decline.`,
    },
    entity: 'project_transfer',
    entityId: id,
  });
  return presentTransfer((await repo.findTransfer(tx, id))!);
}

export async function listTransfers(
  db: Db,
  auth: AuthContext,
  query: { direction: 'incoming' | 'outgoing'; status?: string },
): Promise<{ items: TTransfer[] }> {
  const list = await repo.listTransfers(db, auth.scope, query.direction, query.status ?? null);
  return { items: list.map(presentTransfer) };
}

/** The receiving region accepts (the project moves there) or declines with a reason. */
export async function answerTransfer(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TAnswerTransfer,
): Promise<TTransfer> {
  requireAction(auth, 'project.transition', { zh: '无权答复流转', en: 'You may not answer transfers' });
  return db.transaction(async (tx) => {
    const transfer = await repo.findTransfer(tx, id, true);
    if (!transfer || !(await repo.regionInCallerScope(tx, auth.scope, transfer.toRegionCode))) {
      throw new AppError('NOT_FOUND');
    }
    if (transfer.status !== 'offered') {
      throw new AppError('CONFLICT', { detail: { zh: '该流转已答复', en: 'This offer has already been answered' } });
    }
    const status = input.accept ? 'accepted' : 'declined';
    await repo.answerTransfer(tx, id, {
      status,
      answeredBy: auth.user.id,
      answeredByUnitId: auth.user.unitId,
      answerReason: input.reason?.trim() || null,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: `coordination.transfer_${status}`,
      entity: 'project_transfer',
      entityId: id,
      regionCode: transfer.toRegionCode,
      before: { status: 'offered' },
      after: { status, reason: input.reason ?? null },
    });
    if (input.accept) {
      const project = (await repo.findProject(tx, transfer.projectId))!;
      await repo.moveProjectHost(tx, project.id, {
        hostRegionCode: transfer.toRegionCode,
        responsibleUnitId: auth.user.unitId,
      });
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'project.host_changed',
        entity: 'project',
        entityId: project.id,
        regionCode: transfer.toRegionCode,
        before: { hostRegionCode: project.hostRegionCode, responsibleUnitId: project.responsibleUnitId },
        after: { hostRegionCode: transfer.toRegionCode, responsibleUnitId: auth.user.unitId, transferId: id },
      });
    }
    await notify(tx, {
      unitId: transfer.offeredByUnitId,
      kind: 'coordination.transfer_answered',
      title: input.accept
        ? { zh: '流转项目已被接收', en: 'Your transfer was accepted' }
        : { zh: '流转项目被拒绝', en: 'Your transfer was declined' },
      body: {
        zh: `${transfer.toRegionName}${input.accept ? '接收' : '拒绝'}了“${transfer.projectName}”${input.reason ? `，理由：${input.reason}` : ''}。`,
        en: `${transfer.toRegionName} ${input.accept ? 'accepted' : 'declined'} “${transfer.projectName}”${input.reason ? `. Reason: ${input.reason}` : ''}.`,
      },
      entity: 'project_transfer',
      entityId: id,
    });
    return presentTransfer((await repo.findTransfer(tx, id))!);
  });
}

export async function listCredits(
  db: Db,
  auth: AuthContext,
  query: { projectId?: string; from?: string; to?: string },
): Promise<{ items: TCredit[] }> {
  return { items: (await repo.listCredits(db, auth.scope, query)).map(presentCredit) };
}

// =================================================================== stalled redirect

async function stallFacts(db: Db, project: ProjectFacts, today: string) {
  const policy = await effectivePolicy(db, project.hostRegionCode, today);
  const months = policy.stalledMonths?.value ?? null;
  const stalled =
    months !== null &&
    isStalled(
      {
        stage: project.stage,
        lastSubstantiveProgressOn: project.lastSubstantiveProgressOn,
        enteredStageOn: project.stageEnteredOn,
      },
      today,
      months,
    );
  return { policy, months, stalled };
}

/** The first region records its consent to steer its stalled negotiation elsewhere (jilin §三(一)). */
export async function recordRedirectConsent(
  db: Db,
  auth: AuthContext,
  projectId: string,
  note: string | undefined,
): Promise<{ id: string }> {
  requireAction(auth, 'project.transition', { zh: '无权登记同意', en: 'You may not record consent' });
  return db.transaction(async (tx) => {
    const project = await visibleProject(tx, auth, projectId, true);
    if (auth.user.unitId !== project.firstUnitId && auth.user.regionCode !== project.firstRegionCode) {
      throw new AppError('FORBIDDEN', {
        detail: { zh: '只有首谈地可以同意推介至其他地区', en: 'Only the first-negotiation region can consent' },
      });
    }
    const id = await repo.insertConsent(tx, {
      projectId,
      regionCode: project.firstRegionCode,
      unitId: auth.user.unitId,
      givenBy: auth.user.id,
      note: note ?? null,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'coordination.redirect_consent',
      entity: 'redirect_consent',
      entityId: projectId,
      regionCode: project.firstRegionCode,
      after: { consentId: id, note: note ?? null },
    });
    return { id };
  });
}

/** Whether the project is stalled, may be redirected, and regions of its province already hosting its industry. */
export async function redirectCandidates(
  db: Db,
  auth: AuthContext,
  projectId: string,
  now = new Date(),
): Promise<TRedirectCandidates> {
  const project = await visibleProject(db, auth, projectId);
  const today = chinaDate(now);
  const { policy, months, stalled } = await stallFacts(db, project, today);
  const host = (await repo.findRegion(db, project.hostRegionCode))!;
  const province = host.path.split('/').filter(Boolean).slice(0, 2);
  const candidates = project.industryDivision
    ? await repo.regionsHostingIndustry(db, project.industryDivision, `/${province.join('/')}/`, project.hostRegionCode)
    : [];
  return {
    stalled,
    stalledMonths: months,
    redirectAllowed: policy.stalledRedirect?.value === true,
    source: policy.stalledRedirect?.source ?? null,
    consent: (await repo.consentsOf(db, projectId)).length > 0,
    candidates,
  };
}

/** The provincial centre steers a stalled negotiation, with the first region's consent, to a region of the same industry. */
export async function redirectProject(
  db: Db,
  auth: AuthContext,
  projectId: string,
  input: TRedirectRequest,
  now = new Date(),
): Promise<TTransfer> {
  requireAction(auth, 'project.transition', { zh: '无权推介项目', en: 'You may not redirect projects' });
  return db.transaction(async (tx) => {
    const own = await repo.findRegion(tx, auth.user.regionCode);
    if (!auth.scope.all && own?.level !== 'province') {
      throw new AppError('FORBIDDEN', {
        detail: { zh: '停滞项目由省级投促中心推介', en: 'Stalled projects are redirected by the provincial centre' },
      });
    }
    const project = await visibleProject(tx, auth, projectId, true);
    const today = chinaDate(now);
    const { policy, months, stalled } = await stallFacts(tx, project, today);
    const problems: Bilingual[] = [];
    if (policy.stalledRedirect?.value !== true) {
      problems.push({
        zh: '项目所在地现行政策未规定停滞项目推介',
        en: 'No policy in force where the project is hosted provides for redirecting stalled projects',
      });
    } else if (!stalled) {
      problems.push({
        zh: `项目未处于洽谈阶段超过${months}个月无实质进展（${policy.stalledMonths?.source ?? ''}）`,
        en: `The project has not been in negotiation without substantive progress for more than ${months} months (${policy.stalledMonths?.source ?? ''})`,
      });
    }
    if ((await repo.consentsOf(tx, projectId)).length === 0) {
      problems.push({ zh: '首谈地尚未登记同意', en: 'The first region has not recorded its consent' });
    }
    if (problems.length) {
      throw new AppError('CONFLICT', {
        detail: { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') },
      });
    }
    const to = await transferTargetOrFail(tx, auth, input.toRegionCode, 'body.toRegionCode');
    if (to.code === project.hostRegionCode) {
      throw new AppError('VALIDATION', {
        fields: [
          { field: 'body.toRegionCode', zh: '不能推介给项目当前所在地', en: 'The project is already hosted there' },
        ],
      });
    }
    return createTransfer(tx, auth, project, { kind: 'redirect', toRegion: to, reason: input.reason });
  });
}

// =================================================================== escalations

export async function listEscalations(
  db: Db,
  auth: AuthContext,
  missingOnly: boolean,
): Promise<{ items: TEscalation[] }> {
  return { items: (await repo.listEscalations(db, auth.scope, missingOnly)).map(presentEscalation) };
}

export async function updateThreeOnes(
  db: Db,
  auth: AuthContext,
  id: string,
  input: TUpdateThreeOnes,
): Promise<TEscalation> {
  requireAction(auth, 'project.transition', { zh: '无权填报“三个一”', en: 'You may not record the three ones' });
  return db.transaction(async (tx) => {
    const current = await repo.findEscalation(tx, id);
    if (
      !current ||
      !(
        (await repo.regionInCallerScope(tx, auth.scope, current.toRegionCode)) ||
        (await repo.findVisibleProject(tx, auth.scope, current.projectId))
      )
    ) {
      throw new AppError('NOT_FOUND');
    }
    const values = {
      responsibleLeader: input.responsibleLeader || null,
      serviceTeam: input.serviceTeam || null,
      actionPlan: input.actionPlan || null,
    };
    const complete = missingThreeOnes(values).length === 0;
    if (!(await repo.updateThreeOnes(tx, id, input.version, { ...values, complete }))) {
      throw new AppError('VERSION_CONFLICT', {
        detail: {
          zh: `“三个一”已被他人修改（当前版本 ${current.version}），请刷新后再改`,
          en: `Someone else changed the three ones (current version ${current.version}); reload and retry`,
        },
      });
    }
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'coordination.three_ones_updated',
      entity: 'escalation',
      entityId: id,
      regionCode: current.toRegionCode,
      before: {
        responsibleLeader: current.responsibleLeader,
        serviceTeam: current.serviceTeam,
        actionPlan: current.actionPlan,
      },
      after: values,
    });
    return presentEscalation((await repo.findEscalation(tx, id))!);
  });
}

// =================================================================== filing

/** Files a coming major signing with the centre; the filing is dated today (it cannot be backdated). */
export async function fileSigning(
  db: Db,
  auth: AuthContext,
  projectId: string,
  input: TFilingRequest,
  now = new Date(),
): Promise<{ id: string }> {
  requireAction(auth, 'project.write', { zh: '无权报备签约', en: 'You may not file signings' });
  const today = chinaDate(now);
  if (input.plannedSigningDate < today) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          field: 'body.plannedSigningDate',
          zh: '拟签约日期不能早于今天',
          en: 'The planned signing date cannot be in the past',
        },
      ],
    });
  }
  return db.transaction(async (tx) => {
    const project = await visibleProject(tx, auth, projectId, true);
    // A liaison files signings only for its own unit's projects (object rule).
    requireOwnedWrite(auth, { ownerUnitIds: [project.firstUnitId, project.responsibleUnitId] });
    const id = await repo.insertFiling(tx, {
      projectId,
      filedOn: today,
      plannedSigningDate: input.plannedSigningDate,
      note: input.note ?? null,
      filedBy: auth.user.id,
      unitId: auth.user.unitId,
    });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'coordination.signing_filed',
      entity: 'signing_filing',
      entityId: projectId,
      regionCode: project.hostRegionCode,
      after: { filingId: id, filedOn: today, plannedSigningDate: input.plannedSigningDate },
    });
    return { id };
  });
}

/** A leader lets a signing through without a timely filing, with the reason on record. */
export async function recordFilingException(
  db: Db,
  auth: AuthContext,
  projectId: string,
  reason: string,
): Promise<{ id: string }> {
  requireAction(auth, 'leader.decide', {
    zh: '只有领导可以登记签约报备例外',
    en: 'Only a leader may record an exception to pre-signing filing',
  });
  return db.transaction(async (tx) => {
    const project = await visibleProject(tx, auth, projectId, true);
    const id = await repo.insertFilingException(tx, { projectId, reason, decidedBy: auth.user.id });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'coordination.filing_exception',
      entity: 'filing_exception',
      entityId: projectId,
      regionCode: project.hostRegionCode,
      after: { exceptionId: id, reason },
    });
    return { id };
  });
}

// =================================================================== Jilin monthly list

/**
 * Signed projects in the caller's scope whose signing date falls in `month` and whose amount is at
 * or over the threshold the host region's pack sets for the monthly report to the provincial
 * project centre (jilin §三(三): ≥1亿元). Regions without such a rule contribute nothing.
 */
export async function signedReport(db: Db, auth: AuthContext, month: string): Promise<TSignedReport> {
  const list = await repo.signedBetween(db, auth.scope, `${month}-01`, dueDate(month, 31));
  const thresholds = new Map<string, { value: string; source: string } | null>();
  const items: TSignedReport['items'] = [];
  for (const p of list) {
    const key = `${p.hostRegionCode}|${p.signingDate}`;
    if (!thresholds.has(key)) {
      const policy = await effectivePolicy(db, p.hostRegionCode, p.signingDate);
      thresholds.set(key, policy.provincialSignedReportThresholdWan ?? null);
    }
    const threshold = thresholds.get(key);
    const amountWan = wan(signedAmountWan(p));
    if (!threshold || !atOrOver(amountWan, threshold.value)) continue;
    items.push({
      id: p.id,
      code: p.code,
      name: p.name,
      stage: p.stage,
      signingDate: p.signingDate,
      amountWan,
      thresholdWan: threshold.value,
      source: threshold.source,
      hostRegion: { code: p.hostRegionCode, name: p.hostRegionName },
      firstUnitName: p.firstUnitName,
    });
  }
  return { month, items, totalAmountWan: addWan(...items.map((i) => i.amountWan)) };
}

// =================================================================== daily job

/**
 * Reminds holders whose exclusivity window ends in 7 days, and units whose escalated project still
 * lacks its 三个一 (again every 7 days). Each reminder is written with its mark in one transaction,
 * so a rerun on the same day sends nothing twice.
 */
export async function runCoordinationDaily(db: Db, now = new Date()): Promise<{ windows: number; threeOnes: number }> {
  const today = chinaDate(now);
  const endsOn = addDays(today, WINDOW_REMINDER_DAYS);
  let windows = 0;
  for (const w of await repo.windowsEndingOn(db, endsOn)) {
    await db.transaction(async (tx) => {
      await notify(tx, {
        unitId: w.unitId,
        kind: 'coordination.exclusivity_ending',
        title: { zh: '首谈排他期即将结束', en: 'An exclusivity window ends in 7 days' },
        body: {
          zh: `“${w.projectName}”（${w.projectCode}）的首谈排他期将于 ${endsOn} 结束。`,
          en: `The exclusive first-negotiation window of “${w.projectName}” (${w.projectCode}) ends on ${endsOn}.`,
        },
        entity: 'project',
        entityId: w.projectId,
      });
      await repo.markWindowReminded(tx, w.projectId, today);
    });
    windows++;
  }
  let threeOnes = 0;
  for (const e of await repo.escalationsToRemind(db, addDays(today, -THREE_ONES_REMINDER_DAYS))) {
    await db.transaction(async (tx) => {
      await notifyThreeOnesMissing(tx, e.responsibleUnitId, e.projectName, e.id);
      await repo.markEscalationReminded(tx, e.id, today);
    });
    threeOnes++;
  }
  return { windows, threeOnes };
}
