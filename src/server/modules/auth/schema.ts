import { z } from 'zod';
import { ROLES } from '../../db/schema';

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const ZPassword = z
  .string()
  .min(8)
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字|The password needs letters and digits');

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: ZPassword,
});

export const ZMe = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unit: z.object({ id: z.string().uuid(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }),
  csrfToken: z.string().describe('Send as the x-csrf-token header on every mutation'),
});

export type TLoginRequest = z.infer<typeof ZLoginRequest>;
export type TMe = z.infer<typeof ZMe>;
