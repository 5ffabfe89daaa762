/**
 * Reservation (预留) rules: a parcel or building held for a project until an expiry date.
 *
 * A hold ends by itself for one of three causes, and the holder is always told first:
 * - expiry: from `NOTICE_DAYS_BEFORE_EXPIRY` days before `expiresOn` the holder is notified; the
 *   hold is released the day after `expiresOn` (the hold covers its last day);
 * - stalled: the project has been marked stalled → notice, released `STALLED_GRACE_DAYS` later
 *   (or the day after `expiresOn`, if sooner) unless the project moves again in between (then
 *   the notice is withdrawn);
 * - terminated: the project was terminated → notice, released `TERMINATED_GRACE_DAYS` later.
 * A release never happens on the day of its notice: the release date is always after it. When the
 * cause changes (an expiring hold whose project terminates), a new notice gives the new date.
 */

export type ReleaseCause = 'expiry' | 'stalled' | 'terminated';

export const NOTICE_DAYS_BEFORE_EXPIRY = 7;
export const STALLED_GRACE_DAYS = 14;
export const TERMINATED_GRACE_DAYS = 1;
/** The longest hold that may be granted at once. */
export const MAX_HOLD_DAYS = 180;

export interface HoldState {
  expiresOn: string;
  /** The cause of the pending release the holder was told about, if any. */
  releaseCause: ReleaseCause | null;
  releaseDueOn: string | null;
}

export interface ProjectState {
  stage: string;
  stalledSince: string | null;
}

export type HoldDecision =
  | { action: 'keep' }
  | { action: 'notify'; cause: ReleaseCause; releaseOn: string }
  | { action: 'release'; cause: ReleaseCause }
  | { action: 'withdraw_notice' };

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The cause that applies today, the most severe first. */
export function releaseCauseOn(hold: HoldState, project: ProjectState, today: string): ReleaseCause | null {
  if (project.stage === 'terminated') return 'terminated';
  if (project.stalledSince) return 'stalled';
  if (today >= addDays(hold.expiresOn, -NOTICE_DAYS_BEFORE_EXPIRY)) return 'expiry';
  return null;
}

/** The release date promised in a notice given `today` for `cause`; always after today. */
export function releaseDateFor(cause: ReleaseCause, hold: HoldState, today: string): string {
  const tomorrow = addDays(today, 1);
  const expiry = addDays(hold.expiresOn, 1);
  const grace = cause === 'stalled' ? STALLED_GRACE_DAYS : TERMINATED_GRACE_DAYS;
  // A stalled or terminated project never keeps a hold past its own expiry.
  const due = cause === 'expiry' ? expiry : minDate(addDays(today, grace), expiry);
  return due > tomorrow ? due : tomorrow;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** What the daily job does with one active hold today. */
export function decideHold(hold: HoldState, project: ProjectState, today: string): HoldDecision {
  const cause = releaseCauseOn(hold, project, today);
  if (cause === null) return hold.releaseCause ? { action: 'withdraw_notice' } : { action: 'keep' };
  if (hold.releaseCause !== cause || hold.releaseDueOn === null) {
    return { action: 'notify', cause, releaseOn: releaseDateFor(cause, hold, today) };
  }
  if (today >= hold.releaseDueOn) return { action: 'release', cause };
  return { action: 'keep' };
}

export const RELEASE_CAUSE_LABELS: Record<ReleaseCause, { zh: string; en: string }> = {
  expiry: { zh: '预留到期', en: 'the hold expires' },
  stalled: { zh: '项目停滞', en: 'the project has stalled' },
  terminated: { zh: '项目终止', en: 'the project was terminated' },
};

/**
 * Checks a requested expiry: after today and at most `MAX_HOLD_DAYS` away. Returns the problem
 * in both languages, or null.
 */
export function checkExpiry(expiresOn: string, today: string): { zh: string; en: string } | null {
  if (expiresOn <= today) return { zh: '预留截止日期须晚于今天', en: 'The hold must end after today' };
  const latest = addDays(today, MAX_HOLD_DAYS);
  if (expiresOn > latest) {
    return {
      zh: `预留期最长 ${MAX_HOLD_DAYS} 天（至 ${latest}）`,
      en: `A hold lasts at most ${MAX_HOLD_DAYS} days (until ${latest})`,
    };
  }
  return null;
}
