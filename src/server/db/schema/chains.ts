import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  SEGMENT_NEEDS,
  SEGMENT_POSITIONS,
  SEGMENT_PRIORITIES,
  SEGMENT_STRENGTHS,
  TARGET_STATUSES,
} from '../../../domain/chain-targets';
import type { Bilingual } from '../../../domain/errors';
import { regions, units, users } from './core';
import { enterprises } from './enterprises';
import { projects } from './projects';

/**
 * Entries of the guidance catalogs (src/domain/catalogs/*.json), loaded on first start so
 * classifications can reference them. The JSON files stay the source; this is a copy.
 */
export const catalogEntries = pgTable(
  'catalog_entries',
  {
    code: text('code').primaryKey(),
    catalogId: text('catalog_id').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    groupKey: text('group_key').notNull(),
    groupName: jsonb('group_name').$type<Bilingual>().notNull(),
    name: jsonb('name').$type<Bilingual>().notNull(),
    source: text('source').notNull(),
    divisions: text('divisions').array().notNull(),
    sort: integer('sort').notNull(),
  },
  (t) => [index('catalog_entries_catalog_idx').on(t.catalogId, t.sort)],
);

/** A project or enterprise placed in a catalog entry: suggested by its industry, or set by an officer. */
export const catalogClassifications = pgTable(
  'catalog_classifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type', { enum: ['project', 'enterprise'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    entryCode: text('entry_code')
      .notNull()
      .references(() => catalogEntries.code),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_classifications_uq').on(t.entityType, t.entityId, t.entryCode),
    index('catalog_classifications_entry_idx').on(t.entryCode),
  ],
);

/** An industry chain (产业链) of a region, optionally the chain of a catalog entry. */
export const chains = pgTable(
  'chains',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    catalogEntryCode: text('catalog_entry_code').references(() => catalogEntries.code),
    /** A key chain (重点产业链): its projects count towards the key-chain investment share. */
    isKey: boolean('is_key').notNull().default(true),
    description: text('description'),
    source: text('source'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('chains_region_name_uq').on(t.regionCode, t.name), index('chains_region_idx').on(t.regionCode)],
);

/** 链长制: the chain leader, lead unit(s), service secretary and working group of a chain. */
export const chainTeams = pgTable('chain_teams', {
  chainId: uuid('chain_id')
    .primaryKey()
    .references(() => chains.id, { onDelete: 'cascade' }),
  leaderName: text('leader_name'),
  leadUnitId: uuid('lead_unit_id').references(() => units.id),
  /** The responsible units exactly as the policy names them (some are not platform units). */
  leadUnitNames: text('lead_unit_names')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  secretaryName: text('secretary_name'),
  /** Working group (工作专班) members, "name — unit" as officers write them. */
  members: text('members')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
});

/** A segment (环节) of a chain map; segments nest through parent_id. */
export const chainSegments = pgTable(
  'chain_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chainId: uuid('chain_id')
      .notNull()
      .references(() => chains.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => chainSegments.id),
    position: text('position', { enum: SEGMENT_POSITIONS }).notNull(),
    name: text('name').notNull(),
    strength: text('strength', { enum: SEGMENT_STRENGTHS }).notNull(),
    need: text('need', { enum: SEGMENT_NEEDS }),
    priority: text('priority', { enum: SEGMENT_PRIORITIES }).notNull().default('may'),
    industryDivisions: text('industry_divisions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note'),
    source: text('source'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('chain_segments_chain_idx').on(t.chainId, t.sort), index('chain_segments_parent_idx').on(t.parentId)],
);

/** Local enterprises of a segment; chain owners (链主) are marked. Named ones may not be in the library yet. */
export const segmentEnterprises = pgTable(
  'segment_enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => chainSegments.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    name: text('name').notNull(),
    role: text('role', { enum: ['owner', 'local'] })
      .notNull()
      .default('local'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('segment_enterprises_uq').on(t.segmentId, t.name),
    index('segment_enterprises_ent_idx').on(t.enterpriseId),
  ],
);

/** 目标企业清单: an enterprise a segment wants to attract, and how far the approach has gone. */
export const targetEnterprises = pgTable(
  'target_enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => chainSegments.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    status: text('status', { enum: TARGET_STATUSES }).notNull().default('not_contacted'),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    lastContactOn: date('last_contact_on'),
    note: text('note'),
    /** The project it was converted into. */
    projectId: uuid('project_id').references(() => projects.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('target_enterprises_uq').on(t.segmentId, t.enterpriseId),
    index('target_enterprises_ent_idx').on(t.enterpriseId),
  ],
);

/** Each contact with a target enterprise: when, how, what was said. */
export const targetContacts = pgTable(
  'target_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => targetEnterprises.id, { onDelete: 'cascade' }),
    contactedOn: date('contacted_on').notNull(),
    channel: text('channel'),
    summary: text('summary').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('target_contacts_target_idx').on(t.targetId, t.contactedOn)],
);
