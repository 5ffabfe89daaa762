/**
 * Partners (招商合作伙伴) and the rewards a landed project makes due.
 * - Liaoyuan §三.七: chambers, intermediaries and people who bring a major project to landing get a
 *   cash reward; a first-negotiation (首谈) unit whose project over 1亿元 lands gets budget priority
 *   and +20% office funds in the next year's budget.
 * - Jiaxing §二(二)9: global partners and ambassadors; project referral rewards at the top of the
 *   current market rate (按现行市场化标准顶格奖励).
 * "Lands" means reaching 注册/备案 or a later stage; a terminated project has not landed.
 * A rule is judged by the pack in force on the landing date: the caller resolves it per item.
 */

import type { Bilingual } from './errors';
import { DATABASES, type Stage } from './lifecycle';
import { compareWan } from './money';

export const PARTNER_KINDS = ['advisor', 'chamber', 'intermediary', 'ambassador'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_KIND_LABELS: Record<PartnerKind, Bilingual> = {
  advisor: { zh: '招商顾问', en: 'Investment advisor' },
  chamber: { zh: '商会', en: 'Chamber of commerce' },
  intermediary: { zh: '中介机构', en: 'Intermediary' },
  ambassador: { zh: '招商大使 / 全球合作伙伴', en: 'Ambassador / global partner' },
};

export const PARTNER_STATUSES = ['active', 'inactive'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export const PARTNER_STATUS_LABELS: Record<PartnerStatus, Bilingual> = {
  active: { zh: '合作中', en: 'Active' },
  inactive: { zh: '已停止', en: 'Inactive' },
};

/** The facts of a project these rules read. Money in 万元 as decimal strings; dates YYYY-MM-DD. */
export interface RewardProject {
  id: string;
  code: string;
  name: string;
  stage: Stage;
  totalInvestmentWan: string;
  registeredDate: string | null;
  startDate: string | null;
  productionDate: string | null;
  achievedDate: string | null;
  stageEnteredOn: string;
}

const LANDED: readonly Stage[] = DATABASES.landed;

/**
 * The date a project landed: its 注册/备案 date, else the first later milestone it records, else
 * the day it entered its landed stage. Null while it has not landed (or was terminated).
 */
export function landingDate(p: RewardProject): string | null {
  if (!LANDED.includes(p.stage)) return null;
  return p.registeredDate ?? p.startDate ?? p.productionDate ?? p.achievedDate ?? p.stageEnteredOn;
}

export interface FirstUnitRewardRule {
  /** Strictly over this total investment (超亿元 → "10000"). */
  overWan: string;
  officeFundsIncrease: number;
  budgetPriority: boolean;
  source: string;
}

export interface ReferralRewardRule {
  minWan: string;
  standard: 'market_top' | 'local_rules';
  source: string;
}

export interface ProjectRef {
  id: string;
  code: string;
  name: string;
  totalInvestmentWan: string;
}

export type Beneficiary =
  { kind: 'unit'; id: string; name: string } | { kind: 'partner'; id: string; name: string; partnerKind: PartnerKind };

export interface Entitlement {
  reason: 'first_unit_landing' | 'referral';
  beneficiary: Beneficiary;
  project: ProjectRef;
  landedOn: string;
  /** The budget year the reward belongs to: the next year for office funds, the landing year for referrals. */
  rewardYear: number;
  reward: Bilingual;
  source: string;
}

function ref(p: RewardProject): ProjectRef {
  return { id: p.id, code: p.code, name: p.name, totalInvestmentWan: p.totalInvestmentWan };
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/**
 * First-negotiation units owed budget priority and more office funds: one entitlement per landed
 * project strictly over the threshold, due in the year after it landed. `rule` is the pack's rule
 * for the unit's region on the landing date (null: no such rule there).
 */
export function firstUnitEntitlements(
  items: readonly { project: RewardProject; unit: { id: string; name: string }; rule: FirstUnitRewardRule | null }[],
): Entitlement[] {
  const out: Entitlement[] = [];
  for (const { project, unit, rule } of items) {
    const landedOn = landingDate(project);
    if (!landedOn || !rule) continue;
    if (compareWan(project.totalInvestmentWan, rule.overWan) <= 0) continue;
    const rewardYear = Number(landedOn.slice(0, 4)) + 1;
    const zh: string[] = [];
    const en: string[] = [];
    if (rule.budgetPriority) {
      zh.push(`${rewardYear}年预算安排重点保障`);
      en.push(`budget priority in ${rewardYear}`);
    }
    if (rule.officeFundsIncrease > 0) {
      zh.push(`办公经费在上一年基础上提高${percent(rule.officeFundsIncrease)}`);
      en.push(`office funds ${percent(rule.officeFundsIncrease)} above the previous year`);
    }
    if (!zh.length) continue;
    out.push({
      reason: 'first_unit_landing',
      beneficiary: { kind: 'unit', id: unit.id, name: unit.name },
      project: ref(project),
      landedOn,
      rewardYear,
      reward: { zh: zh.join('；'), en: en.join('; ') },
      source: rule.source,
    });
  }
  return sortEntitlements(out);
}

const STANDARD_TEXT: Record<ReferralRewardRule['standard'], Bilingual> = {
  market_top: { zh: '引荐奖励：按现行市场化标准顶格奖励', en: 'Referral reward at the top of the current market rate' },
  local_rules: { zh: '引荐奖励：按本地办法给予相应资金奖励', en: 'Referral cash reward under local rules' },
};

/**
 * Partners owed a referral reward: the referred project has landed, is at least the rule's size,
 * and the referral was recorded on or before the landing (a referral noted afterwards brought
 * nothing). Every partner who referred the project is listed; the packs do not split the reward.
 */
export function referralEntitlements(
  items: readonly {
    partner: { id: string; name: string; kind: PartnerKind };
    referredOn: string;
    project: RewardProject;
    rule: ReferralRewardRule | null;
  }[],
): Entitlement[] {
  const out: Entitlement[] = [];
  for (const { partner, referredOn, project, rule } of items) {
    const landedOn = landingDate(project);
    if (!landedOn || !rule) continue;
    if (referredOn > landedOn) continue;
    if (compareWan(project.totalInvestmentWan, rule.minWan) < 0) continue;
    out.push({
      reason: 'referral',
      beneficiary: { kind: 'partner', id: partner.id, name: partner.name, partnerKind: partner.kind },
      project: ref(project),
      landedOn,
      rewardYear: Number(landedOn.slice(0, 4)),
      reward: STANDARD_TEXT[rule.standard],
      source: rule.source,
    });
  }
  return sortEntitlements(out);
}

/** Orders entitlements by landing date, project code, then beneficiary name (pinyin order). */
export function sortEntitlements(list: Entitlement[]): Entitlement[] {
  return list.sort((a, b) =>
    a.landedOn !== b.landedOn
      ? a.landedOn < b.landedOn
        ? -1
        : 1
      : a.project.code < b.project.code
        ? -1
        : a.project.code > b.project.code
          ? 1
          : a.beneficiary.name.localeCompare(b.beneficiary.name, 'zh-CN'),
  );
}
