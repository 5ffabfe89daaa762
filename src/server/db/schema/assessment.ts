import {
  bigint,
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
import type { Bilingual } from '../../../domain/errors';
import type { SchemeRules } from '../../../domain/assessment';
import { regions, units, users } from './core';
import { projects } from './projects';

/**
 * Targets, assessment and the summaries the dashboard reads (src/domain/indicators.ts,
 * targets.ts, assessment.ts, sampling.ts). The summary tables are maintained by triggers written
 * in the `assessment_summary` custom migration.
 */

/** The indicators' written definitions and versions, as published (copied from src/domain/indicators.ts on start). */
export const indicatorDefinitions = pgTable(
  'indicator_definitions',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: jsonb('name').$type<Bilingual>().notNull(),
    unit: text('unit').notNull(),
    definition: jsonb('definition').$type<Bilingual>().notNull(),
    formula: jsonb('formula').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);

/** An annual target of a region for one indicator: entered, decomposed from the parent, or from a seed document. */
export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    indicator: text('indicator').notNull(),
    value: numeric('value', { precision: 20, scale: 4 }).notNull(),
    origin: text('origin', { enum: ['entered', 'decomposed', 'seed'] }).notNull(),
    /** The clause or the parent decomposition it comes from. */
    source: text('source'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('targets_uq').on(t.year, t.regionCode, t.indicator),
    index('targets_region_idx').on(t.regionCode, t.year),
  ],
);

/** An assessment scheme of a region (from its pack): the regions under it are ranked by these rules. */
export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: jsonb('name').$type<Bilingual>().notNull(),
    packId: text('pack_id'),
    rules: jsonb('rules').$type<SchemeRules>().notNull(),
    validFrom: integer('valid_from_year').notNull(),
    validTo: integer('valid_to_year'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_schemes_region_idx').on(t.regionCode)],
);

/** A closed period: the ranking exactly as it stood, frozen. Later corrections are separate rows. */
export const periodSnapshots = pgTable(
  'period_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    period: text('period').notNull(),
    /** The ranking document (see assessment/schema.ts ZRanking). */
    data: jsonb('data').notNull(),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('period_snapshots_uq').on(t.regionCode, t.period)],
);

/** A correction to a frozen figure: shown beside it, never written into it. */
export const snapshotCorrections = pgTable(
  'snapshot_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => periodSnapshots.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    indicator: text('indicator').notNull(),
    previousValue: text('previous_value'),
    correctedValue: text('corrected_value').notNull(),
    reason: text('reason').notNull(),
    correctedBy: uuid('corrected_by').references(() => users.id),
    correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('snapshot_corrections_snapshot_idx').on(t.snapshotId)],
);

/**
 * What each project contributes to the summary: one row per (region, basis, month, metric).
 * Kept so a change can subtract exactly what the project added before (triggers).
 */
export const summaryFacts = pgTable(
  'summary_facts',
  {
    projectId: uuid('project_id').notNull(),
    regionCode: text('region_code').notNull(),
    /** host: the project's host region; credit: another region credited for a transferred project. */
    basis: text('basis', { enum: ['host', 'credit'] }).notNull(),
    month: text('month').notNull(),
    metric: text('metric').notNull(),
    count: integer('count').notNull(),
    amount: numeric('amount', { precision: 24, scale: 4 }).notNull(),
  },
  (t) => [
    index('summary_facts_project_idx').on(t.projectId),
    index('summary_facts_drill_idx').on(t.metric, t.month, t.regionCode),
  ],
);

/** Sums of the facts per region, basis, month and metric: what dashboards and rankings read. */
export const regionMonthSummary = pgTable(
  'region_month_summary',
  {
    regionCode: text('region_code').notNull(),
    basis: text('basis', { enum: ['host', 'credit'] }).notNull(),
    month: text('month').notNull(),
    metric: text('metric').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
    amount: numeric('amount', { precision: 24, scale: 4 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.basis, t.month, t.metric] }),
    index('region_month_summary_month_idx').on(t.month, t.metric),
  ],
);

/** 抽样核查: a draw of projects per unit for verifiers. */
export const samplingChecks = pgTable(
  'sampling_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    perUnit: integer('per_unit').notNull(),
    seed: text('seed').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sampling_checks_region_idx').on(t.regionCode, t.year)],
);

/** One sampled project and the verifier's finding. */
export const samplingItems = pgTable(
  'sampling_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => samplingChecks.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    result: text('result', { enum: ['confirmed', 'corrected', 'false'] }),
    note: text('note'),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sampling_items_uq').on(t.checkId, t.projectId),
    index('sampling_items_unit_idx').on(t.unitId, t.result),
  ],
);
