/**
 * 投资协议履约 (performance of investment agreements), as pure rules.
 * - liaoyuan §三.四: projects not built as required or not reaching agreed results get a 履约提醒函.
 * - jiangmen §(十八): supervision of investment agreements.
 * - gansu §(二十二): enterprise-caused delay in starting or producing shortens its policy support;
 *   government commitments (承诺兑现) are part of government credit.
 * - jiaxing §三(四): 容错免责 for termination on objective grounds after proper procedure.
 *
 * Exported API (stable):
 * - `OBLIGATION_KINDS` with labels and party, `type ObligationKind`, `type ObligationParty`
 * - `OBLIGATION_STATUSES`, `type ObligationStatus`, `OBLIGATION_STATUS_LABELS`
 * - `DUE_SOON_DAYS`, `BREACH_GRACE_DAYS`
 * - `obligationStatus(obligation, today)` — what the daily job marks
 * - `addDays(date, n)`, `daysBetween(a, b)`
 * - `supportShortening(obligation, rule)` — days the support period loses for an enterprise-caused delay
 * - `EXEMPTION_CAUSES`, `EXEMPTION_STEPS`, `checkExemption(input)` — 容错免责 and its procedure
 */

import type { Bilingual, FieldError } from './errors';
import { compareWan, parseWan } from './money';

export type ObligationParty = 'enterprise' | 'government';

/**
 * What an agreement may oblige. Date obligations are met by a date; measured ones by reaching a
 * value (万元, or 万元 per 亩) in a given year.
 */
export const OBLIGATION_KINDS = {
  start_construction: { zh: '开工建设', en: 'Start construction', party: 'enterprise', measured: false },
  start_production: { zh: '建成投产', en: 'Start production', party: 'enterprise', measured: false },
  investment_reached: { zh: '投资额到位', en: 'Investment amount reached', party: 'enterprise', measured: true },
  output_per_mu: { zh: '亩均产值', en: 'Output per mu', party: 'enterprise', measured: true },
  tax_per_mu: { zh: '亩均税收', en: 'Tax per mu', party: 'enterprise', measured: true },
  government_commitment: { zh: '政府承诺兑现', en: 'Government commitment', party: 'government', measured: false },
} as const satisfies Record<string, Bilingual & { party: ObligationParty; measured: boolean }>;

export type ObligationKind = keyof typeof OBLIGATION_KINDS;
export const OBLIGATION_KIND_KEYS = Object.keys(OBLIGATION_KINDS) as ObligationKind[];

