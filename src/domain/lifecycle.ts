/**
 * The project stage machine (项目阶段) and its gates: which stage changes are allowed and what
 * each one must be given. Pure: no I/O, `today` is passed in.
 *
 * Exported API (stable):
 * - `STAGES` (ordered), `type Stage`, `STAGE_LABELS[stage]` {zh, en}, `isStage(x)`
 * - `DATABASES` — the five databases (5个数据库, jilin §三(二), liaoyuan §三.三) as views over stages,
 *   `DATABASE_KEYS`, `type DatabaseKey`, `DATABASE_LABELS`, `databaseOf(stage)`
 * - `TERMINATION_REASONS`, `type TerminationReason`, `TERMINATION_REASON_LABELS`
 * - `isActive(stage)` — not achieved and not terminated
 * - `nextStages(project)` / `nextStages(stage)` — stages the UI may offer, each with its direction
 * - `directionOf(project, to)` — 'forward' | 'backward' | 'terminate' | 'reopen' | null (forbidden)
 * - `checkTransition(project, to, input, today)` → `GateResult`:
 *   `{ ok: true, direction, changes }` (the project fields to write) or
 *   `{ ok: false, kind: 'forbidden' | 'gate', errors: FieldError[] }` naming every missing field in zh and en
 * - `applyTransition(project, to, input, today)` — the project after an accepted transition (or the `GateResult` failure)
 * - types `ProjectStageState`, `TransitionInput`, `TransitionDirection`, `GateResult`, `StageChanges`
 * - `isCalendarDate('YYYY-MM-DD')`
 *
 * The rules (decided here, tested in lifecycle.test.ts):
 * 1. Forward, pre-landing: from planned/negotiating/intent to any LATER stage up to and including
 *    signed. Jumps are allowed (negotiating → signed happens often), only forward.
 * 2. Forward, landing (落地库): strictly one step at a time, signed → registered → started →
 *    producing → achieved. Nothing before signed can jump into the landed stages.
 * 3. Backward: to any earlier stage (planned … the stage before the current one), from any stage
 *    except terminated, with a non-empty `reason`. It is a correction; dates recorded for later
 *    stages stay on the project (they are history) but are re-checked when moving forward again.
 * 4. Terminate: from any active stage (planned … producing) with a `terminationReason` from
 *    `TERMINATION_REASONS` (and `reasonText` when it is 'other'). An achieved project is an
 *    outcome, not a failure: it cannot be terminated (a wrongly recorded achievement goes back first).
 * 5. Terminated is final except for one way out: reopen, to exactly the stage it left
 *    (`terminatedFrom`), with a non-empty `reason`. Reopening clears the termination fields.
 * 6. Gates. The target stage's own fields may be given in `input` or already be on the project
 *    (input wins); earlier stages' dates are always the project's recorded ones (input ignored):
 *    signed: signingDate (a real date, not after today), contractAmountWan (> 0), parties
 *      (≥ 1 non-empty name), agreementFileId;
 *    registered: registeredDate, not before signingDate;
 *    started: startDate, not before signingDate nor registeredDate;
 *    producing: productionDate, not before startDate;
 *    achieved: achievedDate, not before productionDate.
 *    Every gate date is a real calendar date not after `today` (they record facts).
 */

import type { Bilingual, FieldError } from './errors';
import { parseWan } from './money';

export const STAGES = [
  'planned',
  'negotiating',
  'intent',
  'signed',
  'registered',
  'started',
  'producing',
  'achieved',
  'terminated',
] as const;

/** A project stage (阶段). */
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, Bilingual> = {
  planned: { zh: '谋划', en: 'Planned' },
  negotiating: { zh: '洽谈', en: 'Negotiating' },
  intent: { zh: '意向', en: 'Intent' },
  signed: { zh: '签约', en: 'Signed' },
  registered: { zh: '注册/备案', en: 'Registered' },
  started: { zh: '开工', en: 'Construction started' },
  producing: { zh: '投产', en: 'In production' },
  achieved: { zh: '达效', en: 'Achieved' },
  terminated: { zh: '终止', en: 'Terminated' },
};

