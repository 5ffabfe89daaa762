import { AppError } from '../../../domain/errors';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { hashPassword } from '../../lib/password';
import { recordAudit } from '../audit/service';
import { presentUser } from './presenter';
import { findUnit } from './repository';
import type { TCreateUserRequest, TUpdateUserRequest, TUser, TUserListQuery } from './schema';
import { isUniqueViolation } from '../../db/errors';
import { assertAcceptablePassword, endUserSessions } from '../auth/service';
import { addPasswordHistory } from '../auth/repository';
import { loadPolicy } from '../security/service';
import type { Config } from '../../config';
import type { Role } from '../../db/schema';
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

/**
 * 三权分立: the security and audit administrators' accounts are not the system admin's to take over.
 * The admin creates accounts of any role (recorded, and read by the auditor), but on an existing
 * `security` or `auditor` account may not change the role (nor give an existing account one of these
 * roles: they come only with a new account), may not deactivate the last active holder of the role,
 * and may reset the password only of an account with two-factor sign-in on — the reset keeps the
 * second factor and forces a change, so the admin's new password alone opens nothing.
 */
const SEPARATED_ROLES: ReadonlySet<Role> = new Set<Role>(['security', 'auditor']);

function separationRefused(zh: string, en: string): AppError {
  return new AppError('FORBIDDEN', { detail: { zh, en } });
}

export async function listUsers(db: Db, auth: AuthContext, query: TUserListQuery) {
  requireAdmin(auth);
  const { rows, total } = await repo.listUsers(db, auth.scope, query);
  return { items: rows.map(presentUser), total };
}

export async function createUser(db: Db, config: Config, auth: AuthContext, input: TCreateUserRequest): Promise<TUser> {
  requireAdmin(auth);
  await assertAcceptablePassword(db, await loadPolicy(db, config), {
    password: input.password,
    username: input.username,
    displayName: input.displayName,
    field: 'body.password',
  });
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
      await addPasswordHistory(tx, id, passwordHash, (await loadPolicy(tx, config)).passwordHistory);
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
    if (
      patch.role &&
      patch.role !== current.role &&
      (SEPARATED_ROLES.has(current.role) || SEPARATED_ROLES.has(patch.role))
    ) {
      throw separationRefused(
        '安全管理员和审计管理员的角色不能由系统管理员变更（三权分立）；请新建账号',
        'The system admin may not change a role to or from security or audit administrator (separation of duties); create a new account instead',
      );
    }
    if (patch.active === false && current.active && SEPARATED_ROLES.has(current.role)) {
      if ((await repo.countActiveWithRole(tx, current.role, id)) === 0) {
        throw separationRefused(
          '不能停用该角色最后一个在用的账号（三权分立）',
          'The last active account of this role cannot be deactivated (separation of duties)',
        );
      }
    }
    if (patch.unitId && patch.unitId !== current.unitId) await requireAssignableUnit(tx, auth, patch.unitId);
    if (!(await repo.updateUser(tx, id, version, patch))) throw new AppError('VERSION_CONFLICT');
    if (patch.active === false) await endUserSessions(tx, id);
    const before = presentUser(current);
    const after = presentUser((await repo.findUser(tx, auth.scope, id))!);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: updateAction(before, after),
      entity: 'user',
      entityId: id,
      regionCode: after.region.code,
      before,
      after,
    });
    return after;
  });
}

/** The audit action naming the weightiest change: role, then scope (unit), then activation. */
function updateAction(before: TUser, after: TUser): string {
  if (before.role !== after.role) return 'user.role_changed';
  if (before.unit.id !== after.unit.id) return 'user.scope_changed';
  if (before.active !== after.active) return after.active ? 'user.activated' : 'user.deactivated';
  return 'user.updated';
}

/**
 * Sets a new password the user must change at their next sign-in, and signs them out everywhere.
 * A lock-out stays: lifting it is the security administrator's (三权分立).
 */
export async function resetUserPassword(
  db: Db,
  config: Config,
  auth: AuthContext,
  id: string,
  password: string,
): Promise<void> {
  requireAdmin(auth);
  const target = await repo.findUser(db, auth.scope, id);
  if (!target) throw new AppError('NOT_FOUND');
  const policy = await loadPolicy(db, config);
  await assertAcceptablePassword(db, policy, {
    password,
    username: target.username,
    displayName: target.displayName,
    userId: id,
    field: 'body.password',
  });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const current = await repo.findUser(tx, auth.scope, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (SEPARATED_ROLES.has(current.role) && !current.totpEnabled) {
      throw separationRefused(
        '该安全/审计管理员账号未启用双因素登录，系统管理员不能重置其密码（三权分立）',
        'The system admin may reset the password of a security or audit administrator only when that account has two-factor sign-in on (separation of duties)',
      );
    }
    await repo.resetPassword(tx, id, passwordHash);
    await addPasswordHistory(tx, id, passwordHash, policy.passwordHistory);
    await endUserSessions(tx, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'user.password_reset',
      entity: 'user',
      entityId: id,
      regionCode: current.regionCode,
      before: { mustChangePassword: current.mustChangePassword },
      after: { mustChangePassword: true },
    });
  });
}