export const OBLIGATION_STATUSES = ['pending', 'due', 'met', 'late', 'breached', 'exempted'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, Bilingual> = {
  pending: { zh: '未到期', en: 'Pending' },
  due: { zh: '即将到期', en: 'Due' },
  met: { zh: '已履约', en: 'Met' },
  late: { zh: '逾期', en: 'Late' },
  breached: { zh: '违约', en: 'Breached' },
  exempted: { zh: '容错免责', en: 'Exempted' },
};

/** An obligation is "due" from this many days before its due date. */
export const DUE_SOON_DAYS = 30;
/**
 * A date obligation still unmet this many days after its due date counts as breached. The
 * documents set no figure; half a year is the platform's choice, shown with the status.
 */
export const BREACH_GRACE_DAYS = 180;

export interface ObligationFacts {
  kind: ObligationKind;
  dueDate: string;
  /** When it was met (date obligations) or when the measured value was recorded. */
  metOn?: string | null;
  /** Measured obligations: the agreed value and the value reached, decimal strings. */
  targetValue?: string | null;
  actualValue?: string | null;
  /** Set by a recorded 容错免责; the job leaves it alone. */
  exempted?: boolean;
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** `date` + n days, 'YYYY-MM-DD'. */
export function addDays(date: string, n: number): string {
  return new Date((dayNumber(date) + n) * 86_400_000).toISOString().slice(0, 10);
}

/** Days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

function reached(o: ObligationFacts): boolean | null {
  if (!o.targetValue || !o.actualValue) return null;
  const target = parseWan(o.targetValue);
  const actual = parseWan(o.actualValue);
  if (!target.ok || !actual.ok) return null;
  return compareWan(actual.text, target.text) >= 0;
}

/**
 * The status on `today`:
 * - met: a date obligation with `metOn`, or a measured one whose recorded value reaches the target;
 * - breached: a measured value recorded short of the target after the due date, or a date
 *   obligation still unmet {@link BREACH_GRACE_DAYS} days after it was due;
 * - late: past the due date and not met;
 * - due: within {@link DUE_SOON_DAYS} days of the due date;
 * - pending: otherwise. A recorded exemption stays `exempted`.
 */
export function obligationStatus(o: ObligationFacts, today: string): ObligationStatus {
  if (o.exempted) return 'exempted';
  if (OBLIGATION_KINDS[o.kind].measured) {
    const ok = reached(o);
    if (ok === true) return 'met';
    if (ok === false && today > o.dueDate) return 'breached';
  } else if (o.metOn) {
    return 'met';
  }
  if (today > o.dueDate) return daysBetween(o.dueDate, today) > BREACH_GRACE_DAYS ? 'breached' : 'late';
  if (daysBetween(today, o.dueDate) <= DUE_SOON_DAYS) return 'due';
  return 'pending';
}

/**
 * gansu §(二十二): days by which an enterprise's support period is shortened for a start or
 * production obligation met late for the enterprise's own reasons (0 when none applies).
 */
export function supportShortening(
  o: ObligationFacts & { delayCause?: 'enterprise' | 'objective' | null },
  rule: { value: boolean } | null | undefined,
): number {
  if (!rule?.value) return 0;
  if (o.kind !== 'start_construction' && o.kind !== 'start_production') return 0;
  if (o.delayCause !== 'enterprise' || !o.metOn || o.metOn <= o.dueDate) return 0;
  return daysBetween(o.dueDate, o.metOn);
}

/** jiaxing §三(四): the objective causes that can be exempted. */
export const EXEMPTION_CAUSES = {
  policy_change: { zh: '国家政策调整', en: 'National policy change' },
  market_change: { zh: '市场变化', en: 'Market change' },
  force_majeure: { zh: '不可抗力', en: 'Force majeure' },
} as const satisfies Record<string, Bilingual>;
export type ExemptionCause = keyof typeof EXEMPTION_CAUSES;

/** The procedure an exemption records ("按有关规定"): each step with its document or date. */
export const EXEMPTION_STEPS = {
  application: { zh: '责任单位提出容错申请', en: 'Application by the responsible unit' },
  verification: {
    zh: '纪检监察、组织、财政、审计等部门核实意见',
    en: 'Verification by discipline, organisation, finance and audit',
  },
  decision: { zh: '集体研究决定', en: 'Collective decision' },
} as const satisfies Record<string, Bilingual>;
export type ExemptionStep = keyof typeof EXEMPTION_STEPS;

export interface ExemptionInput {
  cause: string;
  /** Each step: a date and its document number or note. */
  steps: Partial<Record<ExemptionStep, { date: string; note: string } | null>>;
  /** The project passed a collective review (科学论证、风险评估、集体决策) before admission. */
  reviewedBeforeAdmission: boolean;
  rule: { value: boolean; source: string } | null | undefined;
}

/** Every reason a 容错免责 cannot be recorded, naming the field; empty when it can. */
export function checkExemption(input: ExemptionInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.rule?.value) {
    errors.push({
      field: 'cause',
      zh: '本地区政策未规定容错免责',
      en: 'The policy in force here provides no tolerance exemption',
    });
    return errors;
  }
  if (!(input.cause in EXEMPTION_CAUSES)) {
    errors.push({
      field: 'cause',
      zh: '容错免责仅适用于国家政策调整、市场变化、不可抗力等客观因素',
      en: 'Exemption applies only to objective causes: policy change, market change, force majeure',
    });
  }
  if (!input.reviewedBeforeAdmission) {
    errors.push({
      field: 'review',
      zh: `项目准入前未经科学论证、风险评估、集体决策，不适用容错免责（${input.rule.source}）`,
      en: `The project was not admitted after review and collective decision, so no exemption applies (${input.rule.source})`,
    });
  }
  for (const step of Object.keys(EXEMPTION_STEPS) as ExemptionStep[]) {
    const s = input.steps[step];
    if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s.date) || s.note.trim() === '') {
      errors.push({
        field: `steps.${step}`,
        zh: `请填写程序“${EXEMPTION_STEPS[step].zh}”的日期和文号`,
        en: `Give the date and document of the step "${EXEMPTION_STEPS[step].en}"`,
      });
    }
  }
  const { application, verification, decision } = input.steps;
  if (application && verification && decision && errors.length === 0) {
    if (!(application.date <= verification.date && verification.date <= decision.date)) {
      errors.push({
        field: 'steps',
        zh: '程序须依次进行：申请、核实、决定',
        en: 'The steps must follow in order: application, verification, decision',
      });
    }
  }
  return errors;
}