/** The five databases (5个数据库) as views over stages; terminated projects are in none of them. */
export const DATABASES = {
  planned: ['planned'],
  negotiating: ['negotiating'],
  intent: ['intent'],
  signed: ['signed'],
  landed: ['registered', 'started', 'producing', 'achieved'],
} as const satisfies Record<string, readonly Stage[]>;

export type DatabaseKey = keyof typeof DATABASES;
export const DATABASE_KEYS = Object.keys(DATABASES) as DatabaseKey[];

export const DATABASE_LABELS: Record<DatabaseKey, Bilingual> = {
  planned: { zh: '谋划库', en: 'Planned projects' },
  negotiating: { zh: '洽谈库', en: 'Projects in negotiation' },
  intent: { zh: '意向库', en: 'Projects with intent' },
  signed: { zh: '签约库', en: 'Signed projects' },
  landed: { zh: '落地库', en: 'Landed projects' },
};

export const TERMINATION_REASONS = [
  'policy_change',
  'market_change',
  'force_majeure',
  'investor_withdrew',
  'duplicate',
  'failed_review',
  'stalled',
  'other',
] as const;

export type TerminationReason = (typeof TERMINATION_REASONS)[number];

export const TERMINATION_REASON_LABELS: Record<TerminationReason, Bilingual> = {
  policy_change: { zh: '政策变化', en: 'Policy change' },
  market_change: { zh: '市场变化', en: 'Market change' },
  force_majeure: { zh: '不可抗力', en: 'Force majeure' },
  investor_withdrew: { zh: '投资方撤回', en: 'Investor withdrew' },
  duplicate: { zh: '重复项目', en: 'Duplicate project' },
  failed_review: { zh: '评审未通过', en: 'Failed review' },
  stalled: { zh: '长期停滞', en: 'Stalled for a long time' },
  other: { zh: '其他', en: 'Other' },
};

export type TransitionDirection = 'forward' | 'backward' | 'terminate' | 'reopen';

/** What the machine needs to know about a project. Field names are the `projects` columns. */
export interface ProjectStageState {
  stage: Stage;
  /** For a terminated project: the stage it left (where a reopen returns to). */
  terminatedFrom?: Stage | null;
  signingDate?: string | null;
  contractAmountWan?: string | null;
  parties?: readonly string[] | null;
  agreementFileId?: string | null;
  registeredDate?: string | null;
  startDate?: string | null;
  productionDate?: string | null;
  achievedDate?: string | null;
  terminationReason?: TerminationReason | null;
  terminationText?: string | null;
}

/** What a person supplies with a stage change (the request body minus the target stage). */
export interface TransitionInput {
  /** Why: required for a backward move and for a reopen. */
  reason?: string | null;
  signingDate?: string | null;
  contractAmountWan?: string | null;
  parties?: readonly string[] | null;
  agreementFileId?: string | null;
  registeredDate?: string | null;
  startDate?: string | null;
  productionDate?: string | null;
  achievedDate?: string | null;
  terminationReason?: string | null;
  /** Free text for a termination; required when `terminationReason` is 'other'. */
  reasonText?: string | null;
}

/** Project fields to write when a transition is accepted (only those that change). */
export type StageChanges = Partial<Omit<ProjectStageState, 'parties'>> & { stage: Stage; parties?: string[] };

export type GateResult =
  | { ok: true; from: Stage; to: Stage; direction: TransitionDirection; changes: StageChanges }
  | { ok: false; from: Stage; to: Stage; kind: 'forbidden' | 'gate'; errors: FieldError[] };

/** True for a string naming a stage. */
export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Active: still being worked on (not achieved, not terminated). Planned counts as active. */
export function isActive(stage: Stage): boolean {
  return stage !== 'achieved' && stage !== 'terminated';
}

