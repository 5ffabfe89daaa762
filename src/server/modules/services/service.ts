import { AppError, type FieldError } from '../../../domain/errors';
import { type Stage } from '../../../domain/lifecycle';
import {
  checkExemption,
  EXEMPTION_CAUSES,
  EXEMPTION_STEPS,
  OBLIGATION_KIND_KEYS,
  OBLIGATION_KINDS,
  OBLIGATION_STATUS_LABELS,
  OBLIGATION_STATUSES,
  addDays,
  obligationStatus,
  supportShortening,
  type ExemptionCause,
  type ObligationKind,
  type ObligationStatus,
} from '../../../domain/obligations';
import { can, type Action } from '../../../domain/permissions';
import { chinaDate } from '../../../domain/reporting';
import { signedAmountWan } from '../../../domain/escalation';
import {
  checkReview,
  checkReviewGate,
  REVIEW_DECISION_LABELS,
  REVIEW_DECISIONS,
  RISK_ITEMS,
  RISK_KEYS,
  RISK_RESULT_LABELS,
  RISK_RESULTS,
} from '../../../domain/review';
import { VISIT_OCCASION_KEYS, VISIT_OCCASIONS, VISIT_SOURCE } from '../../../domain/visits';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { recordAudit } from '../audit/service';
import { notify } from '../notifications/service';
import { effectivePolicy } from '../policies/service';
import { reminderLetterDocx, type ReminderLetterContent } from './letters';
import { presentAgreement, presentLetter, presentReview } from './presenter';
import * as repo from './repository';
import type {
  TAgreement,
  TAgreementList,
  TCreateAgreementRequest,
  TCreateObligationRequest,
  TCreateReviewRequest,
  TExemptionRequest,
  TRecordPerformanceRequest,
  TReminderLetter,
  TReview,
  TReviewList,
  TSendLetterRequest,
  TServicesCatalog,
} from './schema';

/** Today in China: the date the services' records are kept on (tests set the clock). */
export function servicesToday(): string {
  return chinaDate(new Date());
}

const DENIED: Partial<Record<Action, { zh: string; en: string }>> = {
  'project.write': { zh: '您的角色不能登记服务事项', en: 'Your role cannot record service items' },
  'project.transition': {
    zh: '您的角色不能登记评审、协议或督办',
    en: 'Your role cannot record reviews, agreements or notices',
  },
  'leader.decide': { zh: '只有领导可以作出容错免责决定', en: 'Only a leader can record a tolerance exemption' },
};

export function requireAction(auth: AuthContext, action: Action): void {
  if (!can(auth.user.role, action)) throw new AppError('FORBIDDEN', { detail: DENIED[action] });
}

export async function requireProject(db: Db, auth: AuthContext, id: string): Promise<repo.ProjectFacts> {
  const project = await repo.findProject(db, auth.scope, id);
  if (!project) throw new AppError('NOT_FOUND');
  return project;
}

function invalid(errors: FieldError[], prefix = 'body.'): AppError {
  return new AppError('VALIDATION', { fields: errors.map((e) => ({ ...e, field: prefix + e.field })) });
}

function stale(): AppError {
  return new AppError('VERSION_CONFLICT', {
    fields: [
      { field: 'body.version', zh: '版本已过期，请刷新后再改', en: 'The version is stale; reload and try again' },
    ],
  });
}

/** Labels of every list this module uses, so the web shows the server's words. */
export function catalog(): TServicesCatalog {
  return {
    riskItems: RISK_KEYS.map((key) => ({
      key,
      label: { zh: RISK_ITEMS[key].zh, en: RISK_ITEMS[key].en },
      source: RISK_ITEMS[key].source,
    })),
    riskResults: RISK_RESULTS.map((key) => ({ key, label: RISK_RESULT_LABELS[key] })),
    decisions: REVIEW_DECISIONS.map((key) => ({ key, label: REVIEW_DECISION_LABELS[key] })),
    obligationKinds: OBLIGATION_KIND_KEYS.map((key) => {
      const k = OBLIGATION_KINDS[key];
      return { key, label: { zh: k.zh, en: k.en }, party: k.party, measured: k.measured };
    }),
    obligationStatuses: OBLIGATION_STATUSES.map((key) => ({ key, label: OBLIGATION_STATUS_LABELS[key] })),
    exemptionCauses: Object.entries(EXEMPTION_CAUSES).map(([key, label]) => ({ key, label })),
    exemptionSteps: Object.entries(EXEMPTION_STEPS).map(([key, label]) => ({ key, label })),
    visitOccasions: VISIT_OCCASION_KEYS.map((key) => ({ key, label: VISIT_OCCASIONS[key] })),
    visitSource: VISIT_SOURCE,
  };
}

