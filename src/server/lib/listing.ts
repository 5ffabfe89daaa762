/** What the paged list queries of the repositories share. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';

/** The paging fields of a list query (spread into its zod object): page from 1, up to 100 rows. */
export const ZPageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** `%text%` for LIKE and ILIKE, with the pattern characters of the text itself taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
