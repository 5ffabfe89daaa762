import { z } from 'zod';
import { isCalendarDate, isCalendarMonth } from '../../domain/calendar';
import { AppError, type FieldError } from '../../domain/errors';

/**
 * Text that may reach the database. PostgreSQL refuses U+0000 in `text` (22021) and a lone UTF-16
 * surrogate cannot be encoded as UTF-8 at all, so both are refused here as a 400 instead of a 500.
 */

/** Bilingual message of a refused string ("中文|English", split by the problem mapper). */
export const UNSAFE_TEXT_MESSAGE =
  '不能包含空字符（U+0000）或不成对的代理字符|Must not contain NUL (U+0000) or an unpaired surrogate';

/** Whether `value` is free of U+0000 and of unpaired surrogates. */
export function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

// In a /u pattern a surrogate pair reads as one code point, so \p{Cs} matches only unpaired halves.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this pattern looks for
const UNSAFE = /[\u0000\p{Cs}]/u;

/**
 * The path of the first string (value or object key) in `value` that is not safe text, as
 * `prefix.a.0.b`, or null when there is none. Walks iteratively so a deeply nested body cannot
 * overflow the stack.
 */
export function findUnsafeText(value: unknown, prefix: string): string | null {
  const stack: Array<[unknown, string]> = [[value, prefix]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isSafeText(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}.${i}`]);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) {
        if (!isSafeText(key)) return path;
        stack.push([inner, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/** The field error for unsafe text at `field` (e.g. `body.name`). */
export function unsafeTextField(field: string): FieldError {
  const [zh = '', en = ''] = UNSAFE_TEXT_MESSAGE.split('|');
  return { field, zh, en };
}

/** Throws 400 VALIDATION when `value` holds unsafe text anywhere; `prefix` names it (`body`, `multipart.note`). */
export function assertSafeInput(value: unknown, prefix: string): void {
  const field = findUnsafeText(value, prefix);
  if (field) throw new AppError('VALIDATION', { fields: [unsafeTextField(field)] });
}

/** A string refused when it holds U+0000 or an unpaired surrogate; chain `.trim().max(n)` as usual. */
export const ZText = z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE);

/** A real calendar date `YYYY-MM-DD` between 1900-01-01 and 2199-12-31. */
export const ZDate = z
  .string()
  .refine(
    isCalendarDate,
    '应为 1900-01-01 至 2199-12-31 之间的有效日期（YYYY-MM-DD）|A real date YYYY-MM-DD between 1900-01-01 and 2199-12-31',
  )
  .meta({ format: 'date', example: '2026-03-31' });

/** A month `YYYY-MM` (01–12) between 1900-01 and 2199-12. */
export const ZMonth = z
  .string()
  .refine(isCalendarMonth, '应为有效月份（YYYY-MM，月份 01–12）|A month YYYY-MM with month 01–12')
  .meta({ example: '2026-03' });
