import { createHash, randomBytes } from 'node:crypto';
import { type Bilingual, AppError } from '../../../domain/errors';
import { passwordProblems, reusedPasswordProblem } from '../../../domain/password-policy';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { AuthContext, PendingStep } from '../../lib/auth-context';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../lib/password';
import { recordAudit } from '../audit/service';
import { effectivePolicy, mfaRequiredFor } from '../security/policy';
import type { TSecurityPolicy } from '../security/schema';
import { loadPolicy } from '../security/service';
import * as repo from './repository';

/** A session that passed the password has this long to present its second factor. */
const SECOND_FACTOR_MINUTES = 10;
/** `audit_log.entity_id` of an unknown username keeps this many characters. */
const UNKNOWN_NAME_LENGTH = 80;

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof repo.findSession>>>;
type UserRow = SessionRow['user'];

/** Where a sign-in came from: recorded with every sign-in event. */
export interface SignInSource {
  ip?: string;
  userAgent?: string;
}

/** The step a session owes, in the contract's order: second factor, own password, enrolment. */
function pendingStep(
  session: { pending?: 'totp' | null },
  user: Pick<UserRow, 'role' | 'mustChangePassword' | 'totpEnabledAt'>,
  policy: Pick<TSecurityPolicy, 'mfaRequired'>,
): PendingStep | null {
  if (session.pending === 'totp') return 'totp';
  if (user.mustChangePassword) return 'change-password';
  if (mfaRequiredFor(user.role, policy) && !user.totpEnabledAt) return 'enrol-totp';
  return null;
}

/**
 * The caller a session row stands for, with the step it owes and its two-factor state under the
 * policy in force; without a policy (work done on a user's behalf by the demo seed, `session` empty)
 * it owes nothing.
 */
export function toContext(
  row: Pick<SessionRow, 'user' | 'unit' | 'region'> & {
    session: { id: string; csrfToken: string; pending?: 'totp' | null };
  },
  policy: Pick<TSecurityPolicy, 'mfaRequired'> | null = null,
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
    pending: policy ? pendingStep(session, user, policy) : null,
    twoFactor: policy
      ? { enabled: user.totpEnabledAt !== null, required: mfaRequiredFor(user.role, policy) }
      : undefined,
  };
}

/** Records a refused sign-in with where it came from; unknown names under their lower-cased text. */
export async function recordFailedSignIn(
  db: Db,
  who: { userId: string; regionCode: string | null } | { unknownName: string },
  username: string,
  source: SignInSource,
  reason: 'unknown user' | 'inactive' | 'wrong password' | 'locked' | 'wrong second factor',
): Promise<void> {
  // Its own transaction (a savepoint inside the caller's): the chain's lock is held until it ends.
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: null,
      action: 'auth.login_failed',
      entity: 'user',
      entityId: 'userId' in who ? who.userId : who.unknownName.toLowerCase().slice(0, UNKNOWN_NAME_LENGTH),
      regionCode: 'userId' in who ? who.regionCode : null,
      after: { username, ip: source.ip ?? null, userAgent: source.userAgent?.slice(0, 300) ?? null, reason },
    });
  });
}

function lockedError(lockedUntil: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', {
    detail: {
      zh: `连续输错密码，账号锁定至 ${lockedUntil.toISOString()}`,
      en: `Too many wrong passwords; locked until ${lockedUntil.toISOString()}`,
    },
  });
}

/**
 * Checks a password and opens a session — a pending one when the user has two-factor sign-in on.
 * Unknown users cost as much time as known ones; the policy's `maxFailedLogins` wrong passwords lock
 * the account for `lockMinutes`. Every outcome is recorded with the source address.
 */
