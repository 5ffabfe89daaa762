import { type AnyColumn, and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { type PgSelect } from 'drizzle-orm/pg-core';
import { type Db, rows } from '../../db/client';
import { activities, activityProjects, projects, regions, teamDeployments, units } from '../../db/schema';
import { containsPattern, splitWindowTotal, windowTotal } from '../../lib/listing';
import { type Scope, regionInScope } from '../../lib/scope';
import { projectVisible } from '../projects/repository';
import type { TActivityListQuery } from './schema';

export type ActivityValues = Omit<typeof activities.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type ActivityRow = typeof activities.$inferSelect & {
  regionName: string;
  unitName: string;
  resultCount: number;
};

const resultCount = sql<number>`(select count(*)::int from activity_projects ap where ap.activity_id = ${activities.id})`;

const selection = {
  id: activities.id,
  kind: activities.kind,
  title: activities.title,
  startDate: activities.startDate,
  endDate: activities.endDate,
  destination: activities.destination,
  organisingUnitId: activities.organisingUnitId,
  regionCode: activities.regionCode,
  leaderName: activities.leaderName,
  participants: activities.participants,
  targetProjects: activities.targetProjects,
  targetAmountWan: activities.targetAmountWan,
  targetLeads: activities.targetLeads,
  leadsCount: activities.leadsCount,
  note: activities.note,
  createdBy: activities.createdBy,
  version: activities.version,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
  regionName: regions.name,
  unitName: units.name,
  resultCount,
};

function selectActivities(db: Db) {
  return joinNames(db.select(selection).from(activities).$dynamic());
}

/** The region and organising unit names an activity row carries (drizzle's dynamic query building). */
function joinNames<Q extends PgSelect>(query: Q) {
  return query
    .innerJoin(regions, eq(regions.code, activities.regionCode))
    .innerJoin(units, eq(units.id, activities.organisingUnitId));
}

/** `column` holds a region inside the subtree of `path` (a materialised path). */
function inSubtree(column: AnyColumn | SQL, path: string): SQL {
  return sql`${column} in (select code from regions where path like ${path + '%'})`;
}

export async function listActivities(
  db: Db,
  scope: Scope,
  query: TActivityListQuery,
  regionPath: string | null,
  q: string | null,
): Promise<{ rows: ActivityRow[]; total: number }> {
  const pattern = q ? containsPattern(q) : null;
  const where = and(
    regionInScope(activities.regionCode, scope),
    regionPath ? inSubtree(activities.regionCode, regionPath) : undefined,
    query.kind ? eq(activities.kind, query.kind) : undefined,
    query.trips === 'true' ? eq(activities.kind, 'trip') : undefined,
    query.trips === 'false' ? sql`${activities.kind} <> 'trip'` : undefined,
    query.from ? gte(activities.startDate, query.from) : undefined,
    query.to ? lte(activities.startDate, query.to) : undefined,
    pattern
      ? sql`(${activities.title} ilike ${pattern} or ${activities.destination} ilike ${pattern}
          or ${activities.leaderName} ilike ${pattern})`
      : undefined,
  );
  const paged = await joinNames(
    db
      .select({ ...selection, total: windowTotal })
      .from(activities)
      .$dynamic(),
  )
    .where(where)
    .orderBy(desc(activities.startDate), desc(activities.createdAt), asc(activities.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return splitWindowTotal(paged, query.page, () => db.select({ total: count() }).from(activities).where(where));
}

export async function findActivity(db: Db, scope: Scope, id: string, lock = false): Promise<ActivityRow | undefined> {
  const query = selectActivities(db)
    .where(and(eq(activities.id, id), regionInScope(activities.regionCode, scope)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: activities }) : await query;
  return row;
}

export async function insertActivity(db: Db, values: ActivityValues): Promise<string> {
  const [row] = await db.insert(activities).values(values).returning({ id: activities.id });
  return row!.id;
}

export async function updateActivity(
  db: Db,
  id: string,
  version: number,
  values: Partial<ActivityValues>,
): Promise<boolean> {
  const updated = await db
    .update(activities)
    .set({ ...values, version: sql`${activities.version} + 1`, updatedAt: new Date() })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning({ id: activities.id });
  return updated.length > 0;
}

/** Bumps the version when results change, so an edit form holding the old version learns of it. */
export async function touchActivity(db: Db, id: string): Promise<void> {
  await db
    .update(activities)
    .set({ version: sql`${activities.version} + 1`, updatedAt: new Date() })
    .where(eq(activities.id, id));
}

/** The result projects of an activity that the scope sees (confidentiality applied). */
export function resultProjects(db: Db, scope: Scope, activityId: string) {
  return db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      stage: projects.stage,
      totalInvestmentWan: projects.totalInvestmentWan,
    })
    .from(activityProjects)
    .innerJoin(projects, eq(projects.id, activityProjects.projectId))
    .where(and(eq(activityProjects.activityId, activityId), projectVisible(scope)))
    .orderBy(asc(projects.code));
}

export async function findVisibleProject(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select({ id: projects.id, code: projects.code, name: projects.name })
    .from(projects)
    .where(and(eq(projects.id, id), projectVisible(scope)))
    .limit(1);
  return row;
}

/** Links a result project; false when it was already linked. */
export async function linkProject(db: Db, activityId: string, projectId: string, userId: string): Promise<boolean> {
  const inserted = await db
    .insert(activityProjects)
    .values({ activityId, projectId, linkedBy: userId })
    .onConflictDoNothing()
    .returning({ projectId: activityProjects.projectId });
  return inserted.length > 0;
}

export async function unlinkProject(db: Db, activityId: string, projectId: string): Promise<boolean> {
  const deleted = await db
    .delete(activityProjects)
    .where(and(eq(activityProjects.activityId, activityId), eq(activityProjects.projectId, projectId)))
    .returning({ projectId: activityProjects.projectId });
  return deleted.length > 0;
}

export type RegionRow = { code: string; name: string; path: string; parentCode: string | null; level: string };

export async function findRegion(db: Db, scope: Scope, code: string): Promise<RegionRow | undefined> {
  const [row] = await db
    .select({
      code: regions.code,
      name: regions.name,
      path: regions.path,
      parentCode: regions.parentCode,
      level: regions.level,
    })
    .from(regions)
    .where(and(eq(regions.code, code), regionInScope(regions.code, scope)))
    .limit(1);
  return row;
}

export function subtreeRegions(db: Db, path: string): Promise<RegionRow[]> {
  return db
    .select({
      code: regions.code,
      name: regions.name,
      path: regions.path,
      parentCode: regions.parentCode,
      level: regions.level,
    })
    .from(regions)
    .where(sql`${regions.path} like ${path + '%'}`);
}

/** Led activities of a subtree (every year: a result of an older trip still belongs to its leader). */
export function ledActivities(db: Db, scope: Scope, path: string, untilDate: string) {
  return db
    .select({
      id: activities.id,
      kind: activities.kind,
      leaderName: activities.leaderName,
      startDate: activities.startDate,
      regionCode: activities.regionCode,
      projectIds: sql<string[]>`coalesce((select array_agg(ap.project_id::text) from activity_projects ap
        where ap.activity_id = ${activities.id}), '{}')`,
    })
    .from(activities)
    .where(
      and(
        regionInScope(activities.regionCode, scope),
        inSubtree(activities.regionCode, path),
        sql`${activities.leaderName} is not null`,
        lte(activities.startDate, untilDate),
      ),
    );
}

/**
 * Projects that may count for leaders of a subtree: results of the given activities, or projects
 * of the subtree (first or host region) that name a responsible leader. Only what the scope sees.
 */
export function quotaProjects(db: Db, scope: Scope, path: string, activityIds: string[]) {
  const linked = activityIds.length
    ? sql`${projects.id} in (select ap.project_id from activity_projects ap where ${inArray(sql`ap.activity_id`, activityIds)})`
    : sql`false`;
  return db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      stage: projects.stage,
      totalInvestmentWan: projects.totalInvestmentWan,
      registeredDate: projects.registeredDate,
      startDate: projects.startDate,
      productionDate: projects.productionDate,
      achievedDate: projects.achievedDate,
      stageEnteredOn: projects.stageEnteredOn,
      industrySection: projects.industrySection,
      signingDate: projects.signingDate,
      responsibleLeader: projects.responsibleLeader,
      hostRegionCode: projects.hostRegionCode,
      firstRegionCode: projects.firstRegionCode,
    })
    .from(projects)
    .where(
      and(
        projectVisible(scope),
        sql`(${linked} or (${projects.responsibleLeader} is not null and (${inSubtree(projects.hostRegionCode, path)}
          or ${inSubtree(projects.firstRegionCode, path)})))`,
      ),
    );
}

