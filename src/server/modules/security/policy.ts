import type { Role } from '../../db/schema';
import type { Config } from '../../config';
import { MIN_PASSWORD_HISTORY, MIN_PASSWORD_LENGTH } from '../../../domain/password-policy';
import type { TSecurityPolicy } from './schema';

/** The `meta` key the security administrator's policy is stored under. */
export const POLICY_KEY = 'security.policy';

export const DEFAULT_MAX_FAILED_LOGINS = 5;
export const DEFAULT_LOCK_MINUTES = 15;

/** The three administrators (三权分立) whose sign-in needs a second factor when the policy says so. */
export const MFA_ROLES: ReadonlySet<Role> = new Set<Role>(['admin', 'security', 'auditor']);

/**
 * The policy in force: what the security administrator stored, over the settings' defaults. The
 * floors (12 characters, 5 earlier passwords) hold whatever is stored, and MFA_REQUIRED=true
 * cannot be switched off from the screen.
 */
export function effectivePolicy(config: Config, stored: unknown): TSecurityPolicy {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<TSecurityPolicy>;
  return {
    passwordMinLength: Math.max(MIN_PASSWORD_LENGTH, s.passwordMinLength ?? MIN_PASSWORD_LENGTH),
    passwordHistory: Math.max(MIN_PASSWORD_HISTORY, s.passwordHistory ?? MIN_PASSWORD_HISTORY),
    sessionIdleMinutes: s.sessionIdleMinutes ?? config.SESSION_IDLE_MINUTES,
    sessionTtlHours: s.sessionTtlHours ?? config.SESSION_TTL_HOURS,
    maxFailedLogins: s.maxFailedLogins ?? DEFAULT_MAX_FAILED_LOGINS,
    lockMinutes: s.lockMinutes ?? DEFAULT_LOCK_MINUTES,
    mfaRequired: config.MFA_REQUIRED || s.mfaRequired === true,
    version: s.version ?? 0,
  };
}

/** Whether a role must sign in with a second factor under this policy. */
export function mfaRequiredFor(role: Role, policy: Pick<TSecurityPolicy, 'mfaRequired'>): boolean {
  return policy.mfaRequired && MFA_ROLES.has(role);
}
