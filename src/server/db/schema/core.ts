import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Regions: GB/T 2260 codes for administrative regions, synthetic `xxxxZn` codes for zones. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    level: text('level', { enum: ['country', 'province', 'city', 'county', 'zone'] }).notNull(),
    parentCode: text('parent_code'),
    /** Materialised path of codes, `/000000/220000/220400/`; a subtree is a prefix. */
    path: text('path').notNull(),
    zoneLevel: text('zone_level', { enum: ['national', 'provincial', 'other'] }),
    sort: integer('sort').notNull().default(0),
    /**
     * Where the region's government (a zone's management committee) sits, WGS-84 degrees: the
     * point a county or zone is drawn at on its city's map, where no county boundary is shipped.
     */
    seatLng: numeric('seat_lng', { precision: 9, scale: 6 }),
    seatLat: numeric('seat_lat', { precision: 8, scale: 6 }),
  },
  (t) => [
    index('regions_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('regions_parent_idx').on(t.parentCode),
    check(
      'regions_seat_check',
      sql`(${t.seatLng} is null) = (${t.seatLat} is null) and ${t.seatLng} between -180 and 180 and ${t.seatLat} between -90 and 90`,
    ),
  ],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    kind: text('kind', {
      enum: ['government', 'department', 'centre', 'outpost', 'zone_committee', 'other'],
    }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('units_region_idx').on(t.regionCode), uniqueIndex('units_region_name_uq').on(t.regionCode, t.name)],
);

/**
 * `admin` is the system administrator (系统管理员: users, units, regions); `security` the security
 * administrator (安全管理员: password and session policy, unlocking accounts); `auditor` the audit
 * administrator (审计管理员: reads the audit trail). 等保 2.0 三权分立: none of the three does another's job.
 */
export const ROLES = ['admin', 'leader', 'officer', 'liaison', 'viewer', 'verifier', 'security', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** Set for a generated or reset password: the user must choose their own at the next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Base32 TOTP secret (RFC 6238); enrolment is confirmed once `totpEnabledAt` is set. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`), index('users_unit_idx').on(t.unitId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a leaked table does not leak live sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** A session that passed the password but still owes its second factor; it opens nothing else. */
    pending: text('pending', { enum: ['totp'] }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** The hashes of a user's earlier passwords, so a new one cannot repeat the last few. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt.desc().nullsFirst())],
);

/** One-time recovery codes for two-factor sign-in, stored as sha256 hashes. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * Fixed-window request counters shared by every server instance (sign-in per username and per
 * address, portal inquiries per address): `bucket` names the limit and its key.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    bucket: text('bucket').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index('rate_limit_hits_window_idx').on(t.windowStart)],
);

/** Append-only, hash-chained history of every mutation (a trigger refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    regionCode: text('region_code'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** The hash is an HMAC under the key kept outside the database (rows before it are plain sha256). */
    keyed: boolean('keyed').notNull().default(false),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_at_idx').on(t.at.desc().nullsFirst()),
    index('audit_actor_idx').on(t.actorId, t.at.desc().nullsFirst()),
  ],
);

export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    /** Identifies one occurrence (e.g. the scheduled minute) so instances enqueue it once. */
    dedupeKey: text('dedupe_key').notNull(),
    payload: jsonb('payload').notNull().default({}),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: ['pending', 'running', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lockedBy: text('locked_by'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('jobs_name_dedupe_uq').on(t.name, t.dedupeKey), index('jobs_pending_idx').on(t.status, t.runAt)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    entity: text('entity'),
    entityId: text('entity_id'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt.desc().nullsFirst())],
);

/** Key/value facts about this installation (schema seeded, demo loaded, …). */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});
