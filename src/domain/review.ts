/**
 * 项目评审与集体决策 (review meetings and collective decision), as pure rules.
 * - liaoyuan §三.四: two-level decision and evaluation, 事前综合评估、事中科学决策、事后及时跟踪, review meetings.
 * - gansu §(十三): collective decision for major projects; guard against wasted resources, state-asset
 *   loss and new hidden local debt.
 * - jiaxing §三(四): scientific demonstration, risk assessment and collective decision before admission.
 * - gansu §(二十): market-access negative list and fair competition (incentives need a legal basis).
 *
 * Exported API (stable):
 * - `REVIEW_DECISIONS`, `type ReviewDecision`, `REVIEW_DECISION_LABELS`
 * - `RISK_ITEMS` (the checklist, each with label and source), `type RiskKey`, `RISK_RESULTS`, `type RiskResult`
 * - `checkReview(input)` → FieldError[] (every problem of a review record at once)
 * - `averageScore(scores)` — exact average of per-criterion scores, 2 decimals
 * - `perMuWan(amountWan, mu)` — 万元 per 亩, exact to 4 decimals (investment intensity, tax per 亩)
 * - `checkReviewGate({ amountWan, rule, reviews })` — may a project be signed? (null = yes, else why not)
 */

import type { Bilingual, FieldError } from './errors';
import { compareWan, fromUnits, parseWan } from './money';

