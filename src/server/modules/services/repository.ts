import { and, asc, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import {
  agreements,
  enterprises,
  enterpriseVisits,
  obligations,
  projectReviews,
  projects,
  reminderLetters,
  serviceCommissioners,
  serviceTickets,
  supervisionNotices,
  ticketNotes,
  units,
  users,
  visitOccasions,
} from '../../db/schema';
import { type Scope, regionInScope } from '../../lib/scope';
import { projectVisible } from '../projects/repository';

// ------------------------------------------------------------------ projects and units

const projectRef = { id: projects.id, code: projects.code, name: projects.name };

/** The project facts this module needs, if the scope sees the project. */
export async function findProject(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select({
      ...projectRef,
      stage: projects.stage,
      hostRegionCode: projects.hostRegionCode,
      firstUnitId: projects.firstUnitId,
      responsibleUnitId: projects.responsibleUnitId,
      totalInvestmentWan: projects.totalInvestmentWan,
      landDemandMu: projects.landDemandMu,
      expectedTaxWan: projects.expectedTaxWan,
    })
    .from(projects)
    .where(and(eq(projects.id, id), projectVisible(scope)))
    .limit(1);
  return row;
}
export type ProjectFacts = NonNullable<Awaited<ReturnType<typeof findProject>>>;

export async function findUnit(db: Db, id: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name, regionCode: units.regionCode, active: units.active })
    .from(units)
    .where(eq(units.id, id));
  return row;
}

// ------------------------------------------------------------------ reviews

const reviewers = alias(users, 'reviewers');

export async function insertReview(tx: Db, values: typeof projectReviews.$inferInsert): Promise<string> {
  const [row] = await tx.insert(projectReviews).values(values).returning({ id: projectReviews.id });
  return row!.id;
}

export async function listReviews(db: Db, scope: Scope, filter: { projectId?: string; id?: string }) {
  return db
    .select({
      review: projectReviews,
      project: projectRef,
      landDemandMu: projects.landDemandMu,
      totalInvestmentWan: projects.totalInvestmentWan,
      expectedTaxWan: projects.expectedTaxWan,
      createdBy: { id: reviewers.id, displayName: reviewers.displayName },
    })
    .from(projectReviews)
    .innerJoin(projects, eq(projects.id, projectReviews.projectId))
    .leftJoin(reviewers, eq(reviewers.id, projectReviews.createdBy))
    .where(
      and(
        projectVisible(scope),
        filter.projectId ? eq(projectReviews.projectId, filter.projectId) : undefined,
        filter.id ? eq(projectReviews.id, filter.id) : undefined,
      ),
    )
    .orderBy(desc(projectReviews.meetingDate), desc(projectReviews.createdAt))
    .limit(500);
}
export type ReviewRow = Awaited<ReturnType<typeof listReviews>>[number];

/** Decisions of a project's reviews, for the signing gate (the caller already sees the project). */
export async function reviewFactsOf(tx: Db, projectId: string) {
  return tx
    .select({ decision: projectReviews.decision, meetingDate: projectReviews.meetingDate })
    .from(projectReviews)
    .where(eq(projectReviews.projectId, projectId));
}

// ------------------------------------------------------------------ agreements, obligations, letters

export async function insertAgreement(tx: Db, values: typeof agreements.$inferInsert): Promise<string> {
  const [row] = await tx.insert(agreements).values(values).returning({ id: agreements.id });
  return row!.id;
}

