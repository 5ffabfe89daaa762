/**
 * Monthly progress reporting (月度进展) and stalled negotiations, as pure date rules.
 * Liaoyuan §三.二: the first-negotiation unit reports each month's progress by the 20th of that
 * month. Jilin §三(一): negotiation "over six months without substantive progress" is stalled.
 * Due days and stall periods come from the policy pack (`reportDueDay`, `stalledMonths`).
 *
 * Exported API (stable):
 * - `chinaDate(instant)` — the calendar date in China (UTC+8) of a timestamp, 'YYYY-MM-DD'
 * - `isMonth('YYYY-MM')`, `reportMonthFor(date | instant)` → 'YYYY-MM'
 * - `addMonths(date, n)` — calendar months, clamped to the month's last day (08-31 + 6 → 02-28)
 * - `addMonthsToMonth(month, n)`, `monthsBetween(fromMonth, toMonth)` (inclusive list)
 * - `dueDate(month, dueDay)` — that month's due day, clamped to its last day ('2025-02', 31 → 2025-02-28)
 * - `isOverdue(month, dueDay, today, submittedAt?)`
 * - `isReportingStage(stage)` — negotiating … producing: the stages that owe monthly reports
 * - `monthsOwed(activeFrom, today, dueDay, submittedMonths, activeUntil?)` — overdue unsubmitted months
 * - `stalledFrom(project, months)` / `isStalled(project, today, months)`
 *
 * Decisions:
 * - A report is on time when submitted on or before the due date (China calendar date); it is
 *   overdue from the day after.
 * - A project owes the report of every month whose due date falls on or after the day it became
 *   active (a project that becomes active on the 25th owes nothing for that month when reports are
 *   due on the 20th) and before the day it stopped being active; a month is owed once its due date
 *   has passed (the same day `isOverdue` turns true) and until a report for it is submitted.
 * - Stalled means MORE than `months` calendar months since the later of entering negotiation and the
 *   last substantive progress: with 6 months from 2025-01-15, 2025-07-15 is not yet stalled,
 *   2025-07-16 is. Only projects in `negotiating` can be stalled.
 */

import { isCalendarDate, type Stage } from './lifecycle';

const CHINA_OFFSET_MS = 8 * 3600_000; // China has kept UTC+8 without daylight saving since 1991.

/** The calendar date in China of an instant, 'YYYY-MM-DD'. */
export function chinaDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('chinaDate: invalid Date');
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a month written 'YYYY-MM' (01–12). */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** A 'YYYY-MM-DD' date, or the China date of an instant (Date or ISO timestamp string). */
function toDate(value: string | Date, name: string): string {
  if (value instanceof Date) return chinaDate(value);
  if (typeof value === 'string' && value.length > 10) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return chinaDate(instant);
  }
  if (isCalendarDate(value)) return value;
  throw new RangeError(`${name} must be a YYYY-MM-DD date or a timestamp, got ${String(value)}`);
}

function mustMonth(month: string, name = 'month'): void {
  if (!isMonth(month)) throw new RangeError(`${name} must be YYYY-MM, got ${month}`);
}

/** The reporting month 'YYYY-MM' a date (or an instant, in China time) falls in. */
export function reportMonthFor(date: string | Date): string {
  return toDate(date, 'reportMonthFor: date').slice(0, 7);
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `month` plus `n` months ('2025-11' + 3 → '2026-02'). */
export function addMonthsToMonth(month: string, n: number): string {
  mustMonth(month);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** Every month from `from` to `to` inclusive, in order; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  mustMonth(from, 'from');
  mustMonth(to, 'to');
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonthsToMonth(m, 1)) out.push(m);
  return out;
}

/** `date` plus `n` calendar months, clamped to the last day of the month reached. */
export function addMonths(date: string, n: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`addMonths: date must be YYYY-MM-DD, got ${date}`);
  const month = addMonthsToMonth(date.slice(0, 7), n);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))));
  return `${month}-${pad(day)}`;
}

