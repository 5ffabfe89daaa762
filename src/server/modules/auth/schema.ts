import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../domain/password-policy';
import { ROLES } from '../../db/schema';
import { ACTIONS, type RouteAction } from '../../../domain/permissions';

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/**
 * A password to set. The length floor is checked here; the rest of the policy (the security
 * policy's minimum, the username, guessability, the last passwords) by the service.
 */
export const ZPassword = z
  .string()
  .min(
    MIN_PASSWORD_LENGTH,
    `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符|The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
  )
  .max(MAX_PASSWORD_LENGTH)
  .describe(
    'At least 12 characters (or the security policy’s minimum), not containing the username, not one of the last 5, and hard to guess (zxcvbn score 3+)',
  );

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: ZPassword,
});

export const ZPendingStep = z
  .enum(['totp', 'enrol-totp', 'change-password'])
  .nullable()
  .describe('A step the session owes before anything else opens: totp (second factor), change-password, enrol-totp');

export const ZMe = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unit: z.object({ id: z.string().uuid(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  csrfToken: z.string().describe('Send as the x-csrf-token header on every mutation'),
  pending: ZPendingStep,
  actions: z
    .array(z.enum(Object.keys(ACTIONS) as [RouteAction, ...RouteAction[]]))
    .describe('What the caller may do (src/domain/permissions.ts): the web shows only what these allow'),
  totpEnabled: z.boolean().optional().describe('Two-factor sign-in is on'),
  mfaRequired: z.boolean().optional().describe('The role must keep two-factor sign-in on'),
});

export const ZTotpRequest = z.object({
  code: z.string().trim().min(6).max(20).describe('A 6-digit authenticator code, or a recovery code xxxxx-xxxxx'),
});

export const ZTotpSetup = z.object({
  secret: z.string().describe('Base32 secret, for typing into an authenticator app'),
  uri: z.string().describe('otpauth:// URI, for a QR code'),
});

export const ZTotpEnableRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请输入 6 位数字|Enter the 6 digits'),
});

export const ZRecoveryCodes = z.object({
  recoveryCodes: z.array(z.string()).describe('Ten one-time codes, shown only this once'),
});

export const ZPasswordConfirmation = z.object({ password: z.string().min(1).max(256) });

export type TLoginRequest = z.infer<typeof ZLoginRequest>;
export type TMe = z.infer<typeof ZMe>;
