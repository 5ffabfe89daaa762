import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions, users } from './core';
import { buildings, parcels } from './factors';
import { projects } from './projects';

/**
 * The public investor portal (投资者门户, gansu §(十) 云推介/云洽谈): an investor states an intent
 * online; it reaches the officers of the right region, who take it up as a project in 洽谈
 * (accepted) or decline it with a reason.
 */

export const INQUIRY_STATUSES = ['new', 'accepted', 'declined'] as const;

/** 投资意向: what an investor submitted through the portal, and what the region decided. */
export const inquiries = pgTable(
  'inquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What the investor is told and quotes: `YX-<China date>-<per-day seq>`, e.g. `YX-20261125-0007`. */
    reference: text('reference').notNull(),
    company: text('company').notNull(),
    contactName: text('contact_name').notNull(),
    phone: text('phone').notNull(),
    email: text('email'),
    /** The region whose officers answer: the one named, or the region of the parcel/building asked about. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    industry: text('industry'),
    investmentWan: numeric('investment_wan', { precision: 18, scale: 2 }),
    landMu: numeric('land_mu', { precision: 14, scale: 2 }),
    message: text('message').notNull(),
    /** The published item asked about, if any: one real foreign key per kind (as reservations do). */
    parcelId: uuid('parcel_id').references(() => parcels.id),
    buildingId: uuid('building_id').references(() => buildings.id),
    status: text('status', { enum: INQUIRY_STATUSES }).notNull().default('new'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    declineReason: text('decline_reason'),
    /** The project an accepted inquiry became. */
    projectId: uuid('project_id').references(() => projects.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inquiries_reference_uq').on(t.reference),
    // The officers' list: scope by region, a status, newest first.
    index('inquiries_region_status_created_idx').on(t.regionCode, t.status, t.createdAt.desc().nullsFirst()),
    index('inquiries_project_idx').on(t.projectId),
    check('inquiries_status_ck', sql`${t.status} in ('new', 'accepted', 'declined')`),
    check('inquiries_one_item_ck', sql`num_nonnulls(${t.parcelId}, ${t.buildingId}) <= 1`),
    // A decision is recorded whole: who and when, the reason of a decline, the project of an acceptance.
    check(
      'inquiries_decision_ck',
      sql`(${t.status} = 'new') = (${t.decidedAt} is null and ${t.decidedBy} is null)
        and (${t.status} = 'declined') = (${t.declineReason} is not null)
        and (${t.status} = 'accepted') = (${t.projectId} is not null)`,
    ),
  ],
);

/** Last reference number handed out on a China calendar day. */
export const inquiryDayCounters = pgTable('inquiry_day_counters', {
  day: date('day').primaryKey(),
  last: integer('last').notNull(),
});
