import { and, asc, desc, eq, gt, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { STAGES } from '../../../domain/lifecycle';
import { isReportingStage } from '../../../domain/reporting';
import { type Db } from '../../db/client';
import { notifications, progressReports, projects, regions, taskForces, units } from '../../db/schema';
import type { AuthContext } from '../../lib/auth-context';
import { regionInScope } from '../../lib/scope';
import { projectVisible } from './repository';

/** The system (a job, `auth` null) sees every project; a caller what the projects module shows it. */
function visibleTo(auth: AuthContext | null): SQL {
  return auth ? projectVisible(auth.scope) : sql`true`;
}

/** Negotiating … producing: the stages that owe monthly progress reports. */
export const REPORTING_STAGES = STAGES.filter(isReportingStage);

const responsibleUnits = alias(units, 'responsible_units');

/** The facts of a project that reporting and task forces need. */
export async function findProjectForReporting(db: Db, auth: AuthContext, id: string, lock = false) {
  const query = db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      stage: projects.stage,
      firstUnitId: projects.firstUnitId,
      firstRegionCode: projects.firstRegionCode,
      hostRegionCode: projects.hostRegionCode,
      responsibleUnitId: projects.responsibleUnitId,
      responsibleUnitRegionCode: responsibleUnits.regionCode,
      lastSubstantiveProgressOn: projects.lastSubstantiveProgressOn,
      stalledSince: projects.stalledSince,
    })
    .from(projects)
    .innerJoin(responsibleUnits, eq(responsibleUnits.id, projects.responsibleUnitId))
    .where(and(eq(projects.id, id), visibleTo(auth)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: projects }) : await query;
  return row;
}

export type ReportingProject = NonNullable<Awaited<ReturnType<typeof findProjectForReporting>>>;

/** The current report of a month and the highest version the month has. */
export async function currentReportOf(db: Db, projectId: string, month: string) {
  const list = await db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.projectId, projectId), eq(progressReports.month, month)))
    .orderBy(desc(progressReports.version));
  return { current: list.find((r) => r.isCurrent), maxVersion: list[0]?.version ?? 0 };
}

export type ReportValues = Omit<typeof progressReports.$inferInsert, 'id'>;

export async function insertReport(tx: Db, values: ReportValues): Promise<string> {
  const [row] = await tx.insert(progressReports).values(values).returning({ id: progressReports.id });
  return row!.id;
}

/** Replaces the content of a report in place (a resubmission while its month is still open). */
export async function replaceReport(
  tx: Db,
  id: string,
  values: Pick<
    ReportValues,
    | 'text'
    | 'substantiveProgress'
    | 'fundsInPlaceWan'
    | 'problems'
    | 'unitId'
    | 'submittedBy'
    | 'submittedAt'
    | 'late'
    | 'correctionReason'
  >,
): Promise<void> {
  await tx.update(progressReports).set(values).where(eq(progressReports.id, id));
}

export async function markNotCurrent(tx: Db, id: string): Promise<void> {
  await tx.update(progressReports).set({ isCurrent: false }).where(eq(progressReports.id, id));
}

/** Substantive progress on `date`: the stall clock restarts and a stall flag is cleared. */
export async function recordSubstantiveProgress(tx: Db, projectId: string, date: string): Promise<void> {
  await tx
    .update(projects)
    .set({
      lastSubstantiveProgressOn: sql`greatest(coalesce(${projects.lastSubstantiveProgressOn}, ${date}::date), ${date}::date)`,
      stalledSince: null,
      updatedAt: new Date(),
    })
    .where(eq(projects.id, projectId));
}

/** One project owing the report of a month, with its responsible unit and when its active spell began. */
export interface OverdueCandidate {
  id: string;
  code: string;
  name: string;
  stageEnteredOn: string;
  /** When the project last entered a reporting stage from outside them, per its transitions. */
  spellStartedAt: Date | null;
  unitId: string;
  unitName: string;
  unitRegionCode: string;
  unitRegionName: string;
}

/**
 * Projects in a reporting stage that the caller (or, with `auth` null, the system) can see and
 * that have no report at all for `month`; the service decides which of them owe it by now.
 */