export async function insertObligations(tx: Db, values: (typeof obligations.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(obligations).values(values);
}

export async function listAgreements(
  db: Db,
  scope: Scope,
  filter: { projectId?: string; id?: string; status?: string },
  lock = false,
) {
  const query = db
    .select({ agreement: agreements, project: { ...projectRef, hostRegionCode: projects.hostRegionCode } })
    .from(agreements)
    .innerJoin(projects, eq(projects.id, agreements.projectId))
    .where(
      and(
        projectVisible(scope),
        filter.projectId ? eq(agreements.projectId, filter.projectId) : undefined,
        filter.id ? eq(agreements.id, filter.id) : undefined,
        filter.status
          ? sql`exists (select 1 from obligations o where o.agreement_id = ${agreements.id} and o.status = ${filter.status})`
          : undefined,
      ),
    )
    .orderBy(desc(agreements.signedOn), asc(agreements.id))
    .limit(500);
  return lock ? query.for('update', { of: agreements }) : query;
}
export type AgreementRow = Awaited<ReturnType<typeof listAgreements>>[number];

export async function obligationsOf(db: Db, agreementIds: string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .select()
    .from(obligations)
    .where(inArray(obligations.agreementId, agreementIds))
    .orderBy(asc(obligations.dueDate), asc(obligations.createdAt));
}
export type ObligationRow = typeof obligations.$inferSelect;

const senders = alias(users, 'senders');

export async function lettersOf(db: Db, obligationIds: string[]) {
  if (obligationIds.length === 0) return [];
  return db
    .select({ letter: reminderLetters, sentBy: { id: senders.id, displayName: senders.displayName } })
    .from(reminderLetters)
    .leftJoin(senders, eq(senders.id, reminderLetters.sentBy))
    .where(inArray(reminderLetters.obligationId, obligationIds))
    .orderBy(asc(reminderLetters.sentOn), asc(reminderLetters.createdAt));
}
export type LetterRow = Awaited<ReturnType<typeof lettersOf>>[number];

export async function updateAgreement(
  tx: Db,
  id: string,
  version: number,
  values: Partial<typeof agreements.$inferInsert>,
): Promise<boolean> {
  const done = await tx
    .update(agreements)
    .set({ ...values, version: sql`${agreements.version} + 1` })
    .where(and(eq(agreements.id, id), eq(agreements.version, version)))
    .returning({ id: agreements.id });
  return done.length === 1;
}

/** One obligation with its agreement and project, if the scope sees the project. */
export async function findObligation(db: Db, scope: Scope, id: string, lock = false) {
  const query = db
    .select({
      obligation: obligations,
      agreement: agreements,
      project: {
        ...projectRef,
        hostRegionCode: projects.hostRegionCode,
        responsibleUnitId: projects.responsibleUnitId,
      },
    })
    .from(obligations)
    .innerJoin(agreements, eq(agreements.id, obligations.agreementId))
    .innerJoin(projects, eq(projects.id, agreements.projectId))
    .where(and(eq(obligations.id, id), projectVisible(scope)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: [obligations, agreements] }) : await query;
  return row;
}

export async function updateObligation(
  tx: Db,
  id: string,
  version: number | null,
  values: Partial<typeof obligations.$inferInsert>,
): Promise<boolean> {
  const done = await tx
    .update(obligations)
    .set({ ...values, version: sql`${obligations.version} + 1` })
    .where(and(eq(obligations.id, id), version === null ? undefined : eq(obligations.version, version)))
    .returning({ id: obligations.id });
  return done.length === 1;
}

export async function insertLetter(tx: Db, values: typeof reminderLetters.$inferInsert) {
  const [row] = await tx.insert(reminderLetters).values(values).returning();
  return row!;
}

/** Letters sent in a year, for the next document number (履约提醒函〔2025〕3号). */
export async function countLettersInYear(tx: Db, year: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reminderLetters)
    .where(sql`extract(year from ${reminderLetters.sentOn}) = ${year}`);
  return row?.n ?? 0;
}

export async function findLetter(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select({ letter: reminderLetters })
    .from(reminderLetters)
    .innerJoin(obligations, eq(obligations.id, reminderLetters.obligationId))
    .innerJoin(agreements, eq(agreements.id, obligations.agreementId))
    .innerJoin(projects, eq(projects.id, agreements.projectId))
    .where(and(eq(reminderLetters.id, id), projectVisible(scope)))
    .limit(1);
  return row?.letter;
}

