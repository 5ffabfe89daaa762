/** What the paged list queries of the repositories share. */

/** `%text%` for ILIKE, with the pattern characters of the text itself taken literally. */
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