/** The database (库) a stage belongs to; null for terminated. */
export function databaseOf(stage: Stage): DatabaseKey | null {
  for (const key of DATABASE_KEYS) if ((DATABASES[key] as readonly Stage[]).includes(stage)) return key;
  return null;
}

const ORDER: Record<Stage, number> = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;
const SIGNED = ORDER.signed;

/**
 * How moving `project` to `to` would be classified, or null when the machine forbids it
 * (regardless of gate fields). Accepts a bare stage for a non-terminated project.
 */
export function directionOf(project: ProjectStageState | Stage, to: Stage): TransitionDirection | null {
  const state: ProjectStageState = typeof project === 'string' ? { stage: project } : project;
  const from = state.stage;
  if (from === to) return null;
  if (from === 'terminated')
    return state.terminatedFrom && state.terminatedFrom === to && to !== 'terminated' ? 'reopen' : null;
  if (to === 'terminated') return isActive(from) ? 'terminate' : null;
  const f = ORDER[from];
  const t = ORDER[to];
  if (t < f) return 'backward';
  if (t <= SIGNED) return 'forward';
  // Into or within the landed stages: exactly one step.
  return t === f + 1 ? 'forward' : null;
}

/** The stages a project may be moved to (gates aside), in stage order, with their direction. */
export function nextStages(project: ProjectStageState | Stage): { stage: Stage; direction: TransitionDirection }[] {
  const out: { stage: Stage; direction: TransitionDirection }[] = [];
  for (const stage of STAGES) {
    const direction = directionOf(project, stage);
    if (direction) out.push({ stage, direction });
  }
  return out;
}

type GateField =
  | 'signingDate'
  | 'contractAmountWan'
  | 'parties'
  | 'agreementFileId'
  | 'registeredDate'
  | 'startDate'
  | 'productionDate'
  | 'achievedDate';

const FIELD_LABELS: Record<GateField | 'reason' | 'terminationReason' | 'reasonText' | 'to', Bilingual> = {
  signingDate: { zh: '签约日期', en: 'signing date' },
  contractAmountWan: { zh: '合同金额（万元）', en: 'contract amount (10k yuan)' },
  parties: { zh: '签约各方', en: 'parties' },
  agreementFileId: { zh: '投资协议文件', en: 'agreement file' },
  registeredDate: { zh: '注册/备案日期', en: 'registration date' },
  startDate: { zh: '开工日期', en: 'construction start date' },
  productionDate: { zh: '投产日期', en: 'production date' },
  achievedDate: { zh: '达效日期', en: 'date targets were achieved' },
  reason: { zh: '原因', en: 'reason' },
  terminationReason: { zh: '终止原因', en: 'termination reason' },
  reasonText: { zh: '终止原因说明', en: 'termination reason text' },
  to: { zh: '目标阶段', en: 'target stage' },
};

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function pick<K extends keyof TransitionInput & keyof ProjectStageState>(
  input: TransitionInput,
  project: ProjectStageState,
  key: K,
): TransitionInput[K] | ProjectStageState[K] {
  const given = input[key];
  return given !== undefined && given !== null ? given : project[key];
}

function required(field: keyof typeof FIELD_LABELS): FieldError {
  const label = FIELD_LABELS[field];
  return { field, zh: `请填写${label.zh}`, en: `the ${label.en} is required` };
}

/**
 * Checks a date gate: present, a real date, not after today, not before each earlier date given
 * (the first of `notBefore` that is later wins the message).
 */
