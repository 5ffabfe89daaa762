import { type SQL, type AnyColumn, type Placeholder, sql } from 'drizzle-orm';
import { AppError, type FieldError } from '../../domain/errors';
import { mayActForUnit, mayWriteOwned, NOT_OWN_UNIT, type OwnedObject } from '../../domain/permissions';
import { type Db, rows } from '../db/client';
import type { AuthContext } from './auth-context';
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

// ---------------------------------------------------------------- references named by a write

/**
 * The regions and units a write names, by the request field that names them (`body.hostRegionCode`,
 * `body.departmentId`, `body.items.0.unitId`). Absent values (undefined, null, '') are skipped.
 */
export interface ScopeReferences {
  regions?: Record<string, string | null | undefined>;
  units?: Record<string, string | null | undefined>;
  /** Chain segments (产业链环节), in scope when their chain's region is. */
  segments?: Record<string, string | null | undefined>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The field error for a reference outside the caller's scope. The same words as for one that does
 * not exist, so a write learns nothing about other regions' ids.
 */
export function outOfScope(field: string): FieldError {
  return {
    field,
    zh: '不存在或不在您的数据范围内',
    en: 'Does not exist or is outside your data scope',
  };
}

/** How references are judged beyond the scope's subtree. */
export interface ScopeOptions {
  /** Units that are inactive count too (editing a unit, not assigning work to it). */
  inactiveUnits?: boolean;
  /**
   * Units of the regions above this one count too, up to its province (never the country level): a
   * county project's ticket may go to a city or provincial department, not to another province's.
   */
  unitsAbove?: string;
}

/**
 * Which of the named regions and units exist inside the scope (units: active ones only, unless
 * `inactiveUnits`), in one statement for every reference of a request.
 */
export async function referencesInScope(
  db: Db,
  scope: Scope,
  codes: readonly string[],
  unitIds: readonly string[],
  options: ScopeOptions = {},
  segmentIds: readonly string[] = [],
): Promise<{ regions: Set<string>; units: Set<string>; segments: Set<string> }> {
  const regionList = [...new Set(codes.filter(Boolean))];
  const unitList = [...new Set(unitIds.filter((id) => UUID.test(id)))].map((id) => id.toLowerCase());
  const segmentList = [...new Set(segmentIds.filter((id) => UUID.test(id)))].map((id) => id.toLowerCase());
  const found = { regions: new Set<string>(), units: new Set<string>(), segments: new Set<string>() };
  if (!regionList.length && !unitList.length && !segmentList.length) return found;
  const parts: SQL[] = [];
  if (regionList.length) {
    parts.push(sql`select 'region' as kind, code as key from regions
      where code in (${sql.join(
        regionList.map((c) => sql`${c}`),
        sql`, `,
      )}) and ${regionInScope(sql`code`, scope)}`);
  }
  if (unitList.length) {
    parts.push(sql`select 'unit' as kind, id::text as key from units
      where id in (${sql.join(
        unitList.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and ${unitRegionAllowed(scope, options.unitsAbove)}${options.inactiveUnits ? sql`` : sql` and active`}`);
  }
  if (segmentList.length) {
    parts.push(sql`select 'segment' as kind, s.id::text as key from chain_segments s join chains c on c.id = s.chain_id
      where s.id in (${sql.join(
        segmentList.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and ${regionInScope(sql`c.region_code`, scope)}`);
  }
  const result = await rows<{ kind: 'region' | 'unit' | 'segment'; key: string }>(
    db,
    sql.join(parts, sql` union all `),
  );
  for (const r of result) found[r.kind === 'region' ? 'regions' : r.kind === 'unit' ? 'units' : 'segments'].add(r.key);
  return found;
}

function unitRegionAllowed(scope: Scope, unitsAbove: string | undefined): SQL {
  const inScope = regionInScope(sql`region_code`, scope);
  if (!unitsAbove) return inScope;
  return sql`(${inScope} or (region_code <> ${COUNTRY_CODE}
    and (select path from regions where code = ${unitsAbove}) like '%/' || region_code || '/%'))`;
}

/** The field errors of every named region or unit that is unknown or outside the scope. */
export async function scopeErrors(
  db: Db,
  scope: Scope,
  refs: ScopeReferences,
  options: ScopeOptions = {},
): Promise<FieldError[]> {
  const regionRefs = Object.entries(refs.regions ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
  const unitRefs = Object.entries(refs.units ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
  const segmentRefs = Object.entries(refs.segments ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
  const found = await referencesInScope(
    db,
    scope,
    regionRefs.map(([, code]) => code),
    unitRefs.map(([, id]) => id),
    options,
    segmentRefs.map(([, id]) => id),
  );
  return [
    ...regionRefs.filter(([, code]) => !found.regions.has(code)).map(([field]) => outOfScope(field)),
    ...unitRefs.filter(([, id]) => !found.units.has(id.toLowerCase())).map(([field]) => outOfScope(field)),
    ...segmentRefs.filter(([, id]) => !found.segments.has(id.toLowerCase())).map(([field]) => outOfScope(field)),
  ];
}

/**
 * Refuses a write (400 VALIDATION naming each field) that names a region or unit outside the
 * caller's scope — its subtree; the country-level administrator's scope is everything. Moving
 * something between regions goes through transfer with consent, never through this door.
 */
export async function assertInScope(
  db: Db,
  scope: Scope,
  refs: ScopeReferences,
  options: ScopeOptions = {},
): Promise<void> {
  const errors = await scopeErrors(db, scope, refs, options);
  if (errors.length) throw new AppError('VALIDATION', { fields: errors });
}

/** {@link assertInScope} for regions only. */
export function assertRegionsInScope(db: Db, scope: Scope, regions: ScopeReferences['regions']): Promise<void> {
  return assertInScope(db, scope, { regions });
}

/** {@link assertInScope} for units only (active units, unless `inactiveUnits`). */
export function assertUnitsInScope(
  db: Db,
  scope: Scope,
  units: ScopeReferences['units'],
  options: ScopeOptions = {},
): Promise<void> {
  return assertInScope(db, scope, { units }, options);
}

// ---------------------------------------------------------------- the owning unit

/** 403 FORBIDDEN with the bilingual reason when the object rule {@link mayWriteOwned} refuses. */
export function requireOwnedWrite(auth: AuthContext, object: OwnedObject): void {
  if (!mayWriteOwned(auth.user, object)) throw new AppError('FORBIDDEN', { detail: NOT_OWN_UNIT });
}

/** 403 FORBIDDEN when the caller may not create something for `unitId` ({@link mayActForUnit}). */
export function requireActForUnit(auth: AuthContext, unitId: string): void {
  if (!mayActForUnit(auth.user, unitId)) throw new AppError('FORBIDDEN', { detail: NOT_OWN_UNIT });
}

/** Whether one region exists inside the scope (for reads that answer 404 outside it). */
export async function regionCodeInScope(db: Db, scope: Scope, code: string): Promise<boolean> {
  return (await referencesInScope(db, scope, [code], [])).regions.has(code);
}

/**
 * Where a project may be offered or redirected (省内流转): the caller's whole province, whatever
 * level the caller is at — a write that legitimately names a region outside the caller's subtree,
 * because the receiving region must consent. National users: everywhere.
 */
export function transferScope(scope: Scope): Scope {
  const [, root, province] = scope.path.split('/');
  if (scope.all || !root || !province) return scope;
  return { ...scope, regionCode: province, path: `/${root}/${province}/`, all: false };
}
