import {
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ACTIVITY_KINDS } from '../../../domain/quotas';
import { PARTNER_KINDS, PARTNER_STATUSES } from '../../../domain/rewards';
import { regions, units, users } from './core';
import { projects } from './projects';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * 招商合作伙伴: advisors (liaoyuan §二), chambers of commerce (liaoyuan §二 and annex), intermediaries
 * (gansu §(六), jiangmen §(八)) and ambassadors / global partners (jiaxing §二(二)9). The owner unit
 * keeps the record; `region_code` is that unit's region, which scopes it.
 */
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: PARTNER_KINDS }).notNull(),
    name: text('name').notNull(),
    contactPerson: text('contact_person'),
    phone: text('phone'),
    email: text('email'),
    /** ISO 3166-1 alpha-2 country where the partner works. */
    country: text('country').notNull().default('CN'),
    /** Where the partner sits, in words (上海, 法兰克福, 广东省深圳市). */
    location: text('location'),
    focusIndustries: text('focus_industries').array().notNull().default([]),
    status: text('status', { enum: PARTNER_STATUSES }).notNull().default('active'),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('partners_region_idx').on(t.regionCode, t.kind),
    uniqueIndex('partners_owner_name_uq').on(t.ownerUnitId, t.kind, t.name),
  ],
);

/** 引荐: a partner brought a project. A reward falls due when the project lands (rewards.ts). */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    referredOn: date('referred_on').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('referrals_partner_project_uq').on(t.partnerId, t.projectId),
    index('referrals_project_idx').on(t.projectId),
  ],
);

/**
 * 招商活动 and 外出招商: expos, promotion events, online events (云推介/云洽谈/云签约, gansu §(十))
 * and trips, with their leader, participants, targets (gansu §(七)) and results.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    title: text('title').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    destination: text('destination'),
    organisingUnitId: uuid('organising_unit_id')
      .notNull()
      .references(() => units.id),
    /** The organising unit's region: scope, and the locality whose leader quotas the activity counts for. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    leaderName: text('leader_name'),
    participants: text('participants').array().notNull().default([]),
    targetProjects: integer('target_projects'),
    targetAmountWan: numeric('target_amount_wan', { precision: 18, scale: 2 }),
    targetLeads: integer('target_leads'),
    leadsCount: integer('leads_count').notNull().default(0),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activities_region_start_idx').on(t.regionCode, t.startDate),
    index('activities_leader_idx').on(t.leaderName),
  ],
);

/** Projects an activity produced (signed or negotiated there): its results. */
export const activityProjects = pgTable(
  'activity_projects',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    linkedBy: uuid('linked_by').references(() => users.id),
    linkedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.projectId] }), index('activity_projects_project_idx').on(t.projectId)],
);

/** 驻点招商: a team sent out to a destination from `from_date` until `to_date` (open while null). */
export const teamDeployments = pgTable(
  'team_deployments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamName: text('team_name').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    destination: text('destination').notNull(),
    members: text('members').array().notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('team_deployments_region_idx').on(t.regionCode, t.fromDate)],
);
