/**
 * 首报首谈 (first report, first negotiation) as pure rules — jiaxing §二(一)3: projects in
 * negotiation with total investment of at least 1亿美元 or at least 10亿元 are reported to the
 * city investment promotion centre, and the first reporter gets an exclusive right of first
 * negotiation for one month. Thresholds and the window come from the policy pack (`firstReport`).
 *
 * Exported API (stable):
 * - `FirstReportRule` — the pack value: `{ totalInvestmentWan, foreignInvestmentUsdWan, exclusivityMonths }`
 * - `requiresFirstReport(facts, rule)` — at or over either threshold (money compared exactly)
 * - `exclusivityEndsOn(reportedOn, months)` — the last day of the window
 * - `inExclusivity(endsOn, date)` — whether `date` falls inside a window ending on `endsOn`
 * - `daysUntil(from, to)` — whole calendar days from one date to another
 *
 * Decisions:
 * - "At or over": exactly 10亿元 (100000万元) or exactly 1亿美元 (10000万美元) is subject.
 * - The window is counted as the Civil Code counts periods (民法典 第二百零一条、第二百零二条): the
 *   day of the report is not counted, and a period of months ends on the corresponding day of the
 *   last month, or on that month's last day when it has no such day. Reported 2025-03-10 with one
 *   month: the last exclusive day is 2025-04-10; on 2025-04-11 the window is over. Reported
 *   2025-01-31: the window ends 2025-02-28.
 */

import { addMonths } from './reporting';
import { compareWan } from './money';
import { isCalendarDate } from './lifecycle';

export interface FirstReportRule {
  totalInvestmentWan: string;
  foreignInvestmentUsdWan: string;
  exclusivityMonths: number;
}

export interface InvestmentFacts {
  /** Total investment in 万元. */
  totalInvestmentWan: string;
  /** Foreign investment in 万美元, if any. */
  foreignInvestmentUsdWan?: string | null;
}

/** Whether a project is subject to first report: total or foreign investment at or over the pack's threshold. */
export function requiresFirstReport(facts: InvestmentFacts, rule: FirstReportRule): boolean {
  if (compareWan(facts.totalInvestmentWan, rule.totalInvestmentWan) >= 0) return true;
  const usd = facts.foreignInvestmentUsdWan;
  return usd !== undefined && usd !== null && usd !== '' && compareWan(usd, rule.foreignInvestmentUsdWan) >= 0;
}

/** The last day of an exclusivity window of `months` months opened on `reportedOn` (see the decisions above). */
export function exclusivityEndsOn(reportedOn: string, months: number): string {
  if (!isCalendarDate(reportedOn))
    throw new RangeError(`exclusivityEndsOn: reportedOn must be YYYY-MM-DD, got ${reportedOn}`);
  if (!Number.isInteger(months) || months < 0)
    throw new RangeError(`exclusivityEndsOn: months must be ≥ 0, got ${months}`);
  return addMonths(reportedOn, months);
}

/** Whether `date` is inside a window whose last day is `endsOn` (null: no window). */
export function inExclusivity(endsOn: string | null | undefined, date: string): boolean {
  return endsOn !== null && endsOn !== undefined && date <= endsOn;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysUntil(from: string, to: string): number {
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new RangeError(`daysUntil: dates must be YYYY-MM-DD`);
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`addDays: date must be YYYY-MM-DD, got ${date}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
