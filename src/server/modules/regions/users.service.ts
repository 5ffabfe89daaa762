import { AppError } from '../../../domain/errors';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { hashPassword } from '../../lib/password';
import { recordAudit } from '../audit/service';
import { presentUser } from './presenter';
import { findUnit } from './repository';
import type { TCreateUserRequest, TUpdateUserRequest, TUser, TUserListQuery } from './schema';
import { isUniqueViolation } from '../../db/errors';
import { endUserSessions } from '../auth/service';
import { requireAdmin } from './service';
import * as repo from './users.repository';

function usernameConflict(): AppError {
  return new AppError('CONFLICT', {
    fields: [{ field: 'body.username', zh: '用户名已被使用', en: 'The username is already taken' }],
  });
}

/** The unit a user is to belong to: inside the admin's scope (else 404) and still active. */
async function requireAssignableUnit(tx: Db, auth: AuthContext, unitId: string): Promise<void> {
  const unit = await findUnit(tx, auth.scope, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  if (!unit.active) {
    throw new AppError('VALIDATION', {
      fields: [{ field: 'body.unitId', zh: '该单位已停用', en: 'This unit is deactivated' }],
    });
  }
}

export async function listUsers(db: Db, auth: AuthContext, query: TUserListQuery) {
  requireAdmin(auth);
  const { rows, total } = await repo.listUsers(db, auth.scope, query);
  return { items: rows.map(presentUser), total };
}

export async function createUser(db: Db, auth: AuthContext, input: TCreateUserRequest): Promise<TUser> {
  requireAdmin(auth);
  // Hash before the transaction: argon2 takes a while and PGlite serialises everything behind it.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      await requireAssignableUnit(tx, auth, input.unitId);
      if (await repo.usernameTaken(tx, input.username)) throw usernameConflict();
      const id = await repo.insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId,
        passwordHash,
        passwordChangedAt: new Date(),
      });
      const after = presentUser((await repo.findUser(tx, auth.scope, id))!);
      await recordAudit(tx, {
        actorId: auth.user.id,
        action: 'user.created',
        entity: 'user',
        entityId: id,
        regionCode: after.region.code,
        after,
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw usernameConflict();
    throw err;
  }
}

export async function updateUser(db: Db, auth: AuthContext, id: string, input: TUpdateUserRequest): Promise<TUser> {
  requireAdmin(auth);
  const { version, ...patch } = input;
  if (id === auth.user.id && (patch.active === false || (patch.role && patch.role !== 'admin'))) {
    // An admin who locks themselves out may leave nobody able to undo it.
    throw new AppError('VALIDATION', {
      fields: [
        {
          field: patch.active === false ? 'body.active' : 'body.role',
          zh: '不能停用自己的账号或取消自己的管理员角色',
          en: 'You cannot deactivate yourself or give up your own admin role',
        },
      ],
    });
  }
  return db.transaction(async (tx) => {
    const current = await repo.findUser(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== version) throw new AppError('VERSION_CONFLICT');
    if (patch.unitId && patch.unitId !== current.unitId) await requireAssignableUnit(tx, auth, patch.unitId);
    if (!(await repo.updateUser(tx, id, version, patch))) throw new AppError('VERSION_CONFLICT');
    if (patch.active === false) await endUserSessions(tx, id);
    const before = presentUser(current);
    const after = presentUser((await repo.findUser(tx, auth.scope, id))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'user.updated',
      entity: 'user',
      entityId: id,
      regionCode: after.region.code,
      before,
      after,
    });
    return after;
  });
}

/** Sets a new password, lifts the lock-out and signs the user out everywhere. */
export async function resetUserPassword(db: Db, auth: AuthContext, id: string, password: string): Promise<void> {
  requireAdmin(auth);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const current = await repo.findUser(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    await repo.resetPassword(tx, id, passwordHash);
    await endUserSessions(tx, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'user.password_reset',
      entity: 'user',
      entityId: id,
      regionCode: current.regionCode,
      before: { lockedUntil: current.lockedUntil?.toISOString() ?? null },
      after: { lockedUntil: null, failedLogins: 0 },
    });
  });
}
