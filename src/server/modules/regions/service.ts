import { AppError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { type Scope, transferScope } from '../../lib/scope';
import { recordAudit } from '../audit/service';
import { presentRegion, presentRegionTree, presentUnit } from './presenter';
import * as repo from './repository';
import type {
  TCreateUnitRequest,
  TRegion,
  TRegionNode,
  TRegionSeat,
  TUnit,
  TUnitListQuery,
  TUpdateUnitRequest,
} from './schema';
import { isUniqueViolation } from '../../db/errors';

/** Administration is for admins only; everyone else is refused outright (their scope is not the question). */
export function requireAdmin(auth: AuthContext): void {
  if (!can(auth.user.role, 'admin')) throw new AppError('FORBIDDEN');
}

function unitNameConflict(): AppError {
  return new AppError('CONFLICT', {
    fields: [
      {
        field: 'body.name',
        zh: '该地区已有同名单位',
        en: 'This region already has a unit with that name',
      },
    ],
  });
}

/** The region tree rooted at the caller's scope region. */
export async function regionTree(db: Db, scope: Scope): Promise<TRegionNode[]> {
  return presentRegionTree(await repo.listRegionsInScope(db, scope), scope.regionCode);
}

/**
 * Where the caller may offer a project (省内流转): every region of the caller's province, whatever
 * level the caller is at; the whole tree for national users. Names and codes only, no project data.
 */
export async function transferTargetTree(db: Db, scope: Scope): Promise<TRegionNode[]> {
  const provinceScope = transferScope(scope);
  return presentRegionTree(await repo.listRegionsInScope(db, provinceScope), provinceScope.regionCode);
}

export async function getRegion(db: Db, scope: Scope, code: string): Promise<TRegion> {
  const region = await repo.findRegion(db, scope, code);
  if (!region) throw new AppError('NOT_FOUND');
  return presentRegion(region);
}

/**
 * Sets (or, with null, clears) where a region's government sits: the point its city's map draws it
 * at. Admins only, and only for a region of their own subtree; any other region is not found.
 * No version check: the seat is one value replaced whole, so the last save is the one meant.
 */
export async function setRegionSeat(
  db: Db,
  auth: AuthContext,
  code: string,
  seat: TRegionSeat | null,
): Promise<TRegion> {
  requireAdmin(auth);
  return db.transaction(async (tx) => {
    const current = await repo.findRegion(tx, auth.scope, code, true);
    if (!current) throw new AppError('NOT_FOUND');
    await repo.updateRegionSeat(tx, code, seat);
    const before = presentRegion(current);
    const after = presentRegion((await repo.findRegion(tx, auth.scope, code))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'region.updated',
      entity: 'region',
      entityId: code,
      regionCode: code,
      before,
      after,
    });
    return after;
  });
}

export async function listUnits(db: Db, scope: Scope, query: TUnitListQuery) {
  const { rows, total } = await repo.listUnits(db, scope, query);
  return { items: rows.map(presentUnit), total };
}

export async function createUnit(db: Db, auth: AuthContext, input: TCreateUnitRequest): Promise<TUnit> {
  requireAdmin(auth);
  try {
    return await db.transaction(async (tx) => {
      if (!(await repo.findRegion(tx, auth.scope, input.regionCode))) throw new AppError('NOT_FOUND');
      if (await repo.unitNameTaken(tx, input.regionCode, input.name)) throw unitNameConflict();
      const id = await repo.insertUnit(tx, {
        name: input.name,
        nameEn: input.nameEn ?? '',
        kind: input.kind,
        regionCode: input.regionCode,
      });
      const after = presentUnit((await repo.findUnit(tx, auth.scope, id))!);
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'unit.created',
        entity: 'unit',
        entityId: id,
        regionCode: after.regionCode,
        after,
      });
      return after;
    });
  } catch (err) {
    // Two admins racing to create the same name: the unique index decides.
    if (isUniqueViolation(err)) throw unitNameConflict();
    throw err;
  }
}

export async function updateUnit(db: Db, auth: AuthContext, id: string, input: TUpdateUnitRequest): Promise<TUnit> {
  requireAdmin(auth);
  const { version, ...patch } = input;
  try {
    return await db.transaction(async (tx) => {
      const current = await repo.findUnit(tx, auth.scope, id, true);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== version) throw new AppError('VERSION_CONFLICT');
      if (patch.name !== undefined && (await repo.unitNameTaken(tx, current.regionCode, patch.name, id))) {
        throw unitNameConflict();
      }
      if (!(await repo.updateUnit(tx, id, version, patch))) throw new AppError('VERSION_CONFLICT');
      const before = presentUnit(current);
      const after = presentUnit((await repo.findUnit(tx, auth.scope, id))!);
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'unit.updated',
        entity: 'unit',
        entityId: id,
        regionCode: after.regionCode,
        before,
        after,
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw unitNameConflict();
    throw err;
  }
}
