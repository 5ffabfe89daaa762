/**
 * 提级 (escalation) and the reports that follow signing, as pure rules.
 * - liaoyuan §三.三: new signed contracts with investment of 5亿元 or more are escalated to the
 *   higher level's management (pack parameter `escalationThresholdWan`).
 * - jilin §三(三): signed projects of 1亿元 or more are reported monthly to the provincial project
 *   centre (`provincialSignedReportThresholdWan`).
 * - gansu §(二十五): key projects get "三个一" — one responsible leader, one service team, one action plan.
 *
 * Exported API (stable):
 * - `signedAmountWan(project)` — the contract amount, or the total investment when none is recorded
 * - `atOrOver(amountWan, thresholdWan)` — exact comparison of 万元 strings
 * - `escalationTargetRegion(hostPath, packRegionCode)` — whose major-project list receives it
 * - `THREE_ONES`, `missingThreeOnes(threeOnes)` — which of the three are still empty, with labels
 * - `signedInMonth(signingDate, month)`
 */

import type { Bilingual } from './errors';
import { compareWan } from './money';

export interface SignedFacts {
  contractAmountWan?: string | null;
  totalInvestmentWan: string;
}

/** The amount a signing is judged by: the contract's 引资额, or the total investment when the contract names none. */
export function signedAmountWan(project: SignedFacts): string {
  const contract = project.contractAmountWan;
  return contract !== undefined && contract !== null && contract !== '' ? contract : project.totalInvestmentWan;
}

/** `amountWan` ≥ `thresholdWan`, compared exactly (5亿元 = "50000" is at the threshold). */
export function atOrOver(amountWan: string, thresholdWan: string): boolean {
  return compareWan(amountWan, thresholdWan) >= 0;
}

/**
 * The region whose major-project list an escalated project joins: the region that set the
 * threshold when the project is hosted below it (a county of Liaoyuan → Liaoyuan), else the host's
 * parent (a project hosted by Liaoyuan itself → Jilin). The root stays the root.
 * @param hostPath materialised path of the host region, `/000000/220000/220400/220421/`
 */
export function escalationTargetRegion(hostPath: string, packRegionCode: string | null): string {
  const lineage = hostPath.split('/').filter(Boolean);
  const host = lineage[lineage.length - 1]!;
  if (packRegionCode && packRegionCode !== host && lineage.includes(packRegionCode)) return packRegionCode;
  return lineage.length > 1 ? lineage[lineage.length - 2]! : host;
}

export const THREE_ONES = {
  responsibleLeader: { zh: '包抓领导', en: 'responsible leader' },
  serviceTeam: { zh: '服务团队', en: 'service team' },
  actionPlan: { zh: '行动方案', en: 'action plan' },
} as const satisfies Record<string, Bilingual>;

export type ThreeOnesKey = keyof typeof THREE_ONES;
export type ThreeOnes = { [K in ThreeOnesKey]?: string | null };

/** The parts of "三个一" still empty (blank text counts as empty), in a fixed order. */
export function missingThreeOnes(threeOnes: ThreeOnes): ThreeOnesKey[] {
  return (Object.keys(THREE_ONES) as ThreeOnesKey[]).filter((k) => !threeOnes[k]?.trim());
}

/** Whether a signing date 'YYYY-MM-DD' falls in `month` 'YYYY-MM'. */
export function signedInMonth(signingDate: string | null | undefined, month: string): boolean {
  return typeof signingDate === 'string' && signingDate.slice(0, 7) === month;
}
