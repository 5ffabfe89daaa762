import { type SQL, type AnyColumn, sql } from 'drizzle-orm';

/**
 * What a caller may see: the subtree under one region (`path` is its materialised path).
 * Repositories filter by it in SQL, so an id outside it is simply not found.
 */
export interface Scope {
  userId: string;
  regionCode: string;
  path: string;
  /** The platform administrator sees every region. */
  all: boolean;
}

/** `column` holds a region code inside the scope's subtree. */
export function regionInScope(column: AnyColumn | SQL, scope: Scope): SQL {
  if (scope.all) return sql`true`;
  return sql`${column} in (select code from regions where path like ${scope.path + '%'})`;
}