function checkDate(
  errors: FieldError[],
  field: GateField,
  value: string | null | undefined,
  today: string,
  notBefore: { field: GateField; value: string | null | undefined }[],
): string | null {
  const label = FIELD_LABELS[field];
  if (!present(value)) {
    errors.push(required(field));
    return null;
  }
  if (!isCalendarDate(value)) {
    errors.push({
      field,
      zh: `${label.zh}应为有效日期（YYYY-MM-DD）`,
      en: `the ${label.en} must be a date (YYYY-MM-DD)`,
    });
    return null;
  }
  if (value > today) {
    errors.push({
      field,
      zh: `${label.zh}不能晚于今天（${today}）`,
      en: `the ${label.en} cannot be after today (${today})`,
    });
    return null;
  }
  for (const earlier of notBefore) {
    if (isCalendarDate(earlier.value) && value < earlier.value) {
      const other = FIELD_LABELS[earlier.field];
      errors.push({
        field,
        zh: `${label.zh}不能早于${other.zh}（${earlier.value}）`,
        en: `the ${label.en} cannot be before the ${other.en} (${earlier.value})`,
      });
      return null;
    }
  }
  return value;
}

function forbidden(from: Stage, to: Stage, project: ProjectStageState): FieldError {
  const a = STAGE_LABELS[from];
  const b = STAGE_LABELS[to];
  let zh = `项目不能从“${a.zh}”转到“${b.zh}”`;
  let en = `a project cannot move from ${a.en} to ${b.en}`;
  if (from === 'terminated') {
    const back = project.terminatedFrom ? STAGE_LABELS[project.terminatedFrom] : null;
    zh += back ? `；已终止的项目只能恢复到终止前的“${back.zh}”阶段` : '；已终止的项目不能变更阶段';
    en += back ? `; a terminated project can only be reopened at ${back.en}, the stage it left` : '; it is terminated';
  } else if (to === 'terminated') {
    zh += '；已达效的项目不能终止';
    en += '; an achieved project cannot be terminated';
  } else if (from === to) {
    zh = `项目已处于“${a.zh}”阶段`;
    en = `the project is already at ${a.en}`;
  } else if (ORDER[to] > SIGNED) {
    const step = STAGES[ORDER[from] + 1]!;
    zh += `；落地阶段须依次推进，下一步为“${STAGE_LABELS[step].zh}”`;
    en += `; landed stages go one step at a time, the next is ${STAGE_LABELS[step].en}`;
  }
  return { field: 'to', zh, en };
}

/**
 * Decides whether `project` may move to `to` with `input` on `today` ('YYYY-MM-DD'). Returns the
 * field changes to write, or every problem at once, each naming its field in zh and en.
 * `kind: 'forbidden'` means no input could make this move valid; `'gate'` means fields are missing.
 */
export function checkTransition(
  project: ProjectStageState,
  to: Stage,
  input: TransitionInput,
  today: string,
): GateResult {
  const from = project.stage;
  if (!isCalendarDate(today)) throw new RangeError(`checkTransition: today must be YYYY-MM-DD, got ${today}`);
  if (!isStage(to)) {
    return {
      ok: false,
      from,
      to,
      kind: 'forbidden',
      errors: [{ field: 'to', zh: `未知阶段“${String(to)}”`, en: `unknown stage "${String(to)}"` }],
    };
  }
  const direction = directionOf(project, to);
  if (!direction) return { ok: false, from, to, kind: 'forbidden', errors: [forbidden(from, to, project)] };

  const errors: FieldError[] = [];
  const changes: StageChanges = { stage: to };

  if (direction === 'backward' || direction === 'reopen') {
    if (!present(input.reason)) {
      const target = STAGE_LABELS[to];
      errors.push({
        field: 'reason',
        zh: direction === 'reopen' ? `恢复项目须说明原因` : `退回到“${target.zh}”须说明原因`,
        en:
          direction === 'reopen' ? 'reopening a project needs a reason' : `moving back to ${target.en} needs a reason`,
      });
    }
    if (direction === 'reopen') {
      changes.terminatedFrom = null;
      changes.terminationReason = null;
      changes.terminationText = null;
    }
  } else if (direction === 'terminate') {
    const reason = input.terminationReason;
    if (!present(reason)) errors.push(required('terminationReason'));
    else if (!(TERMINATION_REASONS as readonly string[]).includes(reason)) {
      errors.push({
        field: 'terminationReason',
        zh: `终止原因“${reason}”不在可选范围内`,
        en: `"${reason}" is not one of the termination reasons`,
      });
    } else {
      changes.terminationReason = reason as TerminationReason;
      if (reason === 'other' && !present(input.reasonText)) {
        errors.push({
          field: 'reasonText',
          zh: '终止原因为“其他”时须填写说明',
          en: 'a termination for "other" needs a text',
        });
      }
    }
    changes.terminationText = present(input.reasonText) ? input.reasonText.trim() : null;
    changes.terminatedFrom = from;
  } else {
    checkForwardGate(project, to, input, today, errors, changes);
  }

  if (errors.length > 0) return { ok: false, from, to, kind: 'gate', errors };
  return { ok: true, from, to, direction, changes };
}