/** Obligations the daily job looks at: not met or exempted, on active agreements, with their project. */
export async function openObligations(db: Db) {
  return db
    .select({
      obligation: obligations,
      agreement: {
        id: agreements.id,
        title: agreements.title,
        agreementNo: agreements.agreementNo,
        signedOn: agreements.signedOn,
        enterpriseName: agreements.enterpriseName,
        governmentParty: agreements.governmentParty,
      },
      project: {
        ...projectRef,
        hostRegionCode: projects.hostRegionCode,
        responsibleUnitId: projects.responsibleUnitId,
      },
    })
    .from(obligations)
    .innerJoin(agreements, eq(agreements.id, obligations.agreementId))
    .innerJoin(projects, eq(projects.id, agreements.projectId))
    .where(and(notInArray(obligations.status, ['met', 'exempted']), eq(agreements.status, 'active')));
}

export async function exemptObligations(tx: Db, agreementId: string, today: string): Promise<void> {
  await tx
    .update(obligations)
    .set({ status: 'exempted', statusOn: today })
    .where(and(eq(obligations.agreementId, agreementId), notInArray(obligations.status, ['met'])));
}

// ------------------------------------------------------------------ tickets and notices

const departments = alias(units, 'departments');
const authors = alias(users, 'authors');

const ticketSelection = {
  ticket: serviceTickets,
  project: projectRef,
  department: { id: departments.id, name: departments.name },
  /** The units a ticket belongs to besides its department: the project's first and responsible units. */
  owners: { firstUnitId: projects.firstUnitId, responsibleUnitId: projects.responsibleUnitId },
};

function selectTickets(db: Db) {
  return db
    .select(ticketSelection)
    .from(serviceTickets)
    .innerJoin(projects, eq(projects.id, serviceTickets.projectId))
    .innerJoin(departments, eq(departments.id, serviceTickets.departmentId));
}

export async function insertTicket(tx: Db, values: typeof serviceTickets.$inferInsert): Promise<string> {
  const [row] = await tx.insert(serviceTickets).values(values).returning({ id: serviceTickets.id });
  return row!.id;
}

export interface TicketFilter {
  projectId?: string;
  departmentId?: string;
  status?: 'open' | 'closed';
  overdueOn?: string;
  escalated?: boolean;
  /** Projects hosted in this region or below it. */
  hostRegionCode?: string;
}

function ticketWhere(scope: Scope, f: TicketFilter): SQL | undefined {
  return and(
    projectVisible(scope),
    f.projectId ? eq(serviceTickets.projectId, f.projectId) : undefined,
    f.departmentId ? eq(serviceTickets.departmentId, f.departmentId) : undefined,
    f.status ? eq(serviceTickets.status, f.status) : undefined,
    f.overdueOn ? sql`${serviceTickets.status} = 'open' and ${serviceTickets.dueDate} < ${f.overdueOn}` : undefined,
    f.escalated === true ? sql`${serviceTickets.escalatedOn} is not null` : undefined,
    f.escalated === false ? sql`${serviceTickets.escalatedOn} is null` : undefined,
    f.hostRegionCode
      ? sql`${projects.hostRegionCode} in (select sub.code from regions sub join regions root
          on sub.path like root.path || '%' where root.code = ${f.hostRegionCode})`
      : undefined,
  );
}

/** By status, then earliest due date first (for overdue tickets: the longest overdue first). */
export async function listTickets(db: Db, scope: Scope, f: TicketFilter, limit = 1000) {
  return selectTickets(db)
    .where(ticketWhere(scope, f))
    .orderBy(asc(serviceTickets.status), asc(serviceTickets.dueDate), asc(serviceTickets.id))
    .limit(limit);
}