export type DeploymentRow = typeof teamDeployments.$inferSelect & {
  regionName: string;
  unitName: string;
  unitKind: string;
};

function selectDeployments(db: Db) {
  return db
    .select({
      id: teamDeployments.id,
      teamName: teamDeployments.teamName,
      unitId: teamDeployments.unitId,
      regionCode: teamDeployments.regionCode,
      destination: teamDeployments.destination,
      members: teamDeployments.members,
      fromDate: teamDeployments.fromDate,
      toDate: teamDeployments.toDate,
      note: teamDeployments.note,
      createdBy: teamDeployments.createdBy,
      version: teamDeployments.version,
      createdAt: teamDeployments.createdAt,
      updatedAt: teamDeployments.updatedAt,
      regionName: regions.name,
      unitName: units.name,
      unitKind: units.kind,
    })
    .from(teamDeployments)
    .innerJoin(regions, eq(regions.code, teamDeployments.regionCode))
    .innerJoin(units, eq(units.id, teamDeployments.unitId));
}

export function listDeployments(db: Db, scope: Scope, path: string): Promise<DeploymentRow[]> {
  return selectDeployments(db)
    .where(and(regionInScope(teamDeployments.regionCode, scope), inSubtree(teamDeployments.regionCode, path)))
    .orderBy(desc(teamDeployments.fromDate), asc(teamDeployments.id));
}

