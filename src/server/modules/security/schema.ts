import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_HISTORY, MIN_PASSWORD_LENGTH } from '../../../domain/password-policy';

const policyFields = {
  passwordMinLength: z.number().int().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  passwordHistory: z.number().int().min(MIN_PASSWORD_HISTORY).max(24),
  sessionIdleMinutes: z.number().int().min(1).max(1440),
  sessionTtlHours: z.number().int().min(1).max(720),
  maxFailedLogins: z.number().int().min(3).max(20),
  lockMinutes: z.number().int().min(1).max(1440),
  mfaRequired: z.boolean().describe('Two-factor sign-in required for admin, security and auditor'),
};

/** The password and session policy in force (stored values over the settings' defaults). */
export const ZSecurityPolicy = z.object({
  ...policyFields,
  version: z.number().int().describe('0 while the defaults from the settings apply'),
});

export const ZUpdateSecurityPolicyRequest = z.object({
  ...policyFields,
  version: z.number().int().min(0),
});

export const ZLockedUser = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  regionName: z.string(),
  lockedUntil: z.string().datetime(),
  failedLogins: z.number().int(),
});

export const ZLockedUserList = z.object({ items: z.array(ZLockedUser) });

export const ZUserIdParams = z.object({ id: z.string().uuid() });

export type TSecurityPolicy = z.infer<typeof ZSecurityPolicy>;
export type TUpdateSecurityPolicyRequest = z.infer<typeof ZUpdateSecurityPolicyRequest>;
export type TLockedUser = z.infer<typeof ZLockedUser>;