// =================================================================== reviews (评审会)

/** Records a review meeting's collective decision, its scores, risk checklist and minutes. */
export async function createReview(
  db: Db,
  auth: AuthContext,
  projectId: string,
  input: TCreateReviewRequest,
): Promise<TReview> {
  requireAction(auth, 'project.transition');
  return db.transaction(async (tx) => {
    const project = await requireProject(tx, auth, projectId);
    const errors = checkReview(input);
    if (input.meetingDate > servicesToday()) {
      errors.unshift({
        field: 'meetingDate',
        zh: '会议日期不能晚于今天',
        en: 'The meeting date cannot be in the future',
      });
    }
    if (errors.length) throw invalid(errors);
    const id = await repo.insertReview(tx, {
      projectId,
      meetingDate: input.meetingDate,
      level: input.level,
      members: input.members.map((m) => m.trim()).filter(Boolean),
      scores: input.scores.map((s) => ({ criterion: s.criterion.trim(), score: s.score, max: s.max })),
      risks: input.risks.map((r) => ({ key: r.key, result: r.result, note: r.note?.trim() || null })),
      decision: input.decision,
      minutes: input.minutes.trim(),
      createdBy: auth.user.id,
    });
    const [row] = await repo.listReviews(tx, auth.scope, { id });
    const review = presentReview(row!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'review.created',
      entity: 'review',
      entityId: id,
      regionCode: project.hostRegionCode,
      after: review,
    });
    return review;
  });
}

export async function listReviews(db: Db, auth: AuthContext, query: { projectId?: string }): Promise<TReviewList> {
  return { items: (await repo.listReviews(db, auth.scope, query)).map(presentReview) };
}

/** What the project service passes: the project before the change and the accepted gate result. */
export interface SigningFacts {
  id: string;
  hostRegionCode: string;
  totalInvestmentWan: string;
  contractAmountWan?: string | null;
  signingDate?: string | null;
}

/**
 * The review gate before 签约: where the pack in force on the signing date sets
 * `reviewRequiredThresholdWan`, a signing at or over it needs an approving review (jiaxing §三(四),
 * gansu §(十三), liaoyuan §三.四). Called from the projects service inside the transition's transaction.
 */
export async function requireSigningReview(
  tx: Db,
  project: SigningFacts,
  result: {
    ok: true;
    to: Stage;
    direction: string;
    changes: { signingDate?: string | null; contractAmountWan?: string | null };
  },
): Promise<void> {
  if (result.to !== 'signed' || result.direction !== 'forward') return;
  const signingDate = result.changes.signingDate ?? project.signingDate ?? servicesToday();
  const policy = await effectivePolicy(tx, project.hostRegionCode, signingDate);
  const rule = policy.reviewRequiredThresholdWan;
  if (!rule) return;
  const amountWan = signedAmountWan({
    contractAmountWan: result.changes.contractAmountWan ?? project.contractAmountWan,
    totalInvestmentWan: project.totalInvestmentWan,
  });
  const problem = checkReviewGate({
    amountWan,
    signingDate,
    rule: { value: rule.value, source: rule.source },
    reviews: await repo.reviewFactsOf(tx, project.id),
  });
  if (problem)
    throw new AppError('REVIEW_REQUIRED', { detail: problem, fields: [{ field: 'body.signingDate', ...problem }] });
}

// =================================================================== agreements and obligations

