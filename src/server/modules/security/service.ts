import { AppError } from '../../../domain/errors';
import { can } from '../../../domain/permissions';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { recordAudit } from '../audit/service';
import { effectivePolicy } from './policy';
import * as repo from './repository';
import type { TLockedUser, TSecurityPolicy, TUpdateSecurityPolicyRequest } from './schema';

/** The security administrator's duty alone (三权分立): the system admin and the auditor are refused. */
function requireSecurityAdmin(auth: AuthContext): void {
  if (!can(auth.user.role, 'security.manage')) throw new AppError('FORBIDDEN');
}

/** The password and session policy in force, for anyone who needs to apply it. */
export async function loadPolicy(db: Db, config: Config): Promise<TSecurityPolicy> {
  return effectivePolicy(config, await repo.findStoredPolicy(db));
}

export async function getPolicy(db: Db, config: Config, auth: AuthContext): Promise<TSecurityPolicy> {
  requireSecurityAdmin(auth);
  return loadPolicy(db, config);
}

/** Stores a new policy if nobody changed it since `version` was read; recorded with before and after. */
export async function updatePolicy(
  db: Db,
  config: Config,
  auth: AuthContext,
  input: TUpdateSecurityPolicyRequest,
): Promise<TSecurityPolicy> {
  requireSecurityAdmin(auth);
  if (config.MFA_REQUIRED && !input.mfaRequired) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          field: 'body.mfaRequired',
          zh: '服务器设置 MFA_REQUIRED=true 要求双因素登录，不能在此关闭',
          en: 'The server setting MFA_REQUIRED=true requires two-factor sign-in; it cannot be turned off here',
        },
      ],
    });
  }
  return db.transaction(async (tx) => {
    const before = effectivePolicy(config, await repo.findStoredPolicy(tx, true));
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const { version, ...fields } = input;
    await repo.storePolicy(tx, { ...fields, version: version + 1 });
    const after = effectivePolicy(config, { ...fields, version: version + 1 });
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'security.policy_changed',
      entity: 'system',
      entityId: 'security.policy',
      regionCode: null,
      before,
      after,
    });
    return after;
  });
}

export async function listLockedUsers(db: Db, auth: AuthContext): Promise<{ items: TLockedUser[] }> {
  requireSecurityAdmin(auth);
  const rows = await repo.listLockedUsers(db, auth.scope);
  return { items: rows.map((r) => ({ ...r, lockedUntil: r.lockedUntil!.toISOString() })) };
}

/** Lifts a lock-out and clears the failure count; a user outside the scope is a 404. */
export async function unlockUser(db: Db, auth: AuthContext, id: string): Promise<void> {
  requireSecurityAdmin(auth);
  await db.transaction(async (tx) => {
    const current = await repo.findUserForUnlock(tx, auth.scope, id);
    if (!current) throw new AppError('NOT_FOUND');
    await repo.unlockUser(tx, id);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'user.unlocked',
      entity: 'user',
      entityId: id,
      regionCode: current.regionCode,
      before: { lockedUntil: current.lockedUntil?.toISOString() ?? null, failedLogins: current.failedLogins },
      after: { lockedUntil: null, failedLogins: 0 },
    });
  });
}
