import { z } from 'zod';
import { passwordProblems } from '../domain/password-policy';
import { trustProxyEntries, trustProxyEntryProblem } from './lib/trust-proxy';

const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    /** The first admin's password; held to the password policy (the demo password is published anyway). */
    ADMIN_PASSWORD: z
      .string()
      .superRefine((value, ctx) => {
        for (const problem of passwordProblems(value, { username: 'admin' })) {
          ctx.addIssue({ code: 'custom', message: `${problem.en} / ${problem.zh}` });
        }
      })
      .optional(),
    DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('Demo@2025'),
    /** Load the demo world (16 accounts with a published password); default: on the embedded database only. */
    SEED_DEMO: z.enum(['true', 'false']).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
    /** A session unused this long ends (等保 身份鉴别: 登录连接超时自动退出); the security policy may override. */
    SESSION_IDLE_MINUTES: z.coerce.number().int().positive().max(1440).default(30),
    /** Two-factor sign-in for admin, security and auditor; default: on with DATABASE_URL, off on the embedded demo. */
    MFA_REQUIRED: z.enum(['true', 'false']).optional(),
    JOBS: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** Failed sign-ins per user name per 15 minutes (unknown names included), shared by every instance. */
    LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
    /** Failed sign-ins per client address per 15 minutes, whatever the names: stops spraying many names. */
    LOGIN_ADDRESS_RATE_LIMIT: z.coerce.number().int().positive().default(30),
    /** Proxies (addresses, CIDRs) whose X-Forwarded-For is believed; empty: the socket address is the client. */
    TRUST_PROXY: z
      .string()
      .default('')
      .transform((value, ctx) => {
        const entries = trustProxyEntries(value);
        for (const entry of entries) {
          const problem = trustProxyEntryProblem(entry);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }
        return entries;
      }),
    /** Investor-portal inquiries accepted per IP address per hour. */
    INQUIRY_RATE_LIMIT: z.coerce.number().int().positive().default(20),
    BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
    /** The audit chain's HMAC key (hex or base64, at least 32 bytes); kept outside the database. */
    AUDIT_KEY: z
      .string()
      .refine((v) => auditKeyBytes(v) !== null, 'must be at least 32 bytes, as hex or base64')
      .optional(),
    /** A file holding the audit key (hex or base64); used when AUDIT_KEY is not set. */
    AUDIT_KEY_FILE: z.string().min(1).optional(),
    /** Where signed checkpoints of the audit chain's head are written (default DATA_DIR/audit-checkpoints). */
    AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  })
  // A server on PostgreSQL is a deployment; the embedded database is the two-command demo.
  .transform(({ SEED_DEMO, MFA_REQUIRED, ...rest }) => ({
    ...rest,
    SEED_DEMO: SEED_DEMO === undefined ? !rest.DATABASE_URL : SEED_DEMO === 'true',
    MFA_REQUIRED: MFA_REQUIRED === undefined ? Boolean(rest.DATABASE_URL) : MFA_REQUIRED === 'true',
  }));

export type Config = z.infer<typeof ConfigSchema>;

/** The bytes of an audit key written as hex (64+ digits) or base64, or null when shorter than 32 bytes. */
export function auditKeyBytes(text: string): Buffer | null {
  const v = text.trim();
  const bytes = /^(?:[0-9a-f]{2})+$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  return bytes.length >= 32 ? bytes : null;
}

/** Reads and validates the environment once; a bad value stops the start with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration / 配置有误:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