function checkObligation(input: TCreateObligationRequest, field: string): FieldError[] {
  const kind = OBLIGATION_KINDS[input.kind];
  if (kind.measured && !input.targetValue) {
    return [
      {
        field: `${field}.targetValue`,
        zh: `“${kind.zh}”须填写约定数值`,
        en: `"${kind.en}" needs the agreed value`,
      },
    ];
  }
  return [];
}

function obligationValues(agreementId: string, input: TCreateObligationRequest, today: string) {
  const kind = OBLIGATION_KINDS[input.kind];
  const facts = { kind: input.kind, dueDate: input.dueDate, targetValue: input.targetValue ?? null };
  return {
    agreementId,
    party: kind.party,
    kind: input.kind,
    clause: input.clause,
    description: input.description,
    dueDate: input.dueDate,
    measureYear: input.measureYear ?? null,
    targetValue: kind.measured ? (input.targetValue ?? null) : null,
    status: obligationStatus(facts, today),
    statusOn: today,
  };
}

async function loadAgreements(db: Db, auth: AuthContext, filter: { projectId?: string; id?: string; status?: string }) {
  const rows = await repo.listAgreements(db, auth.scope, filter);
  const obligations = await repo.obligationsOf(
    db,
    rows.map((r) => r.agreement.id),
  );
  const letters = await repo.lettersOf(
    db,
    obligations.map((o) => o.id),
  );
  return rows.map((r) => presentAgreement(r, obligations, letters));
}

export async function getAgreement(db: Db, auth: AuthContext, id: string): Promise<TAgreement> {
  const [agreement] = await loadAgreements(db, auth, { id });
  if (!agreement) throw new AppError('NOT_FOUND');
  return agreement;
}

export async function listAgreements(
  db: Db,
  auth: AuthContext,
  query: { projectId?: string; status?: ObligationStatus },
): Promise<TAgreementList> {
  return { items: await loadAgreements(db, auth, query) };
}

/** Records an investment agreement of a project with its obligations and government commitments. */
export async function createAgreement(
  db: Db,
  auth: AuthContext,
  projectId: string,
  input: TCreateAgreementRequest,
): Promise<TAgreement> {
  requireAction(auth, 'project.transition');
  return db.transaction(async (tx) => {
    const project = await requireProject(tx, auth, projectId);
    const errors = input.obligations.flatMap((o, i) => checkObligation(o, `obligations.${i}`));
    if (errors.length) throw invalid(errors);
    const today = servicesToday();
    const id = await repo.insertAgreement(tx, {
      projectId,
      title: input.title,
      agreementNo: input.agreementNo,
      signedOn: input.signedOn,
      enterpriseName: input.enterpriseName,
      governmentParty: input.governmentParty,
      supportEndsOn: input.supportEndsOn ?? null,
      createdBy: auth.user.id,
    });
    await repo.insertObligations(
      tx,
      input.obligations.map((o) => obligationValues(id, o, today)),
    );
    const agreement = await getAgreement(tx, auth, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'agreement.created',
      entity: 'agreement',
      entityId: id,
      regionCode: project.hostRegionCode,
      after: agreement,
    });
    return agreement;
  });
}

async function requireAgreement(tx: Db, auth: AuthContext, id: string) {
  const [row] = await repo.listAgreements(tx, auth.scope, { id }, true);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function addObligation(
  db: Db,
  auth: AuthContext,
  agreementId: string,
  input: TCreateObligationRequest,
): Promise<TAgreement> {
  requireAction(auth, 'project.transition');
  return db.transaction(async (tx) => {
    const row = await requireAgreement(tx, auth, agreementId);
    const errors = checkObligation(input, 'body');
    if (errors.length) throw invalid(errors, '');
    await repo.insertObligations(tx, [obligationValues(agreementId, input, servicesToday())]);
    const after = await getAgreement(tx, auth, agreementId);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'obligation.created',
      entity: 'agreement',
      entityId: agreementId,
      regionCode: row.project.hostRegionCode,
      after: after.obligations[after.obligations.length - 1],
    });
    return after;
  });
}

