/**
 * Calendar dates as the platform stores them: `YYYY-MM-DD` and `YYYY-MM` strings within the years
 * both database engines and every report can hold. PostgreSQL accepts year 0000 nowhere and
 * 2026-02-30 only as an error (22008), so these checks run before any value reaches SQL.
 */

/** First and last year a date may fall in. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** Whether `year` is a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD` between 1900-01-01 and 2199-12-31:
 * 2024-02-29 is one, 2025-02-29, 2026-02-30, 2026-13-45 and 0000-01-01 are not.
 */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** Whether `value` is a month written `YYYY-MM` (month 01–12) within the supported years. */
export function isCalendarMonth(value: string): boolean {
  const m = MONTH.exec(value);
  if (!m) return false;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12;
}