export async function login(
  db: Db,
  config: Config,
  input: { username: string; password: string } & SignInSource,
): Promise<{ token: string; context: AuthContext; ttlHours: number }> {
  const policy = await loadPolicy(db, config);
  const found = await repo.findUserForLogin(db, input.username);
  if (!found || !found.user.active) {
    await verifyPassword(DUMMY_HASH, input.password);
    await recordFailedSignIn(
      db,
      found ? { userId: found.user.id, regionCode: found.region.code } : { unknownName: input.username },
      input.username,
      input,
      found ? 'inactive' : 'unknown user',
    );
    throw new AppError('INVALID_CREDENTIALS');
  }
  const { user } = found;
  const who = { userId: user.id, regionCode: found.region.code };
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await recordFailedSignIn(db, who, input.username, input, 'locked');
    throw lockedError(user.lockedUntil);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await db.transaction(async (tx) => {
      await repo.recordFailedLogin(tx, user.id, policy.maxFailedLogins, policy.lockMinutes);
      await recordFailedSignIn(tx, who, input.username, input, 'wrong password');
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const id = sessionIdOf(token);
  const owesSecondFactor = user.totpEnabledAt !== null;
  await db.transaction(async (tx) => {
    await repo.clearFailedLogins(tx, user.id);
    await repo.insertSession(tx, {
      id,
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAt: new Date(Date.now() + policy.sessionTtlHours * 3600_000),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
      pending: owesSecondFactor ? 'totp' : null,
    });
    // With two-factor on, the sign-in happens when the second factor is accepted.
    if (!owesSecondFactor) await recordSignIn(tx, user.id, found.region.code, input, 'password');
  });
  const row = await repo.findSession(db, id);
  if (!row) throw new AppError('INTERNAL');
  return {
    token,
    context: toContext(row, policy),
    ttlHours: policy.sessionTtlHours,
  };
}

export async function recordSignIn(
  db: Db,
  userId: string,
  regionCode: string,
  source: SignInSource,
  factors: 'password' | 'password+totp' | 'password+recovery-code',
): Promise<void> {
  await recordAudit(db, {
    actorId: userId,
    action: 'auth.login',
    entity: 'user',
    entityId: userId,
    regionCode,
    after: { ip: source.ip ?? null, userAgent: source.userAgent?.slice(0, 300) ?? null, factors },
  });
}

/**
 * The caller behind a session cookie token, or null when it is unknown, expired, past the policy's
 * lifetime, or idle longer than the policy's idle limit (such a session is deleted). The last-seen
 * time is written at most once a minute, so the idle limit is exact to a minute.
 */
export async function authenticate(db: Db, token: string, config: Config): Promise<AuthContext | null> {
  const row = await repo.findSession(db, sessionIdOf(token));
  if (!row) return null;
  const policy = effectivePolicy(config, row.policy);
  const now = Date.now();
  const idleMs = now - row.session.lastSeenAt.getTime();
  const ageMs = now - row.session.createdAt.getTime();
  if (
    idleMs > policy.sessionIdleMinutes * 60_000 ||
    ageMs > policy.sessionTtlHours * 3600_000 ||
    (row.session.pending === 'totp' && ageMs > SECOND_FACTOR_MINUTES * 60_000)
  ) {
    await repo.deleteSession(db, row.session.id);
    return null;
  }
  if (idleMs > 60_000) await repo.touchSession(db, row.session.id);
  return toContext(row, policy);
}

/** What a session owing each step may call, besides GET /api/auth/me and POST /api/auth/logout. */
const STEP_ROUTES: Record<PendingStep, { routes: string[]; what: Bilingual }> = {
  totp: {
    routes: ['POST /api/auth/totp'],
    what: {
      zh: '请输入动态验证码（或恢复码）完成登录',
      en: 'Enter your authenticator code (or a recovery code) to finish signing in',
    },
  },
  'change-password': {
    routes: ['POST /api/auth/password'],
    what: { zh: '请先修改初始密码或管理员重置的密码', en: 'Change the password an administrator set for you first' },
  },
  'enrol-totp': {
    routes: ['POST /api/auth/totp/setup', 'POST /api/auth/totp/enable'],
    what: {
      zh: '您的角色须启用双因素登录，请先绑定动态验证码',
      en: 'Your role requires two-factor sign-in; set up an authenticator first',
    },
  },
};
const ALWAYS_OPEN = new Set(['GET /api/auth/me', 'POST /api/auth/logout']);

/**
 * Refuses every route but the one that clears the step while a session owes one (second factor,
 * own password, two-factor enrolment): 403 AUTH_STEP_REQUIRED naming the step. Called by the
 * auth hook for every signed-in route.
 */
export function assertSessionComplete(auth: AuthContext, method: string, routeUrl: string | undefined): void {
  if (!auth.pending) return;
  const route = `${method} ${routeUrl ?? ''}`;
  const step = STEP_ROUTES[auth.pending];
  if (ALWAYS_OPEN.has(route) || step.routes.includes(route)) return;
  throw new AppError('AUTH_STEP_REQUIRED', {
    detail: { zh: `${step.what.zh}（${auth.pending}）`, en: `${step.what.en} (${auth.pending})` },
  });
}

/** Signs a user out everywhere (deactivation, a password reset by an administrator). */
export async function endUserSessions(db: Db, userId: string): Promise<void> {
  await repo.deleteUserSessions(db, userId);
}

export async function logout(db: Db, auth: AuthContext): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, auth.sessionId);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'auth.logout',
      entity: 'user',
      entityId: auth.user.id,
      regionCode: auth.user.regionCode,
    });
  });
}

/**
 * Refuses a password the policy forbids: too short, containing the username, guessable, or one of
 * the user's last `passwordHistory` passwords (`userId` absent for a new account). 400 VALIDATION
 * on `field`, with every reason in both languages.
 */
export async function assertAcceptablePassword(
  db: Db,
  policy: TSecurityPolicy,
  input: { password: string; username: string; displayName?: string; userId?: string; field: string },
): Promise<void> {
  const problems = passwordProblems(input.password, {
    username: input.username,
    otherInputs: input.displayName ? [input.displayName] : [],
    minLength: policy.passwordMinLength,
  });
  if (problems.length === 0 && input.userId) {
    const hashes = await repo.recentPasswordHashes(db, input.userId, policy.passwordHistory);
    for (const hash of hashes) {
      if (await verifyPassword(hash, input.password)) {
        problems.push(reusedPasswordProblem(policy.passwordHistory));
        break;
      }
    }
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION', { fields: problems.map((p) => ({ field: input.field, ...p })) });
  }
}

export async function changePassword(
  db: Db,
  config: Config,
  auth: AuthContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const found = await repo.findUserById(db, auth.user.id);
  if (!found || !(await verifyPassword(found.user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION', {
      fields: [{ field: 'body.currentPassword', zh: '当前密码不正确', en: 'The current password is wrong' }],
    });
  }
  const policy = await loadPolicy(db, config);
  await assertAcceptablePassword(db, policy, {
    password: input.newPassword,
    username: found.user.username,
    displayName: found.user.displayName,
    userId: found.user.id,
    field: 'body.newPassword',
  });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updatePassword(tx, auth.user.id, passwordHash, policy.passwordHistory);
    // Other devices signed in with the old password are signed out.
    await repo.deleteUserSessions(tx, auth.user.id, auth.sessionId);
    await recordAudit(tx, {
      actorId: auth.user.id,
      action: 'auth.password_changed',
      entity: 'user',
      entityId: auth.user.id,
      regionCode: auth.user.regionCode,
      before: { mustChangePassword: found.user.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}

/** Deletes sessions past their expiry (run daily by the scheduler). */
export function purgeExpiredSessions(db: Db): Promise<void> {
  return repo.purgeExpiredSessions(db);
}