export const REVIEW_DECISIONS = ['approve', 'reject', 'defer'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REVIEW_DECISION_LABELS: Record<ReviewDecision, Bilingual> = {
  approve: { zh: '同意', en: 'Approve' },
  reject: { zh: '不同意', en: 'Reject' },
  defer: { zh: '暂缓', en: 'Defer' },
};

/** The risk checklist every review answers (gansu §(十三), §(二十); jiaxing §三(四)). */
export const RISK_ITEMS = {
  negativeList: {
    zh: '市场准入负面清单',
    en: 'Market-access negative list',
    source: 'gansu §(二十)',
  },
  restrictedIndustry: {
    zh: '限制类、产能过剩行业',
    en: 'Restricted or overcapacity industry',
    source: 'gansu §(十三)',
  },
  investmentPerMu: {
    zh: '亩均投资强度',
    en: 'Investment intensity per mu',
    source: 'jiangmen §(十五)',
  },
  taxPerMu: {
    zh: '亩均税收',
    en: 'Expected tax per mu',
    source: 'jiangmen §(十九)',
  },
  localDebt: {
    zh: '新增地方债务或国有资产风险',
    en: 'New local debt or state-asset exposure',
    source: 'gansu §(十三)',
  },
  fairCompetition: {
    zh: '优惠条款的政策依据（公平竞争审查）',
    en: 'Legal basis of incentive clauses (fair-competition review)',
    source: 'gansu §(二十)',
  },
} as const satisfies Record<string, Bilingual & { source: string }>;

export type RiskKey = keyof typeof RISK_ITEMS;
export const RISK_KEYS = Object.keys(RISK_ITEMS) as RiskKey[];

export const RISK_RESULTS = ['pass', 'concern', 'fail'] as const;
export type RiskResult = (typeof RISK_RESULTS)[number];

export const RISK_RESULT_LABELS: Record<RiskResult, Bilingual> = {
  pass: { zh: '无风险', en: 'No risk' },
  concern: { zh: '有风险，可控', en: 'Risk, manageable' },
  fail: { zh: '不符合', en: 'Not acceptable' },
};

export interface ReviewScore {
  criterion: string;
  /** 0 … max, integer or up to 2 decimals. */
  score: number;
  max: number;
}

export interface RiskAnswer {
  key: RiskKey;
  result: RiskResult;
  note?: string | null;
}

export interface ReviewInput {
  meetingDate: string;
  members: readonly string[];
  scores: readonly ReviewScore[];
  risks: readonly RiskAnswer[];
  decision: ReviewDecision;
  minutes: string;
}

function blank(s: string | null | undefined): boolean {
  return typeof s !== 'string' || s.trim() === '';
}

/**
 * Checks a review record. A collective decision needs at least three members and minutes; every
 * checklist item is answered once; a concern or a failure says why; a project that fails an item
 * (e.g. on the negative list) cannot be approved.
 */
export function checkReview(input: ReviewInput): FieldError[] {
  const errors: FieldError[] = [];
  const members = input.members.map((m) => m.trim()).filter(Boolean);
  if (members.length < 3) {
    errors.push({
      field: 'members',
      zh: '集体决策须至少3名评审成员',
      en: 'A collective decision needs at least 3 members',
    });
  }
  if (blank(input.minutes)) errors.push({ field: 'minutes', zh: '请填写会议纪要', en: 'The minutes are required' });
  input.scores.forEach((s, i) => {
    if (blank(s.criterion)) {
      errors.push({ field: `scores.${i}.criterion`, zh: '请填写评分项', en: 'The criterion is required' });
    }
    if (!(s.max > 0) || !(s.score >= 0) || s.score > s.max) {
      errors.push({
        field: `scores.${i}.score`,
        zh: `评分应在0到${s.max}之间`,
        en: `The score must be between 0 and ${s.max}`,
      });
    }
  });
  const seen = new Set<RiskKey>();
  input.risks.forEach((r, i) => {
    if (seen.has(r.key)) {
      errors.push({ field: `risks.${i}.key`, zh: '风险项重复', en: 'This risk item is given twice' });
    }
    seen.add(r.key);
    if (r.result !== 'pass' && blank(r.note)) {
      const item = RISK_ITEMS[r.key];
      errors.push({
        field: `risks.${i}.note`,
        zh: `“${item.zh}”存在风险，须说明情况`,
        en: `Explain the risk found for "${item.en}"`,
      });
    }
  });
  for (const key of RISK_KEYS) {
    if (!seen.has(key)) {
      errors.push({
        field: 'risks',
        zh: `风险清单缺少“${RISK_ITEMS[key].zh}”`,
        en: `The risk checklist lacks "${RISK_ITEMS[key].en}"`,
      });
    }
  }
  if (input.decision === 'approve') {
    for (const r of input.risks) {
      if (r.result === 'fail') {
        errors.push({
          field: 'decision',
          zh: `“${RISK_ITEMS[r.key].zh}”不符合，不能同意`,
          en: `Cannot approve: "${RISK_ITEMS[r.key].en}" is not acceptable`,
        });
      }
    }
  }
  return errors;
}

/** Average of the scores as a percentage of their maxima, 2 decimals; null without scores. */
export function averageScore(scores: readonly ReviewScore[]): string | null {
  if (scores.length === 0) return null;
  // Hundredths, as integers: no floating sum.
  const got = scores.reduce((sum, s) => sum + Math.round(s.score * 100), 0);
  const max = scores.reduce((sum, s) => sum + Math.round(s.max * 100), 0);
  if (max === 0) return null;
  const pct = (BigInt(got) * 10000n + BigInt(max) / 2n) / BigInt(max);
  return `${pct / 100n}.${String(pct % 100n).padStart(2, '0')}`;
}

/** 万元 per 亩 (investment intensity, tax per 亩), exact, rounded half up to 4 decimals; null when no area. */
export function perMuWan(amountWan: string, mu: string): string | null {
  const amount = parseWan(amountWan);
  const area = parseWan(mu);
  if (!amount.ok || !area.ok || area.units === 0n) return null;
  // amount.units / area.units is 万元 per 亩; keep 4 decimals (units of 1/10000).
  return fromUnits((amount.units * 10000n * 2n + area.units) / (area.units * 2n));
}

export interface ReviewGateRule {
  /** Signings at or over this 万元 amount need an approving review first. */
  value: string;
  source: string;
}

export interface ReviewFact {
  decision: ReviewDecision;
  meetingDate: string;
}

/**
 * Whether a project may be signed: below the pack's threshold, or with an approving review held
 * on or before the signing date and not overturned by a later rejection or deferral. Null when
 * it may; otherwise the reason, naming the clause.
 */
export function checkReviewGate(options: {
  amountWan: string;
  signingDate: string;
  rule: ReviewGateRule | null | undefined;
  reviews: readonly ReviewFact[];
}): Bilingual | null {
  const { rule, amountWan, signingDate } = options;
  if (!rule || compareWan(amountWan, rule.value) < 0) return null;
  const held = options.reviews
    .filter((r) => r.meetingDate <= signingDate)
    .sort((a, b) => (a.meetingDate < b.meetingDate ? -1 : a.meetingDate > b.meetingDate ? 1 : 0));
  const latest = held[held.length - 1];
  if (latest?.decision === 'approve') return null;
  const why = latest
    ? {
        zh: `最近一次评审（${latest.meetingDate}）的决定为“${REVIEW_DECISION_LABELS[latest.decision].zh}”`,
        en: `the latest review (${latest.meetingDate}) decided "${REVIEW_DECISION_LABELS[latest.decision].en}"`,
      }
    : { zh: '尚无评审记录', en: 'no review is recorded' };
  return {
    zh: `引资额 ${amountWan} 万元达到 ${rule.value} 万元，须经评审会集体决策同意后方可签约（${rule.source}）；${why.zh}`,
    en: `A signing of ${amountWan} (10k yuan) reaches ${rule.value} and needs an approving collective review first (${rule.source}); ${why.en}`,
  };
}
