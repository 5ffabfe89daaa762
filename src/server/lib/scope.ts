import { type SQL, type AnyColumn, type Placeholder, sql } from 'drizzle-orm';
import { COUNTRY_CODE } from '../seed/regions';

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

/** The portal's visitors: what is published anywhere, never a user's own data. */
export const PUBLIC_SCOPE: Scope = { userId: '', regionCode: COUNTRY_CODE, path: `/${COUNTRY_CODE}/`, all: true };

/** `column` holds a region code inside the scope's subtree. */
export function regionInScope(column: AnyColumn | SQL, scope: Scope): SQL {
  if (scope.all) return sql`true`;
  return regionInSubtree(column, scope.path + '%');
}

/** `column` holds a region code whose path matches `pathPattern`: a subtree's `path%`, or a prepared statement's placeholder for it. */
export function regionInSubtree(column: AnyColumn | SQL, pathPattern: string | Placeholder): SQL {
  return sql`${column} in (select code from regions where path like ${pathPattern})`;
}
