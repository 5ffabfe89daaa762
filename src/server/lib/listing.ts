/** What the paged list queries of the repositories share. */
import { sql } from 'drizzle-orm';

/** `%text%` for LIKE and ILIKE, with the pattern characters of the text itself taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of an ordered list and the count of the whole list, read together.
 * `ordered` is the select with its where and order by; the page's limit and offset are added here.
 */
export async function pageWithTotal<T>(
  ordered: { limit(limit: number): { offset(offset: number): PromiseLike<T[]> } },
  counted: PromiseLike<{ total: number }[]>,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ rows: T[]; total: number }> {
  const [rows, [totalRow]] = await Promise.all([ordered.limit(pageSize).offset((page - 1) * pageSize), counted]);
  return { rows, total: totalRow?.total ?? 0 };
}

/**
 * A `total` column for a page query: the count of every matching row, taken before the limit, so
 * the page and its total come from one statement (one plan, one round trip).
 */
export const windowTotal = sql<number>`(count(*) over ())::int`;

/**
 * Splits a page read with `windowTotal` into rows and total. A page past the end has no row to
 * carry the total, so `count` is asked for it then.
 */
export async function splitWindowTotal<T extends { total: number }>(
  paged: T[],
  page: number,
  count: () => PromiseLike<{ total: number }[]>,
): Promise<{ rows: Omit<T, 'total'>[]; total: number }> {
  if (paged.length === 0 && page > 1) {
    const [totalRow] = await count();
    return { rows: [], total: totalRow?.total ?? 0 };
  }
  return { rows: paged.map(({ total: _total, ...row }) => row), total: paged[0]?.total ?? 0 };
}
