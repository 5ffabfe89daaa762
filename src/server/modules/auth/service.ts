import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../domain/errors';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../lib/password';
import { recordAudit } from '../audit/service';
import * as repo from './repository';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof repo.findSession>>>;

/** The caller a user row stands for; `session` is empty for work done on a user's behalf (the demo seed). */
export function toContext(
  row: Pick<SessionRow, 'user' | 'unit' | 'region'> & { session: { id: string; csrfToken: string } },
): AuthContext {
  const { user, unit, region, session } = row;
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitId: unit.id,
      unitName: unit.name,
      regionCode: region.code,
      regionName: region.name,
    },
    scope: {
      userId: user.id,
      regionCode: region.code,
      path: region.path,
      all: user.role === 'admin' && region.level === 'country',
    },
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}

/**
 * Checks a password and opens a session. Unknown users cost as much time as known ones, and
 * {@link MAX_FAILED_LOGINS} wrong passwords lock the account for {@link LOCK_MINUTES} minutes.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip?: string; userAgent?: string; ttlHours: number },
): Promise<{ token: string; context: AuthContext }> {
  const found = await repo.findUserForLogin(db, input.username);
  if (!found || !found.user.active) {
    await verifyPassword(DUMMY_HASH, input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const { user } = found;
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new AppError('ACCOUNT_LOCKED', {
      detail: {
        zh: `连续输错密码，账号锁定至 ${user.lockedUntil.toISOString()}`,
        en: `Too many wrong passwords; locked until ${user.lockedUntil.toISOString()}`,
      },
    });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await db.transaction(async (tx) => {
      await repo.recordFailedLogin(tx, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
      await recordAudit(tx, {
        actorId: null,
        action: 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        regionCode: found.region.code,
      });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const id = sessionIdOf(token);
  await db.transaction(async (tx) => {
    await repo.clearFailedLogins(tx, user.id);
    await repo.insertSession(tx, {
      id,
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAt: new Date(Date.now() + input.ttlHours * 3600_000),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
    });
  });
  const row = await repo.findSession(db, id);
  if (!row) throw new AppError('INTERNAL');
  return { token, context: toContext(row) };
}

/** The caller behind a session cookie token, or null when it is unknown or expired. */
export async function authenticate(db: Db, token: string): Promise<AuthContext | null> {
  const row = await repo.findSession(db, sessionIdOf(token));
  if (!row) return null;
  if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) await repo.touchSession(db, row.session.id);
  return toContext(row);
}

/** Signs a user out everywhere (deactivation, a password reset by an administrator). */
export async function endUserSessions(db: Db, userId: string): Promise<void> {
  await repo.deleteUserSessions(db, userId);
}

export async function logout(db: Db, auth: AuthContext): Promise<void> {
  await repo.deleteSession(db, auth.sessionId);
}

export async function changePassword(
  db: Db,
  auth: AuthContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const found = await repo.findUserForLogin(db, auth.user.username);
  if (!found || !(await verifyPassword(found.user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION', {
      fields: [{ field: 'body.currentPassword', zh: '当前密码不正确', en: 'The current password is wrong' }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION', {
      fields: [
        {
          field: 'body.newPassword',
          zh: '新密码不能与当前密码相同',
          en: 'The new password must differ from the current one',
        },
      ],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updatePassword(tx, auth.user.id, passwordHash);
    // Other devices signed in with the old password are signed out.
    await repo.deleteUserSessions(tx, auth.user.id, auth.sessionId);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'auth.password_changed',
      entity: 'user',
      entityId: auth.user.id,
      regionCode: auth.user.regionCode,
    });
  });
}

/** Deletes sessions past their expiry (run daily by the scheduler). */
export function purgeExpiredSessions(db: Db): Promise<void> {
  return repo.purgeExpiredSessions(db);
}
