import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units, users } from './core';
import { enterprises } from './enterprises';
import { projects } from './projects';

/** 评审会: a review meeting's collective decision on a project, with scores, risk checklist and minutes. */
export const projectReviews = pgTable(
  'project_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    meetingDate: date('meeting_date').notNull(),
    /** 'city' | 'county' (liaoyuan §三.四 two-level decision). */
    level: text('level', { enum: ['city', 'county'] }).notNull(),
    members: text('members').array().notNull(),
    /** [{ criterion, score, max }] */
    scores: jsonb('scores').notNull().default([]),
    /** [{ key, result, note }] — the risk checklist of src/domain/review.ts. */
    risks: jsonb('risks').notNull().default([]),
    decision: text('decision', { enum: ['approve', 'reject', 'defer'] }).notNull(),
    minutes: text('minutes').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_reviews_project_idx').on(t.projectId, t.meetingDate)],
);

/** 投资协议: an investment agreement of a project, whose obligations are followed up. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** 协议编号 */
    agreementNo: text('agreement_no').notNull(),
    signedOn: date('signed_on').notNull(),
    /** The enterprise party, the letter's addressee. */
    enterpriseName: text('enterprise_name').notNull(),
    /** The government party that issues reminder letters. */
    governmentParty: text('government_party').notNull(),
    /** End of the enterprise's policy support period, and by how many days delays shortened it. */
    supportEndsOn: date('support_ends_on'),
    supportShortenedDays: integer('support_shortened_days').notNull().default(0),
    status: text('status', { enum: ['active', 'terminated', 'exempted'] })
      .notNull()
      .default('active'),
    /** 容错免责: cause, procedure steps and the rule's clause. */
    exemption: jsonb('exemption'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreements_project_idx').on(t.projectId)],
);

/** 履约事项: one obligation of an agreement (the enterprise's, or a government commitment). */
export const obligations = pgTable(
  'obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    party: text('party', { enum: ['enterprise', 'government'] }).notNull(),
    kind: text('kind').notNull(),
    /** The agreement clause, e.g. 第五条第二款. */
    clause: text('clause').notNull(),
    description: text('description').notNull(),
    dueDate: date('due_date').notNull(),
    /** Measured obligations: the year the figure is for, the agreed value and the value reached. */
    measureYear: integer('measure_year'),
    targetValue: numeric('target_value', { precision: 18, scale: 4 }),
    actualValue: numeric('actual_value', { precision: 18, scale: 4 }),
    metOn: date('met_on'),
    delayCause: text('delay_cause', { enum: ['enterprise', 'objective'] }),
    status: text('status', { enum: ['pending', 'due', 'met', 'late', 'breached', 'exempted'] })
      .notNull()
      .default('pending'),
    statusOn: date('status_on'),
    /** Government side: a late commitment is flagged for the government's own follow-up. */
    governmentFlagged: date('government_flagged'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('obligations_agreement_idx').on(t.agreementId),
    index('obligations_open_idx')
      .on(t.dueDate)
      .where(sql`${t.status} not in ('met', 'exempted')`),
  ],
);

/** 履约提醒函 as sent: the letter's fields are kept, so the same .docx can be produced again. */
export const reminderLetters = pgTable(
  'reminder_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    obligationId: uuid('obligation_id')
      .notNull()
      .references(() => obligations.id, { onDelete: 'cascade' }),
    docNo: text('doc_no').notNull(),
    sentOn: date('sent_on').notNull(),
    /** Everything the letter says (addressee, agreement, clause, obligation, due date, action, deadline, issuer). */
    content: jsonb('content').notNull(),
    sentBy: uuid('sent_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reminder_letters_obligation_idx').on(t.obligationId)],
);

/** 项目服务专员 of a major project (jiangmen §(十四)). */
export const serviceCommissioners = pgTable('service_commissioners', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => units.id),
  phone: text('phone'),
  assignedBy: uuid('assigned_by').references(() => users.id),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 服务台账事项: a problem of a project assigned to a department with a due date. */
export const serviceTickets = pgTable(
  'service_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => units.id),
    openedOn: date('opened_on').notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    closedOn: date('closed_on'),
    resolution: text('resolution'),
    /** Put on the coordination meeting list (协调会) when it went overdue. */
    escalatedOn: date('escalated_on'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_tickets_project_idx').on(t.projectId),
    index('service_tickets_department_idx').on(t.departmentId, t.status),
  ],
);

export const ticketNotes = pgTable(
  'ticket_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => serviceTickets.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_notes_ticket_idx').on(t.ticketId, t.at)],
);

/** 督办通知 to a project's lead unit (jiangmen §(十八)). */
export const supervisionNotices = pgTable(
  'supervision_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').references(() => serviceTickets.id, { onDelete: 'set null' }),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    text: text('text').notNull(),
    issuedOn: date('issued_on').notNull(),
    replyBy: date('reply_by').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('supervision_notices_project_idx').on(t.projectId)],
);

/** An occasion of "六必访" recorded for an enterprise (gansu §(二十一)); it calls for a visit. */
export const visitOccasions = pgTable(
  'visit_occasions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    occasion: text('occasion').notNull(),
    occurredOn: date('occurred_on').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_occasions_enterprise_idx').on(t.enterpriseId, t.occasion)],
);

/** An enterprise visit (走访) with its occasion. */
export const enterpriseVisits = pgTable(
  'enterprise_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    occasion: text('occasion').notNull(),
    visitedOn: date('visited_on').notNull(),
    visitors: text('visitors').array().notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enterprise_visits_enterprise_idx').on(t.enterpriseId, t.occasion, t.visitedOn)],
);
