/**
 * 签约报备 (pre-signing filing) as a pure rule — jiaxing §二(一)3: every major signing is filed
 * with the city investment promotion centre one week in advance. The pack gives the days and the
 * amount from which a signing is major (`preSigningFiling`).
 *
 * Exported API (stable):
 * - `PreSigningRule`, `latestFilingDate(signingDate, days)`
 * - `checkPreSigningFiling(input)` → `{ ok: true, basis }` | `{ ok: false, latestFilingDate, error }`
 *
 * Decisions:
 * - "One week before" means filed at least `days` calendar days before the signing date: signing on
 *   2025-05-08 with 7 days needs a filing dated 2025-05-01 or earlier; 2025-05-02 is too late.
 * - A filing counts only for the signing date it announced or a later one: a signing brought forward
 *   is a different signing. (A filing for 05-20 does not cover a signing on 05-10.)
 * - A major signing is one whose amount (contract amount, else total investment) is at or over the
 *   threshold.
 * - A leader's recorded exception (with its reason) lets the signing through; it is kept as history.
 */

import type { Bilingual } from './errors';
import { addDays } from './first-report';
import { atOrOver } from './escalation';

export interface PreSigningRule {
  days: number;
  thresholdWan: string;
}

export interface Filing {
  /** The day it was filed. */
  filedOn: string;
  /** The signing date it announced. */
  plannedSigningDate: string;
}

export interface PreSigningInput {
  amountWan: string;
  signingDate: string;
  filings: readonly Filing[];
  hasException: boolean;
  rule: PreSigningRule | null | undefined;
  /** The clause, e.g. "jiaxing §二(一)3". */
  source: string;
}

export type PreSigningResult =
  | { ok: true; basis: 'not_required' | 'filed' | 'exception' }
  | { ok: false; latestFilingDate: string; error: Bilingual };

/** The last day a filing for a signing on `signingDate` may be made. */
export function latestFilingDate(signingDate: string, days: number): string {
  return addDays(signingDate, -days);
}

/** Whether a signing may go ahead under the pre-signing filing rule. */
export function checkPreSigningFiling(input: PreSigningInput): PreSigningResult {
  const { rule } = input;
  if (!rule || !atOrOver(input.amountWan, rule.thresholdWan)) return { ok: true, basis: 'not_required' };
  const latest = latestFilingDate(input.signingDate, rule.days);
  if (input.filings.some((f) => f.filedOn <= latest && f.plannedSigningDate <= input.signingDate)) {
    return { ok: true, basis: 'filed' };
  }
  if (input.hasException) return { ok: true, basis: 'exception' };
  return {
    ok: false,
    latestFilingDate: latest,
    error: {
      zh: `签约报备（${input.source}）：重大签约项目须提前${rule.days}天报备，签约日 ${input.signingDate} 须有 ${latest} 或之前的报备记录；如确有特殊情况，须由领导登记例外及理由`,
      en: `Pre-signing filing (${input.source}): a major signing must be filed ${rule.days} days in advance; signing on ${input.signingDate} needs a filing dated ${latest} or earlier, or an exception recorded by a leader with its reason`,
    },
  };
}
