import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { AppError } from '../../../domain/errors';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { verifyPassword } from '../../lib/password';
import { recordAudit } from '../audit/service';
import { mfaRequiredFor } from '../security/policy';
import { loadPolicy } from '../security/service';
import * as repo from './repository';
import { type SignInSource, recordFailedSignIn, recordSignIn, toContext } from './service';

export const TOTP_ISSUER = 'Zhaoshang 招商';
export const RECOVERY_CODE_COUNT = 10;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 6238 with the parameters every authenticator app expects: SHA-1, 6 digits, 30 seconds. */
function totpFor(username: string, secret: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

/** Whether `code` is the current code, or the one a step before or after (clock drift). */
function totpMatches(username: string, secret: string, code: string): boolean {
  return totpStepOf(username, secret, code) !== null;
}

/** The start of the 30-second step `code` belongs to (now, or one step either side), or null. */
function totpStepOf(username: string, secret: string, code: string): Date | null {
  const delta = totpFor(username, secret).validate({ token: code, window: 1 });
  if (delta === null) return null;
  return new Date((Math.floor(Date.now() / 30_000) + delta) * 30_000);
}

/** A one-time recovery code: ten lower-case base32 characters, `xxxxx-xxxxx`. */
function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => BASE32[randomInt(32)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** The stored form of a recovery code, whatever spacing or case it was typed with. */
function recoveryCodeHash(code: string): string | null {
  const plain = code.toLowerCase().replace(/[\s-]/g, '');
  if (!/^[a-z2-7]{10}$/.test(plain)) return null;
  return createHash('sha256')
    .update(`${plain.slice(0, 5)}-${plain.slice(5)}`)
    .digest('hex');
}

async function newRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await repo.replaceRecoveryCodes(
    db,
    userId,
    codes.map((c) => recoveryCodeHash(c)!),
  );
  return codes;
}

async function requireUser(db: Db, auth: AuthContext) {
  const found = await repo.findUserById(db, auth.user.id);
  if (!found) throw new AppError('UNAUTHENTICATED');
  return found;
}

async function requirePassword(passwordHash: string, password: string): Promise<void> {
  if (!(await verifyPassword(passwordHash, password))) {
    throw new AppError('VALIDATION', {
      fields: [{ field: 'body.password', zh: '密码不正确', en: 'The password is wrong' }],
    });
  }
}

/**
 * The second step of a two-factor sign-in: a TOTP code or an unused recovery code completes the
 * session. A wrong code counts toward the account's lock-out like a wrong password.
 */
export async function verifySecondFactor(
  db: Db,
  config: Config,
  auth: AuthContext,
  input: { code: string } & SignInSource,
): Promise<AuthContext> {
  if (auth.pending !== 'totp') {
    throw new AppError('CONFLICT', {
      detail: { zh: '此会话无需动态验证码', en: 'This session does not owe a second factor' },
    });
  }
  const policy = await loadPolicy(db, config);
  const { user, region } = await requireUser(db, auth);
  const who = { userId: user.id, regionCode: region.code };
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await recordFailedSignIn(db, who, user.username, input, 'locked');
    throw new AppError('ACCOUNT_LOCKED');
  }
  const code = input.code.trim();
  const factors = await db.transaction(async (tx) => {
    let accepted: 'password+totp' | 'password+recovery-code' | null = null;
    if (/^\d{6}$/.test(code)) {
      const step = user.totpSecret ? totpStepOf(user.username, user.totpSecret, code) : null;
      if (step && (await repo.spendTotpStep(tx, user.id, step))) accepted = 'password+totp';
    } else {
      const hash = recoveryCodeHash(code);
      if (hash && (await repo.useRecoveryCode(tx, user.id, hash))) accepted = 'password+recovery-code';
    }
    if (!accepted) {
      await repo.recordFailedLogin(tx, user.id, policy.maxFailedLogins, policy.lockMinutes);
      await recordFailedSignIn(tx, who, user.username, input, 'wrong second factor');
      return null;
    }
    await repo.clearFailedLogins(tx, user.id);
    await repo.completeSession(tx, auth.sessionId);
    await recordSignIn(tx, user.id, region.code, input, accepted);
    if (accepted === 'password+recovery-code') {
      await recordAudit(tx, {
        actorId: user.id,
        action: 'auth.recovery_used',
        entity: 'user',
        entityId: user.id,
        regionCode: region.code,
        after: { remaining: await repo.countUnusedRecoveryCodes(tx, user.id) },
      });
    }
    return accepted;
  });
  if (!factors) throw new AppError('TOTP_INVALID');
  const row = await repo.findSession(db, auth.sessionId);
  if (!row) throw new AppError('UNAUTHENTICATED');
  return toContext(row, policy);
}