/**
 * The support period after enterprise-caused delays (gansu §(二十二)): the original end (the end
 * recorded plus the days already taken off) less the delays of every start/production obligation.
 */
async function reapplySupportShortening(tx: Db, agreement: repo.AgreementRow['agreement'], hostRegionCode: string) {
  if (!agreement.supportEndsOn) return;
  const original = addDays(agreement.supportEndsOn, agreement.supportShortenedDays);
  let days = 0;
  for (const o of await repo.obligationsOf(tx, [agreement.id])) {
    if (!o.metOn) continue;
    const policy = await effectivePolicy(tx, hostRegionCode, o.metOn);
    days += supportShortening({ ...o, kind: o.kind as ObligationKind }, policy.delayShortensSupport);
  }
  if (days === agreement.supportShortenedDays) return;
  await repo.updateAgreement(tx, agreement.id, agreement.version, {
    supportEndsOn: addDays(original, -days),
    supportShortenedDays: days,
  });
}

/** Records that an obligation was met (a date) or the value reached, with the cause of any delay. */
export async function recordPerformance(
  db: Db,
  auth: AuthContext,
  obligationId: string,
  input: TRecordPerformanceRequest,
): Promise<TAgreement> {
  requireAction(auth, 'project.transition');
  return db.transaction(async (tx) => {
    const row = await repo.findObligation(tx, auth.scope, obligationId, true);
    if (!row) throw new AppError('NOT_FOUND');
    const o = row.obligation;
    if (o.version !== input.version) throw stale();
    const today = servicesToday();
    const errors: FieldError[] = [];
    if (input.metOn && input.metOn > today) {
      errors.push({ field: 'metOn', zh: '履约日期不能晚于今天', en: 'The date met cannot be in the future' });
    }
    const kind = o.kind as ObligationKind;
    if (OBLIGATION_KINDS[kind].measured && input.actualValue === undefined) {
      errors.push({ field: 'actualValue', zh: '请填写实际达到的数值', en: 'Give the value reached' });
    }
    if (input.metOn && input.metOn > o.dueDate && o.party === 'enterprise' && !input.delayCause) {
      errors.push({
        field: 'delayCause',
        zh: '逾期履约须说明延误原因（企业自身或客观原因）',
        en: 'A late performance needs the cause of delay (the enterprise, or objective)',
      });
    }
    if (errors.length) throw invalid(errors);
    const values = {
      metOn: input.metOn ?? (OBLIGATION_KINDS[kind].measured && input.actualValue ? today : null),
      actualValue: input.actualValue ?? null,
      delayCause: input.delayCause ?? null,
    };
    const status = obligationStatus({ ...o, ...values, kind, exempted: o.status === 'exempted' }, today);
    if (!(await repo.updateObligation(tx, o.id, o.version, { ...values, status, statusOn: today }))) throw stale();
    await reapplySupportShortening(tx, row.agreement, row.project.hostRegionCode);
    const after = await getAgreement(tx, auth, row.agreement.id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'obligation.performance',
      entity: 'obligation',
      entityId: o.id,
      regionCode: row.project.hostRegionCode,
      before: { metOn: o.metOn, actualValue: o.actualValue, status: o.status },
      after: { ...values, status },
    });
    return after;
  });
}

// =================================================================== 履约提醒函

const DEFAULT_ACTION: Record<ObligationKind, string> = {
  start_construction: '加快前期手续办理，尽快开工建设',
  start_production: '加快项目建设进度，尽快建成投产',
  investment_reached: '按协议约定加快资金到位，或书面说明调整投资计划',
  output_per_mu: '采取有效措施提升亩均产出，达到协议约定标准',
  tax_per_mu: '采取有效措施提升亩均税收，达到协议约定标准',
  government_commitment: '按约定兑现承诺',
};

type ObligationWithContext = NonNullable<Awaited<ReturnType<typeof repo.findObligation>>>;

