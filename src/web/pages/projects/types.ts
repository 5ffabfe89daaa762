// Shapes of the projects API's responses (see the projects contract and /api/openapi.json).

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
export type Stage = (typeof STAGES)[number];

/** The pipeline the stage bar shows (terminated is shown apart). */
export const PIPELINE: readonly Stage[] = STAGES.filter((s) => s !== 'terminated');

export const DATABASES = ['planned', 'negotiating', 'intent', 'signed', 'landed'] as const;
export type DatabaseKey = (typeof DATABASES)[number];

export const SOURCE_CHANNELS = [
  '以商招商',
  '委托招商',
  '展会招商',
  '基金招商',
  '驻点招商',
  '部门提供',
  '网上洽谈',
  '投资者门户',
  '政府谋划',
  '其他',
] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

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

export const STAGE_COLORS: Record<Stage, string> = {
  planned: 'default',
  negotiating: 'blue',
  intent: 'geekblue',
  signed: 'purple',
  registered: 'cyan',
  started: 'orange',
  producing: 'green',
  achieved: 'gold',
  terminated: 'red',
};

const ORDER = Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<Stage, number>;

/**
 * The stages the "move stage" form offers, with their direction. Mirrors the rules of
 * src/domain/lifecycle.ts (the server decides; this only keeps impossible choices out of the list).
 */
export function stageChoices(
  stage: Stage,
  terminatedFrom?: Stage | null,
): { stage: Stage; direction: 'forward' | 'backward' | 'terminate' | 'reopen' }[] {
  if (stage === 'terminated') return terminatedFrom ? [{ stage: terminatedFrom, direction: 'reopen' }] : [];
  const out: { stage: Stage; direction: 'forward' | 'backward' | 'terminate' | 'reopen' }[] = [];
  for (const to of PIPELINE) {
    if (to === stage) continue;
    if (ORDER[to] < ORDER[stage]) out.push({ stage: to, direction: 'backward' });
    else if (ORDER[to] <= ORDER.signed || ORDER[to] === ORDER[stage] + 1) out.push({ stage: to, direction: 'forward' });
  }
  if (stage !== 'achieved') out.push({ stage: 'terminated', direction: 'terminate' });
  return out;
}

export function stageIndex(stage: Stage): number {
  return ORDER[stage];
}

export interface Named {
  id: string;
  name: string;
}
export interface RegionRef {
  code: string;
  name: string;
}
/** Industry codes arrive as a code or as { code, zh, en }. */
export type IndustryRef = string | { code: string; zh?: string; en?: string } | null;

export interface ProjectListItem {
  id: string;
  code: string;
  name: string;
  stage: Stage;
  industrySection: IndustryRef;
  industryDivision: IndustryRef;
  totalInvestmentWan: string | null;
  foreignInvestmentUsdWan: string | null;
  fixedAssetInvestmentWan: string | null;
  landDemandMu: string | null;
  jobs: number | null;
  expectedTaxWan: string | null;
  sourceChannel: SourceChannel | null;
  firstUnit: Named | null;
  firstRegion: RegionRef | null;
  hostRegion: RegionRef | null;
  responsibleUnit: Named | null;
  responsibleLeader: string | null;
  confidentiality: 'normal' | 'confidential';
  enterprises: { id: string; name: string; creditCode: string | null; role?: string | null }[];
  stageEnteredOn: string | null;
  signingDate: string | null;
  contractAmountWan: string | null;
  parties: string[] | null;
  agreementFileId: string | null;
  registeredDate: string | null;
  startDate: string | null;
  productionDate: string | null;
  achievedDate: string | null;
  terminationReason: TerminationReason | null;
  terminationText: string | null;
  terminatedFrom?: Stage | null;
  lastSubstantiveProgressOn: string | null;
  stalledSince: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Transition {
  id: string;
  from: Stage | null;
  to: Stage;
  direction: 'create' | 'forward' | 'backward' | 'terminate' | 'reopen';
  reason: string | null;
  gate: unknown;
  actor: { id: string; displayName: string } | null;
  at: string;
}

export interface ProgressReport {
  id: string;
  month: string;
  version: number;
  isCurrent: boolean;
  text: string;
  substantiveProgress: boolean;
  fundsInPlaceWan: string | null;
  problems: string | null;
  unit: Named | null;
  submittedBy: { id: string; displayName: string } | null;
  submittedAt: string;
  late: boolean;
  correctionReason: string | null;
}

export interface TaskForce {
  id: string;
  leaderName: string;
  leadUnit: Named | null;
  members: string[];
  note: string | null;
  assignedAt: string;
  active: boolean;
}

export interface Project extends ProjectListItem {
  transitions: Transition[];
  reports: ProgressReport[];
  taskForces: TaskForce[];
}

export interface SavedView {
  id: string;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
}

export interface KanbanColumn {
  stage: Stage;
  count: number;
  totalInvestmentWan: string;
  items: ProjectListItem[];
}

export interface ImportRowError {
  field: string;
  row?: number;
  column?: string;
  'zh-CN': string;
  en: string;
  message: string;
}

export interface IndustryTree {
  standard: string;
  sections: { code: string; zh: string; en: string; divisions: { code: string; zh: string; en: string }[] }[];
}

export function industryCode(ref: IndustryRef): string | undefined {
  if (!ref) return undefined;
  return typeof ref === 'string' ? ref : ref.code;
}