export async function countTickets(db: Db, scope: Scope, f: TicketFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(serviceTickets)
    .innerJoin(projects, eq(projects.id, serviceTickets.projectId))
    .where(ticketWhere(scope, f));
  return Number(row?.n ?? 0);
}
export type TicketRow = Awaited<ReturnType<typeof listTickets>>[number];

export async function findTicket(db: Db, scope: Scope, id: string, lock = false) {
  const query = selectTickets(db)
    .where(and(eq(serviceTickets.id, id), projectVisible(scope)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: serviceTickets }) : await query;
  return row;
}

export async function ticketCreator(db: Db, userId: string | null) {
  if (!userId) return null;
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function notesOf(db: Db, ticketId: string) {
  return db
    .select({ note: ticketNotes, author: { id: authors.id, displayName: authors.displayName } })
    .from(ticketNotes)
    .leftJoin(authors, eq(authors.id, ticketNotes.authorId))
    .where(eq(ticketNotes.ticketId, ticketId))
    .orderBy(asc(ticketNotes.at), asc(ticketNotes.id));
}

export async function insertNote(tx: Db, values: typeof ticketNotes.$inferInsert): Promise<void> {
  await tx.insert(ticketNotes).values(values);
}

export async function updateTicket(
  tx: Db,
  id: string,
  version: number | null,
  values: Partial<typeof serviceTickets.$inferInsert>,
): Promise<boolean> {
  const done = await tx
    .update(serviceTickets)
    .set({ ...values, version: sql`${serviceTickets.version} + 1` })
    .where(and(eq(serviceTickets.id, id), version === null ? undefined : eq(serviceTickets.version, version)))
    .returning({ id: serviceTickets.id });
  return done.length === 1;
}

/** The facts department figures are computed from, for every ticket the scope sees. */
export async function ticketFacts(db: Db, scope: Scope) {
  return db
    .select({
      departmentId: serviceTickets.departmentId,
      departmentName: departments.name,
      status: serviceTickets.status,
      openedOn: serviceTickets.openedOn,
      dueDate: serviceTickets.dueDate,
      closedOn: serviceTickets.closedOn,
    })
    .from(serviceTickets)
    .innerJoin(projects, eq(projects.id, serviceTickets.projectId))
    .innerJoin(departments, eq(departments.id, serviceTickets.departmentId))
    .where(projectVisible(scope))
    .orderBy(asc(departments.name), asc(departments.id));
}

/** Open tickets past their due date not yet on the coordination list (the daily job, all regions). */
export async function overdueUnescalated(db: Db, today: string) {
  return db
    .select({ ...ticketSelection, hostRegionCode: projects.hostRegionCode })
    .from(serviceTickets)
    .innerJoin(projects, eq(projects.id, serviceTickets.projectId))
    .innerJoin(departments, eq(departments.id, serviceTickets.departmentId))
    .where(
      and(
        eq(serviceTickets.status, 'open'),
        sql`${serviceTickets.dueDate} < ${today}`,
        sql`${serviceTickets.escalatedOn} is null`,
      ),
    )
    .orderBy(asc(serviceTickets.dueDate));
}

const leadUnits = alias(units, 'lead_units');
const issuers = alias(users, 'issuers');

export async function insertNotice(tx: Db, values: typeof supervisionNotices.$inferInsert): Promise<string> {
  const [row] = await tx.insert(supervisionNotices).values(values).returning({ id: supervisionNotices.id });
  return row!.id;
}

export async function listNotices(db: Db, scope: Scope, f: { projectId?: string; ticketId?: string; id?: string }) {
  return db
    .select({
      notice: supervisionNotices,
      project: projectRef,
      leadUnit: { id: leadUnits.id, name: leadUnits.name },
      issuedBy: { id: issuers.id, displayName: issuers.displayName },
    })
    .from(supervisionNotices)
    .innerJoin(projects, eq(projects.id, supervisionNotices.projectId))
    .innerJoin(leadUnits, eq(leadUnits.id, supervisionNotices.leadUnitId))
    .leftJoin(issuers, eq(issuers.id, supervisionNotices.issuedBy))
    .where(
      and(
        projectVisible(scope),
        f.projectId ? eq(supervisionNotices.projectId, f.projectId) : undefined,
        f.ticketId ? eq(supervisionNotices.ticketId, f.ticketId) : undefined,
        f.id ? eq(supervisionNotices.id, f.id) : undefined,
      ),
    )
    .orderBy(desc(supervisionNotices.issuedOn), desc(supervisionNotices.createdAt))
    .limit(500);
}
export type NoticeRow = Awaited<ReturnType<typeof listNotices>>[number];

const commissionerUnits = alias(units, 'commissioner_units');

export async function findCommissioner(db: Db, projectId: string) {
  const [row] = await db
    .select({ commissioner: serviceCommissioners, unit: { id: commissionerUnits.id, name: commissionerUnits.name } })
    .from(serviceCommissioners)
    .innerJoin(commissionerUnits, eq(commissionerUnits.id, serviceCommissioners.unitId))
    .where(eq(serviceCommissioners.projectId, projectId));
  return row;
}

export async function upsertCommissioner(tx: Db, values: typeof serviceCommissioners.$inferInsert): Promise<void> {
  await tx
    .insert(serviceCommissioners)
    .values(values)
    .onConflictDoUpdate({
      target: serviceCommissioners.projectId,
      set: {
        name: values.name,
        unitId: values.unitId,
        phone: values.phone,
        assignedBy: values.assignedBy,
        assignedAt: sql`now()`,
      },
    });
}

// ------------------------------------------------------------------ visits

const visitUnits = alias(units, 'visit_units');

export async function insertOccasion(tx: Db, values: typeof visitOccasions.$inferInsert) {
  const [row] = await tx.insert(visitOccasions).values(values).returning();
  return row!;
}

export async function insertVisit(tx: Db, values: typeof enterpriseVisits.$inferInsert) {
  const [row] = await tx.insert(enterpriseVisits).values(values).returning();
  return row!;
}

export async function listVisits(db: Db, scope: Scope, f: { enterpriseId?: string; id?: string }) {
  return db
    .select({
      visit: enterpriseVisits,
      enterprise: { id: enterprises.id, name: enterprises.name },
      unit: { id: visitUnits.id, name: visitUnits.name },
    })
    .from(enterpriseVisits)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseVisits.enterpriseId))
    .innerJoin(visitUnits, eq(visitUnits.id, enterpriseVisits.unitId))
    .where(
      and(
        regionInScope(enterprises.regionCode, scope),
        f.enterpriseId ? eq(enterpriseVisits.enterpriseId, f.enterpriseId) : undefined,
        f.id ? eq(enterpriseVisits.id, f.id) : undefined,
      ),
    )
    .orderBy(desc(enterpriseVisits.visitedOn), desc(enterpriseVisits.createdAt))
    .limit(500);
}
export type VisitRow = Awaited<ReturnType<typeof listVisits>>[number];

/**
 * Occasions in scope, each with whether a visit for it followed (the `dueVisits` rule of
 * src/domain/visits.ts decides; the flag lets it be applied without loading every visit).
 */
export async function occasionsWithVisits(db: Db, scope: Scope) {
  return db
    .select({
      occasion: visitOccasions,
      enterprise: { id: enterprises.id, name: enterprises.name },
      lastVisitOn: sql<string | null>`(select max(v.visited_on)::text from enterprise_visits v
        where v.enterprise_id = ${visitOccasions.enterpriseId} and v.occasion = ${visitOccasions.occasion})`,
    })
    .from(visitOccasions)
    .innerJoin(enterprises, eq(enterprises.id, visitOccasions.enterpriseId))
    .where(regionInScope(enterprises.regionCode, scope))
    .orderBy(asc(visitOccasions.occurredOn))
    .limit(2000);
}