async function issueLetter(
  tx: Db,
  row: Pick<ObligationWithContext, 'obligation' | 'project'> & {
    agreement: {
      id: string;
      title: string;
      agreementNo: string;
      signedOn: string;
      enterpriseName: string;
      governmentParty: string;
    };
  },
  options: { today: string; sentBy: string | null; requestedAction?: string; replyDays: number },
) {
  const { obligation: o, agreement: a, project } = row;
  const year = Number(options.today.slice(0, 4));
  const seq = (await repo.countLettersInYear(tx, year)) + 1;
  const content: ReminderLetterContent = {
    docNo: `履约提醒〔${year}〕${seq}号`,
    addressee: a.enterpriseName,
    projectName: project.name,
    agreementTitle: a.title,
    agreementNo: a.agreementNo,
    agreementSignedOn: a.signedOn,
    clause: o.clause,
    obligation: o.description,
    dueDate: o.dueDate,
    requestedAction: options.requestedAction?.trim() || DEFAULT_ACTION[o.kind as ObligationKind],
    replyBy: addDays(options.today, options.replyDays),
    issuer: a.governmentParty,
    issuedOn: options.today,
  };
  const letter = await repo.insertLetter(tx, {
    obligationId: o.id,
    docNo: content.docNo,
    sentOn: options.today,
    content,
    sentBy: options.sentBy,
  });
  await recordAudit(tx, {
    actorId: options.sentBy,
    action: 'reminder_letter.sent',
    entity: 'reminder_letter',
    entityId: letter.id,
    regionCode: project.hostRegionCode,
    after: content,
  });
  await notify(tx, {
    unitId: project.responsibleUnitId,
    kind: 'services.reminder_letter',
    title: { zh: `已发出履约提醒函：${project.name}`, en: `Reminder letter sent: ${project.name}` },
    body: {
      zh: `${content.docNo} 致 ${a.enterpriseName}：${o.description}（期限 ${o.dueDate}）`,
      en: `${content.docNo} to ${a.enterpriseName}: ${o.description} (due ${o.dueDate})`,
    },
    entity: 'project',
    entityId: project.id,
  });
  return letter;
}

/** Sends (records) a 履约提醒函 for a late or breached enterprise obligation. */
export async function sendReminderLetter(
  db: Db,
  auth: AuthContext,
  obligationId: string,
  input: TSendLetterRequest,
): Promise<TReminderLetter> {
  requireAction(auth, 'project.transition');
  return db.transaction(async (tx) => {
    const row = await repo.findObligation(tx, auth.scope, obligationId, true);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.obligation.party !== 'enterprise') {
      throw invalid([
        {
          field: 'obligationId',
          zh: '政府承诺事项不发履约提醒函，请由政府方督办',
          en: 'Government commitments get no reminder letter; the government side follows them up',
        },
      ]);
    }
    if (row.obligation.status !== 'late' && row.obligation.status !== 'breached') {
      throw invalid([
        {
          field: 'obligationId',
          zh: `该事项状态为“${OBLIGATION_STATUS_LABELS[row.obligation.status].zh}”，仅逾期或违约事项可发提醒函`,
          en: `The obligation is ${OBLIGATION_STATUS_LABELS[row.obligation.status].en}; only late or breached ones get a letter`,
        },
      ]);
    }
    const letter = await issueLetter(tx, row, {
      today: servicesToday(),
      sentBy: auth.user.id,
      requestedAction: input.requestedAction,
      replyDays: input.replyDays,
    });
    return presentLetter({ letter, sentBy: { id: auth.user.id, displayName: auth.user.displayName } });
  });
}

/** The letter as a Word document, produced from what was recorded when it was sent. */
export async function letterDocument(db: Db, auth: AuthContext, id: string): Promise<{ name: string; data: Buffer }> {
  const letter = await repo.findLetter(db, auth.scope, id);
  if (!letter) throw new AppError('NOT_FOUND');
  const content = letter.content as ReminderLetterContent;
  return { name: `履约提醒函-${content.docNo}.docx`, data: await reminderLetterDocx(content) };
}

// =================================================================== 容错免责