export async function findDeployment(db: Db, scope: Scope, id: string, lock = false) {
  const query = selectDeployments(db)
    .where(and(eq(teamDeployments.id, id), regionInScope(teamDeployments.regionCode, scope)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: teamDeployments }) : await query;
  return row;
}

export async function insertDeployment(db: Db, values: typeof teamDeployments.$inferInsert): Promise<string> {
  const [row] = await db.insert(teamDeployments).values(values).returning({ id: teamDeployments.id });
  return row!.id;
}

export async function updateDeployment(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof teamDeployments.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(teamDeployments)
    .set({ ...values, version: sql`${teamDeployments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(teamDeployments.id, id), eq(teamDeployments.version, version)))
    .returning({ id: teamDeployments.id });
  return updated.length > 0;
}

export interface ActivityCounts {
  regionCode: string;
  trips: number;
  activities: number;
  onlineActivities: number;
}

/**
 * Trips and other activities per region (each with its subtree) that start in [fromDate, toDate).
 * No scope: the assessment module calls it for the regions it ranks.
 */
export async function countActivities(
  db: Db,
  regionCodes: string[],
  fromDate: string,
  toDateExclusive: string,
  onlineKinds: readonly string[],
): Promise<ActivityCounts[]> {
  if (!regionCodes.length) return [];
  const codes = sql.join(
    regionCodes.map((c) => sql`${c}`),
    sql`, `,
  );
  const online = sql.join(
    onlineKinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const result = await rows<{ region_code: string; trips: number; activities: number; online: number }>(
    db,
    sql`select r.code as region_code,
          count(a.id) filter (where a.kind = 'trip')::int as trips,
          count(a.id) filter (where a.kind <> 'trip')::int as activities,
          count(a.id) filter (where a.kind in (${online}))::int as online
        from regions r
        left join regions sub on sub.path like r.path || '%'
        left join activities a on a.region_code = sub.code
          and a.start_date >= ${fromDate}::date and a.start_date < ${toDateExclusive}::date
        where r.code in (${codes})
        group by r.code`,
  );
  return result.map((r) => ({
    regionCode: r.region_code,
    trips: Number(r.trips),
    activities: Number(r.activities),
    onlineActivities: Number(r.online),
  }));
}
