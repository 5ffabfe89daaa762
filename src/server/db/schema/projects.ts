import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
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
import { STAGES } from '../../../domain/lifecycle';
import { regions, units, users } from './core';
import { enterprises } from './enterprises';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

/** Uploaded documents (agreements, ledgers), kept in the database so backups hold them. */
export const files = pgTable('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Next sequence number of a readable project code per year and region. */
export const projectCodeCounters = pgTable(
  'project_code_counters',
  {
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.regionCode] })],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Name with region prefix and legal form stripped, Traditional folded: for duplicate checks. */
    nameCore: text('name_core').notNull(),
    /** Pinyin initials and full pinyin, space separated, for search. */
    namePinyin: text('name_pinyin').notNull().default(''),
    industrySection: text('industry_section'),
    industryDivision: text('industry_division'),
    chainNodeId: uuid('chain_node_id'),
    totalInvestmentWan: money('total_investment_wan').notNull(),
    foreignInvestmentUsdWan: money('foreign_investment_usd_wan'),
    fixedAssetInvestmentWan: money('fixed_asset_investment_wan'),
    landDemandMu: numeric('land_demand_mu', { precision: 12, scale: 2 }),
    jobs: integer('jobs'),
    expectedTaxWan: money('expected_tax_wan'),
    sourceChannel: text('source_channel').notNull(),
    /** 首谈单位 / 首谈地: who leads from negotiation to landing (liaoyuan §三.二). */
    firstUnitId: uuid('first_unit_id')
      .notNull()
      .references(() => units.id),
    firstRegionCode: text('first_region_code')
      .notNull()
      .references(() => regions.code),
    /** 落地地: where the project is (to be) built. */
    hostRegionCode: text('host_region_code')
      .notNull()
      .references(() => regions.code),
    /** The unit that owes the monthly progress report (the first-negotiation unit by default). */
    responsibleUnitId: uuid('responsible_unit_id')
      .notNull()
      .references(() => units.id),
    responsibleLeader: text('responsible_leader'),
    confidentiality: text('confidentiality', { enum: ['normal', 'confidential'] })
      .notNull()
      .default('normal'),
    stage: text('stage', { enum: STAGES }).notNull(),
    stageEnteredOn: date('stage_entered_on').notNull(),
    signingDate: date('signing_date'),
    contractAmountWan: money('contract_amount_wan'),
    parties: text('parties').array(),
    agreementFileId: uuid('agreement_file_id').references(() => files.id),
    registeredDate: date('registered_date'),
    startDate: date('start_date'),
    productionDate: date('production_date'),
    achievedDate: date('achieved_date'),
    terminationReason: text('termination_reason'),
    terminationText: text('termination_text'),
    /** The stage a terminated project left, so it can be reopened there. */
    terminatedFrom: text('terminated_from', { enum: STAGES }),
    lastSubstantiveProgressOn: date('last_substantive_progress_on'),
    stalledSince: date('stalled_since'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('projects_code_uq').on(t.code),
    index('projects_stage_idx').on(t.stage, t.updatedAt.desc().nullsFirst()),
    index('projects_host_region_idx').on(t.hostRegionCode, t.stage),
    index('projects_first_region_idx').on(t.firstRegionCode, t.stage),
    index('projects_first_unit_idx').on(t.firstUnitId),
    index('projects_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('projects_name_core_trgm_idx').using('gin', sql`${t.nameCore} gin_trgm_ops`),
    index('projects_pinyin_trgm_idx').using('gin', sql`${t.namePinyin} gin_trgm_ops`),
  ],
);

export const projectEnterprises = pgTable(
  'project_enterprises',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    role: text('role', { enum: ['investor', 'partner'] })
      .notNull()
      .default('investor'),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.enterpriseId] }),
    index('project_enterprises_ent_idx').on(t.enterpriseId),
  ],
);

/** Every stage change with who, when and why, and the gate fields it was given. */
export const projectTransitions = pgTable(
  'project_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: STAGES }),
    toStage: text('to_stage', { enum: STAGES }).notNull(),
    direction: text('direction', { enum: ['create', 'forward', 'backward', 'terminate', 'reopen'] }).notNull(),
    reason: text('reason'),
    gate: jsonb('gate').notNull().default({}),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_transitions_project_idx').on(t.projectId, t.at)],
);

/** Monthly progress reports; a correction after the month closed is a new version, the old kept. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    version: integer('version').notNull().default(1),
    isCurrent: boolean('is_current').notNull().default(true),
    text: text('text').notNull(),
    substantiveProgress: boolean('substantive_progress').notNull(),
    fundsInPlaceWan: money('funds_in_place_wan').notNull().default('0'),
    problems: text('problems'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /** Submitted after the due day of its month. */
    late: boolean('late').notNull().default(false),
    correctionReason: text('correction_reason'),
  },
  (t) => [
    uniqueIndex('progress_reports_version_uq').on(t.projectId, t.month, t.version),
    index('progress_reports_current_idx')
      .on(t.projectId, t.month)
      .where(sql`${t.isCurrent}`),
    index('progress_reports_month_idx').on(t.month, t.unitId),
  ],
);

/** 包保专班: a task force assigned to a project (from the stalled list, or to a major project). */
export const taskForces = pgTable(
  'task_forces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    leaderName: text('leader_name').notNull(),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    members: text('members')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('task_forces_project_idx').on(t.projectId)],
);