/** Starts enrolment: a new secret for the user's authenticator app, confirmed by {@link enableTotp}. */
export async function setupTotp(db: Db, auth: AuthContext): Promise<{ secret: string; uri: string }> {
  const { user } = await requireUser(db, auth);
  if (user.totpEnabledAt) {
    throw new AppError('CONFLICT', {
      detail: {
        zh: '已启用双因素登录；如需更换，请先停用',
        en: 'Two-factor sign-in is on; turn it off first to replace it',
      },
    });
  }
  const secret = new Secret({ size: 20 }).base32;
  await repo.setTotpSecret(db, user.id, secret);
  return { secret, uri: totpFor(user.username, secret).toString() };
}

/** Confirms enrolment with a code from the app; answers the recovery codes, shown this once. */
export async function enableTotp(db: Db, auth: AuthContext, code: string): Promise<{ recoveryCodes: string[] }> {
  const { user } = await requireUser(db, auth);
  if (user.totpEnabledAt) {
    throw new AppError('CONFLICT', { detail: { zh: '已启用双因素登录', en: 'Two-factor sign-in is already on' } });
  }
  if (!user.totpSecret) {
    throw new AppError('VALIDATION', {
      fields: [{ field: 'body.code', zh: '请先生成密钥并绑定验证器', en: 'Set up the authenticator first' }],
    });
  }
  if (!totpMatches(user.username, user.totpSecret, code.trim())) throw new AppError('TOTP_INVALID');
  return db.transaction(async (tx) => {
    await repo.enableTotp(tx, user.id);
    const recoveryCodes = await newRecoveryCodes(tx, user.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'auth.totp_enabled',
      entity: 'user',
      entityId: user.id,
      regionCode: auth.user.regionCode,
      after: { recoveryCodes: RECOVERY_CODE_COUNT },
    });
    return { recoveryCodes };
  });
}

/** Turns two-factor sign-in off (the password confirms it); refused where the policy requires it. */
export async function disableTotp(db: Db, config: Config, auth: AuthContext, password: string): Promise<void> {
  const { user } = await requireUser(db, auth);
  await requirePassword(user.passwordHash, password);
  const policy = await loadPolicy(db, config);
  if (mfaRequiredFor(user.role, policy)) {
    throw new AppError('FORBIDDEN', {
      detail: {
        zh: '安全策略要求您的角色使用双因素登录，不能停用',
        en: 'The security policy requires two-factor sign-in for your role; it cannot be turned off',
      },
    });
  }
  await db.transaction(async (tx) => {
    await repo.disableTotp(tx, user.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'auth.totp_disabled',
      entity: 'user',
      entityId: user.id,
      regionCode: auth.user.regionCode,
      before: { totpEnabledAt: user.totpEnabledAt?.toISOString() ?? null },
      after: { totpEnabledAt: null },
    });
  });
}

/** A new set of recovery codes (the password confirms it); the old set stops working. */
export async function renewRecoveryCodes(
  db: Db,
  auth: AuthContext,
  password: string,
): Promise<{ recoveryCodes: string[] }> {
  const { user } = await requireUser(db, auth);
  await requirePassword(user.passwordHash, password);
  if (!user.totpEnabledAt) {
    throw new AppError('CONFLICT', { detail: { zh: '尚未启用双因素登录', en: 'Two-factor sign-in is not on' } });
  }
  return db.transaction(async (tx) => {
    const recoveryCodes = await newRecoveryCodes(tx, user.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'auth.recovery_codes_renewed',
      entity: 'user',
      entityId: user.id,
      regionCode: auth.user.regionCode,
      after: { recoveryCodes: RECOVERY_CODE_COUNT },
    });
    return { recoveryCodes };
  });
}