/** The date a month's report is due: its `dueDay`, or its last day when the month is shorter. */
export function dueDate(month: string, dueDay: number): string {
  mustMonth(month);
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) {
    throw new RangeError(`dueDate: dueDay must be an integer 1–31, got ${dueDay}`);
  }
  const last = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return `${month}-${pad(Math.min(dueDay, last))}`;
}

/**
 * Whether `month`'s report is late. Without `submittedAt`: today is past the due date. With it:
 * it was submitted after the due date (a timestamp is judged by its China calendar date).
 */
export function isOverdue(month: string, dueDay: number, today: string, submittedAt?: string | Date | null): boolean {
  const due = dueDate(month, dueDay);
  if (submittedAt !== undefined && submittedAt !== null) return toDate(submittedAt, 'isOverdue: submittedAt') > due;
  return toDate(today, 'isOverdue: today') > due;
}

/** Stages that owe a monthly progress report: negotiating or later, and still active. */
export function isReportingStage(stage: Stage): boolean {
  return (
    stage === 'negotiating' ||
    stage === 'intent' ||
    stage === 'signed' ||
    stage === 'registered' ||
    stage === 'started' ||
    stage === 'producing'
  );
}

/**
 * The months (ascending 'YYYY-MM') a project owes a report for on `today` and has not submitted.
 * `activeFrom` is the day it entered a reporting stage (start of the current active spell);
 * `activeUntil`, if given, the day it stopped (achieved or terminated): months due on or after it are not owed.
 */
export function monthsOwed(
  activeFrom: string,
  today: string,
  dueDay: number,
  submittedMonths: Iterable<string>,
  activeUntil?: string | null,
): string[] {
  if (!isCalendarDate(activeFrom)) throw new RangeError(`monthsOwed: activeFrom must be YYYY-MM-DD, got ${activeFrom}`);
  if (!isCalendarDate(today)) throw new RangeError(`monthsOwed: today must be YYYY-MM-DD, got ${today}`);
  const startMonth = reportMonthFor(activeFrom);
  const first = activeFrom <= dueDate(startMonth, dueDay) ? startMonth : addMonthsToMonth(startMonth, 1);
  const currentMonth = reportMonthFor(today);
  const last = today > dueDate(currentMonth, dueDay) ? currentMonth : addMonthsToMonth(currentMonth, -1);
  const submitted = new Set(submittedMonths);
  return monthsBetween(first, last).filter(
    (m) => !submitted.has(m) && (activeUntil === undefined || activeUntil === null || dueDate(m, dueDay) < activeUntil),
  );
}

/** What the stall rule needs to know about a project. */
export interface StallFacts {
  stage: Stage;
  /** The day of the last report that recorded substantive progress, if any. */
  lastSubstantiveProgressOn?: string | null;
  /** The day the project entered its current stage. */
  enteredStageOn: string;
}

/**
 * The first day a negotiating project counts as stalled if nothing substantive happens: the day
 * after `months` calendar months from the later of entering negotiation and the last substantive
 * progress. Null when the project is not negotiating.
 */
export function stalledFrom(project: StallFacts, months: number): string | null {
  if (project.stage !== 'negotiating') return null;
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError(`stalledFrom: months must be a positive integer, got ${months}`);
  if (!isCalendarDate(project.enteredStageOn)) {
    throw new RangeError(`stalledFrom: enteredStageOn must be YYYY-MM-DD, got ${project.enteredStageOn}`);
  }
  const progress = project.lastSubstantiveProgressOn;
  if (progress !== undefined && progress !== null && !isCalendarDate(progress)) {
    throw new RangeError(`stalledFrom: lastSubstantiveProgressOn must be YYYY-MM-DD, got ${progress}`);
  }
  const anchor = progress && progress > project.enteredStageOn ? progress : project.enteredStageOn;
  const limit = addMonths(anchor, months);
  return new Date(Date.parse(`${limit}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Whether a project is in negotiation with no substantive progress for more than `months` months on `today`. */
export function isStalled(project: StallFacts, today: string, months: number): boolean {
  if (!isCalendarDate(today)) throw new RangeError(`isStalled: today must be YYYY-MM-DD, got ${today}`);
  const from = stalledFrom(project, months);
  return from !== null && today >= from;
}
