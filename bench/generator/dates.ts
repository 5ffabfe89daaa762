/** Calendar arithmetic on 'YYYY-MM-DD' strings in whole days (UTC, no time zones involved). */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function toDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The 'YYYY-MM-DD' date of a day number. */
export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM' of a day number. */
export function monthOf(day: number): string {
  return fromDay(day).slice(0, 7);
}

/** An instant on `day` at `minutes` after midnight Beijing time (UTC+8). */
export function instantAt(day: number, minutes: number): Date {
  return new Date(day * DAY_MS + (minutes - 8 * 60) * 60_000);
}