function checkForwardGate(
  project: ProjectStageState,
  to: Stage,
  input: TransitionInput,
  today: string,
  errors: FieldError[],
  changes: StageChanges,
): void {
  // Earlier stages' dates are compared as recorded on the project: only the target stage's own
  // fields are read from the input (and written), so a stray earlier date in a request cannot
  // make the check pass against a value that is never stored.
  const { signingDate, registeredDate, startDate, productionDate } = project;
  switch (to) {
    case 'signed': {
      const date = checkDate(errors, 'signingDate', pick(input, project, 'signingDate'), today, []);
      if (date) changes.signingDate = date;
      const amount = pick(input, project, 'contractAmountWan');
      if (!present(amount)) errors.push(required('contractAmountWan'));
      else {
        const parsed = parseWan(amount);
        if (!parsed.ok) errors.push({ field: 'contractAmountWan', ...parsed.error });
        else if (parsed.units <= 0n) {
          errors.push({
            field: 'contractAmountWan',
            zh: '合同金额须大于0',
            en: 'the contract amount must be more than 0',
          });
        } else changes.contractAmountWan = parsed.text;
      }
      const parties = (pick(input, project, 'parties') ?? []).map((p) => (typeof p === 'string' ? p.trim() : ''));
      if (parties.length === 0) errors.push(required('parties'));
      else if (parties.some((p) => p === '')) {
        errors.push({ field: 'parties', zh: '签约各方名称不能为空', en: 'every party needs a name' });
      } else changes.parties = parties;
      const file = pick(input, project, 'agreementFileId');
      if (!present(file)) errors.push(required('agreementFileId'));
      else changes.agreementFileId = file;
      break;
    }
    case 'registered': {
      const date = checkDate(errors, 'registeredDate', pick(input, project, 'registeredDate'), today, [
        { field: 'signingDate', value: signingDate },
      ]);
      if (date) changes.registeredDate = date;
      break;
    }
    case 'started': {
      const date = checkDate(errors, 'startDate', pick(input, project, 'startDate'), today, [
        { field: 'signingDate', value: signingDate },
        { field: 'registeredDate', value: registeredDate },
      ]);
      if (date) changes.startDate = date;
      break;
    }
    case 'producing': {
      const date = checkDate(errors, 'productionDate', pick(input, project, 'productionDate'), today, [
        { field: 'startDate', value: startDate },
      ]);
      if (date) changes.productionDate = date;
      break;
    }
    case 'achieved': {
      const date = checkDate(errors, 'achievedDate', pick(input, project, 'achievedDate'), today, [
        { field: 'productionDate', value: productionDate },
      ]);
      if (date) changes.achievedDate = date;
      break;
    }
    default:
      // planned/negotiating/intent have no gate fields.
      break;
  }
}

/**
 * The project after moving it to `to`, or the failed `GateResult`. Convenience over
 * {@link checkTransition} for callers (and tests) that keep the state in memory.
 */
export function applyTransition<P extends ProjectStageState>(
  project: P,
  to: Stage,
  input: TransitionInput,
  today: string,
): { ok: true; project: P; result: Extract<GateResult, { ok: true }> } | Extract<GateResult, { ok: false }> {
  const result = checkTransition(project, to, input, today);
  if (!result.ok) return result;
  return { ok: true, project: { ...project, ...result.changes }, result };
}