export async function projectsWithoutReport(
  db: Db,
  auth: AuthContext | null,
  month: string,
): Promise<OverdueCandidate[]> {
  const stages = sql.join(
    REPORTING_STAGES.map((s) => sql`${s}`),
    sql`, `,
  );
  return db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      stageEnteredOn: projects.stageEnteredOn,
      spellStartedAt: sql<Date | null>`(
        select max(t.at) from project_transitions t
        where t.project_id = ${projects.id} and t.to_stage in (${stages})
          and (t.from_stage is null or t.from_stage not in (${stages})))`.mapWith((v: unknown) =>
        v === null || v === undefined ? null : new Date(v as string),
      ),
      unitId: responsibleUnits.id,
      unitName: responsibleUnits.name,
      unitRegionCode: responsibleUnits.regionCode,
      unitRegionName: regions.name,
    })
    .from(projects)
    .innerJoin(responsibleUnits, eq(responsibleUnits.id, projects.responsibleUnitId))
    .innerJoin(regions, eq(regions.code, responsibleUnits.regionCode))
    .where(
      and(
        inArray(projects.stage, [...REPORTING_STAGES]),
        visibleTo(auth),
        sql`not exists (select 1 from progress_reports pr where pr.project_id = ${projects.id} and pr.month = ${month})`,
      ),
    )
    .orderBy(asc(regions.path), asc(responsibleUnits.name), asc(projects.code));
}

/** Overdue notices point at the month's overdue list of one unit. */
export const OVERDUE_NOTICE_ENTITY = 'report_month';
export const overdueNoticeKey = (unitId: string, month: string) => `${month}/${unitId}`;

/** Whether a unit was already told about its overdue reports of a month (the job runs daily). */
export async function overdueNoticeSent(db: Db, unitId: string, month: string): Promise<boolean> {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.kind, 'report.overdue'),
        eq(notifications.entity, OVERDUE_NOTICE_ENTITY),
        eq(notifications.entityId, overdueNoticeKey(unitId, month)),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Negotiating projects not yet flagged whose anchor date is at least a month old, in id order. */
export async function stallCandidates(db: Db, latestAnchor: string, afterId: string | null, limit: number) {
  return db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      stage: projects.stage,
      stageEnteredOn: projects.stageEnteredOn,
      lastSubstantiveProgressOn: projects.lastSubstantiveProgressOn,
      firstUnitId: projects.firstUnitId,
      firstRegionCode: projects.firstRegionCode,
      hostRegionCode: projects.hostRegionCode,
    })
    .from(projects)
    .where(
      and(
        eq(projects.stage, 'negotiating'),
        sql`${projects.stalledSince} is null`,
        lte(projects.stageEnteredOn, latestAnchor),
        or(sql`${projects.lastSubstantiveProgressOn} is null`, lte(projects.lastSubstantiveProgressOn, latestAnchor)),
        afterId ? gt(projects.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(projects.id))
    .limit(limit);
}

export async function markStalled(tx: Db, projectId: string, since: string): Promise<boolean> {
  const changed = await tx
    .update(projects)
    .set({ stalledSince: since, updatedAt: new Date() })
    .where(and(eq(projects.id, projectId), sql`${projects.stalledSince} is null`))
    .returning({ id: projects.id });
  return changed.length > 0;
}

/** Projects that left negotiation keep no stall flag (the flag means "stalled in negotiation"). */
export async function clearStaleFlags(tx: Db) {
  return tx
    .update(projects)
    .set({ stalledSince: null })
    .where(and(isNotNull(projects.stalledSince), ne(projects.stage, 'negotiating')))
    .returning({ id: projects.id, hostRegionCode: projects.hostRegionCode });
}

/** A unit whose region is inside the caller's scope. */
export async function findUnitInScope(db: Db, auth: AuthContext, unitId: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name, regionCode: units.regionCode, active: units.active })
    .from(units)
    .where(and(eq(units.id, unitId), regionInScope(units.regionCode, auth.scope)))
    .limit(1);
  return row;
}

export async function insertTaskForce(tx: Db, values: Omit<typeof taskForces.$inferInsert, 'id'>) {
  const [row] = await tx.insert(taskForces).values(values).returning();
  return row!;
}
