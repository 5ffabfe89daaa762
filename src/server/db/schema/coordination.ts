import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { regions, units, users } from './core';
import { projects } from './projects';

/**
 * Coordination between regions: first report (首报首谈), duplicate conflicts, transfer (流转),
 * credit, escalation (提级) with "三个一", pre-signing filing (签约报备) and stalled-redirect consent.
 */

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Who reported a project first, when, and the exclusive first-negotiation window it earned (jiaxing §二(一)3). */
export const firstReports = pgTable(
  'first_reports',
  {
    projectId: uuid('project_id')
      .primaryKey()
      .references(() => projects.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    reportedOn: date('reported_on').notNull(),
    /** At or over the pack's first-report threshold. */
    subject: boolean('subject').notNull().default(false),
    /** Last day of the exclusive window; null when the project earned none. */
    exclusivityEndsOn: date('exclusivity_ends_on'),
    source: text('source'),
    packId: text('pack_id'),
    /** The day the "window ends in 7 days" reminder went out. */
    remindedOn: date('reminded_on'),
  },
  (t) => [index('first_reports_ends_idx').on(t.exclusivityEndsOn)],
);

/** A registration that matched another region's project: a conflict to arbitrate, or a warning. */
export const coordinationConflicts = pgTable(
  'coordination_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    otherProjectId: uuid('other_project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    level: text('level', { enum: ['conflict', 'warning'] }).notNull(),
    /** open: held for arbitration; upheld: the first reporter keeps it; released: both may go on; noted: a warning. */
    status: text('status', { enum: ['open', 'upheld', 'released', 'noted'] }).notNull(),
    basis: text('basis', { enum: ['credit_code', 'name_core'] }).notNull(),
    arbiterRegionCode: text('arbiter_region_code')
      .notNull()
      .references(() => regions.code),
    detectedOn: date('detected_on').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('coordination_conflicts_pair_uq').on(t.projectId, t.otherProjectId),
    index('coordination_conflicts_arbiter_idx').on(t.arbiterRegionCode, t.status),
    index('coordination_conflicts_other_idx').on(t.otherProjectId),
  ],
);

/** 流转: a project offered to another region (or redirected there after stalling), and the answer. */
export const projectTransfers = pgTable(
  'project_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['transfer', 'redirect'] }).notNull(),
    fromRegionCode: text('from_region_code')
      .notNull()
      .references(() => regions.code),
    toRegionCode: text('to_region_code')
      .notNull()
      .references(() => regions.code),
    offeredBy: uuid('offered_by').references(() => users.id),
    offeredByUnitId: uuid('offered_by_unit_id')
      .notNull()
      .references(() => units.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['offered', 'accepted', 'declined', 'withdrawn'] })
      .notNull()
      .default('offered'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredByUnitId: uuid('answered_by_unit_id').references(() => units.id),
    answerReason: text('answer_reason'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('project_transfers_project_idx').on(t.projectId, t.createdAt),
    index('project_transfers_to_idx').on(t.toRegionCode, t.status),
    index('project_transfers_from_idx').on(t.fromRegionCode, t.status),
    // One open offer per project at a time.
    uniqueIndex('project_transfers_open_uq')
      .on(t.projectId)
      .where(sql`${t.status} = 'offered'`),
  ],
);

/** Assessment credit for a landed transferred project (jiaxing §二(一)3: 首谈地和承接地同等赋分). */
export const coordinationCredits = pgTable(
  'coordination_credits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    role: text('role', { enum: ['first', 'host'] }).notNull(),
    /** 1 = full credit; "equal" gives both regions 1. */
    share: numeric('share', { precision: 5, scale: 4 }).notNull(),
    rule: text('rule').notNull(),
    source: text('source').notNull(),
    landedOn: date('landed_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('coordination_credits_uq').on(t.projectId, t.role),
    index('coordination_credits_region_idx').on(t.regionCode, t.landedOn),
  ],
);

/** 提级: a signing at or over the threshold on the higher level's major-project list, with its "三个一". */
export const escalations = pgTable(
  'escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    toRegionCode: text('to_region_code')
      .notNull()
      .references(() => regions.code),
    amountWan: money('amount_wan').notNull(),
    thresholdWan: money('threshold_wan').notNull(),
    source: text('source').notNull(),
    escalatedOn: date('escalated_on').notNull(),
    responsibleLeader: text('responsible_leader'),
    serviceTeam: text('service_team'),
    actionPlan: text('action_plan'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    lastRemindedOn: date('last_reminded_on'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('escalations_project_uq').on(t.projectId),
    index('escalations_region_idx').on(t.toRegionCode, t.escalatedOn),
  ],
);

/** 签约报备: a major signing filed ahead with the centre (jiaxing §二(一)3). */
export const signingFilings = pgTable(
  'signing_filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    filedOn: date('filed_on').notNull(),
    plannedSigningDate: date('planned_signing_date').notNull(),
    note: text('note'),
    filedBy: uuid('filed_by').references(() => users.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    createdAt: createdAt(),
  },
  (t) => [index('signing_filings_project_idx').on(t.projectId)],
);

/** A leader's exception to the pre-signing filing rule, with its reason. */
export const filingExceptions = pgTable(
  'filing_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('filing_exceptions_project_idx').on(t.projectId)],
);

/** The first region's recorded consent to redirect a stalled negotiation (jilin §三(一)). */
export const redirectConsents = pgTable(
  'redirect_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    givenBy: uuid('given_by')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('redirect_consents_project_idx').on(t.projectId)],
);