/**
 * Records a 容错免责 on an agreement (jiaxing §三(四)): an objective cause, a project admitted
 * after an approving review, and the procedure's steps in order. The agreement and its open
 * obligations are marked exempted.
 */
export async function recordExemption(
  db: Db,
  auth: AuthContext,
  agreementId: string,
  input: TExemptionRequest,
): Promise<TAgreement> {
  requireAction(auth, 'leader.decide');
  return db.transaction(async (tx) => {
    const row = await requireAgreement(tx, auth, agreementId);
    const a = row.agreement;
    if (a.version !== input.version) throw stale();
    const today = servicesToday();
    const decidedOn = input.steps.decision?.date ?? today;
    const policy = await effectivePolicy(tx, row.project.hostRegionCode, decidedOn);
    const reviews = await repo.reviewFactsOf(tx, a.projectId);
    const errors = checkExemption({
      cause: input.cause,
      steps: input.steps,
      reviewedBeforeAdmission: reviews.some((r) => r.decision === 'approve' && r.meetingDate <= a.signedOn),
      rule: policy.toleranceExemption,
    });
    if (errors.length) throw invalid(errors);
    const exemption = {
      cause: input.cause as ExemptionCause,
      steps: input.steps,
      source: policy.toleranceExemption!.source,
      recordedOn: today,
    };
    if (!(await repo.updateAgreement(tx, a.id, a.version, { status: 'exempted', exemption }))) throw stale();
    await repo.exemptObligations(tx, a.id, today);
    const after = await getAgreement(tx, auth, a.id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'agreement.exempted',
      entity: 'agreement',
      entityId: a.id,
      regionCode: row.project.hostRegionCode,
      before: { status: a.status },
      after: { status: 'exempted', exemption },
    });
    return after;
  });
}

// =================================================================== daily monitoring

/**
 * The daily job: marks every open obligation pending, due, late or breached as of `today`. An
 * enterprise obligation that turns late gets a 履约提醒函 recorded as sent; a government commitment
 * that turns late is flagged on the government side and its leaders are told. Returns what changed.
 */
export async function runObligationMonitor(
  db: Db,
  today: string,
): Promise<{ changed: number; letters: number; governmentFlagged: number }> {
  const open = await repo.openObligations(db);
  let changed = 0;
  let letters = 0;
  let governmentFlagged = 0;
  for (const row of open) {
    const o = row.obligation;
    const status = obligationStatus({ ...o, kind: o.kind as ObligationKind }, today);
    if (status === o.status) continue;
    // One transaction per obligation: a failure leaves the others marked.
    await db.transaction(async (tx) => {
      const becameLate = (status === 'late' || status === 'breached') && o.status !== 'late' && o.status !== 'breached';
      const flag = becameLate && o.party === 'government';
      await repo.updateObligation(tx, o.id, null, {
        status,
        statusOn: today,
        ...(flag ? { governmentFlagged: today } : {}),
      });
      await recordAudit(tx, {
        actorId: null,
        action: 'obligation.status',
        entity: 'obligation',
        entityId: o.id,
        regionCode: row.project.hostRegionCode,
        before: { status: o.status },
        after: { status, on: today },
      });
      changed++;
      if (!becameLate) return;
      if (o.party === 'enterprise') {
        await issueLetter(tx, row, { today, sentBy: null, replyDays: 15 });
        letters++;
      } else {
        governmentFlagged++;
        await notify(tx, {
          regionCode: row.project.hostRegionCode,
          roles: ['leader', 'officer'],
          kind: 'services.commitment_late',
          title: {
            zh: `政府承诺逾期未兑现：${row.project.name}`,
            en: `Government commitment overdue: ${row.project.name}`,
          },
          body: {
            zh: `《${row.agreement.title}》${o.clause}：${o.description}，期限 ${o.dueDate}（gansu §(二十二) 承诺兑现）`,
            en: `${row.agreement.title} ${o.clause}: ${o.description}, due ${o.dueDate} (gansu §(二十二))`,
          },
          entity: 'project',
          entityId: row.project.id,
        });
      }
    });
  }
  return { changed, letters, governmentFlagged };
}
