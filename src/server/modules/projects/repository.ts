import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import { DATABASES, type Stage } from '../../../domain/lifecycle';
import { BULK_CHUNK, insertMany } from '../../db/bulk';
import { type Db, rows } from '../../db/client';
import {
  files,
  progressReports,
  projectEnterprises,
  projects,
  projectTransitions,
  regions,
  taskForces,
  units,
  users,
} from '../../db/schema';
import { type Scope, regionInScope } from '../../lib/scope';
import type { ProjectSort, TProjectFilters } from './schema';
import { findSavedView } from './views';
import { containsPattern, splitWindowTotal, windowTotal } from '../../lib/listing';

export type ProjectValues = Omit<typeof projects.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export interface ProjectEnterpriseRef {
  id: string;
  name: string;
  creditCode: string | null;
  role: 'investor' | 'partner';
}

/** A project with the names the presenter shows; what the list, the detail and the Excel export read. */
export type ProjectRow = typeof projects.$inferSelect & {
  firstUnitName: string;
  responsibleUnitName: string;
  firstRegionName: string;
  hostRegionName: string;
  enterprises: ProjectEnterpriseRef[];
};

const firstUnits = alias(units, 'first_units');
const responsibleUnits = alias(units, 'responsible_units');
const firstRegions = alias(regions, 'first_regions');
const hostRegions = alias(regions, 'host_regions');

const selection = {
  ...getTableColumns(projects),
  firstUnitName: firstUnits.name,
  responsibleUnitName: responsibleUnits.name,
  firstRegionName: firstRegions.name,
  hostRegionName: hostRegions.name,
  // One small aggregate per row keeps the list to one query.
  enterprises: sql<ProjectEnterpriseRef[]>`coalesce((
    select json_agg(json_build_object('id', e.id, 'name', e.name, 'creditCode', e.credit_code, 'role', pe.role)
      order by pe.role, e.name)
    from project_enterprises pe join enterprises e on e.id = pe.enterprise_id
    where pe.project_id = ${projects.id}), '[]'::json)`.mapWith(parseEnterprises),
};

/** json comes back parsed from both drivers; a string is parsed here in case a driver does not. */
function parseEnterprises(value: unknown): ProjectEnterpriseRef[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as ProjectEnterpriseRef[];
}

export function enterpriseIdsOf(row: ProjectRow): string[] {
  return row.enterprises.map((e) => e.id);
}

function selectProjects(db: Db) {
  return joinNames(db.select(selection).from(projects).$dynamic());
}

/** The unit and region names every project row carries (drizzle's dynamic query building). */
function joinNames<Q extends PgSelect>(query: Q) {
  return query
    .innerJoin(firstUnits, eq(firstUnits.id, projects.firstUnitId))
    .innerJoin(responsibleUnits, eq(responsibleUnits.id, projects.responsibleUnitId))
    .innerJoin(firstRegions, eq(firstRegions.code, projects.firstRegionCode))
    .innerJoin(hostRegions, eq(hostRegions.code, projects.hostRegionCode));
}

/**
 * Who may see a project: its first or host region is in the scope, and a confidential one only
 * by leaders and admins or by users of its first or responsible unit. The caller's role and unit
 * are read from `scope.userId` so every caller that holds a scope applies the same rule.
 */
export function projectVisible(scope: Scope): SQL {
  const region = scope.all
    ? sql`true`
    : sql`(${regionInScope(projects.firstRegionCode, scope)} or ${regionInScope(projects.hostRegionCode, scope)})`;
  const confidential = sql`(${projects.confidentiality} = 'normal' or exists (
    select 1 from users u where u.id = ${scope.userId}
      and (u.role in ('leader', 'admin') or u.unit_id = ${projects.firstUnitId} or u.unit_id = ${projects.responsibleUnitId})))`;
  return sql`(${region} and ${confidential})`;
}

/**
 * Search by project name, by an enterprise's name and (latin input) by pinyin keys. Project names go
 * through their trigram index; enterprises are checked per candidate project (`exists`), because a
 * two-character Chinese term has no trigram to look up and would otherwise scan every enterprise.
 */
function searchCondition(q: string): SQL {
  const contains = containsPattern(q);
  const compact = q.replace(/\s+/g, '').toLowerCase();
  const pinyin = /^[a-z][a-z0-9]*$/.test(compact) ? containsPattern(compact) : null;
  const enterpriseMatch = pinyin
    ? sql`(e.name ilike ${contains} or e.name_pinyin like ${pinyin})`
    : sql`e.name ilike ${contains}`;
  return sql`(${projects.name} ilike ${contains}
    ${pinyin ? sql`or ${projects.namePinyin} like ${pinyin}` : sql``}
    or exists (select 1 from project_enterprises pe join enterprises e on e.id = pe.enterprise_id
      where pe.project_id = ${projects.id} and ${enterpriseMatch}))`;
}

/** The WHERE of a project list: scope first, then every filter given. `q` must already be folded. */
export function projectFilterCondition(scope: Scope, filters: TProjectFilters): SQL | undefined {
  const view = filters.view ? findSavedView(filters.view) : undefined;
  const stageSets: (readonly Stage[])[] = [];
  if (filters.database) stageSets.push(DATABASES[filters.database]);
  if (filters.stage) stageSets.push([filters.stage]);
  if (view) stageSets.push(view.stages);
  const minimums = [filters.minInvestmentWan, view?.minInvestmentWan].filter((v): v is string => Boolean(v));
  return and(
    projectVisible(scope),
    ...stageSets.map((stages) => inArray(projects.stage, [...stages])),
    ...minimums.map((m) => sql`${projects.totalInvestmentWan} >= ${m}::numeric`),
    filters.q ? searchCondition(filters.q) : undefined,
    filters.hostRegion
      ? sql`${projects.hostRegionCode} in (select code from regions where path like
          (select path from regions where code = ${filters.hostRegion}) || '%')`
      : undefined,
    filters.firstUnitId ? eq(projects.firstUnitId, filters.firstUnitId) : undefined,
    filters.sourceChannel ? eq(projects.sourceChannel, filters.sourceChannel) : undefined,
    filters.stalled === true ? sql`${projects.stalledSince} is not null` : undefined,
    filters.stalled === false ? sql`${projects.stalledSince} is null` : undefined,
  );
}

function orderBy(sort: ProjectSort): SQL[] {
  const tieBreak = asc(projects.id);
  switch (sort) {
    case 'updatedAt':
      return [asc(projects.updatedAt), tieBreak];
    case '-totalInvestmentWan':
      return [desc(projects.totalInvestmentWan), tieBreak];
    case 'totalInvestmentWan':
      return [asc(projects.totalInvestmentWan), tieBreak];
    case '-signingDate':
      return [sql`${projects.signingDate} desc nulls last`, tieBreak];
    case 'signingDate':
      return [sql`${projects.signingDate} asc nulls last`, tieBreak];
    case 'code':
      return [asc(projects.code)];
    case '-code':
      return [desc(projects.code)];
    case 'name':
      return [asc(projects.name), tieBreak];
    case '-name':
      return [desc(projects.name), tieBreak];
    default:
      return [desc(projects.updatedAt), tieBreak];
  }
}

export interface ProjectListOptions {
  sort?: ProjectSort;
  /** 1-based; with `pageSize` null every matching row is returned (the Excel export). */
  page?: number;
  pageSize?: number | null;
  /** Skip the count query when the caller does not need `total`. */
  withTotal?: boolean;
}

/**
 * One page of the projects the scope sees that match `filters` (`q` already folded, see
 * `foldSearch` in the service), plus the total: one query for the page and one count.
 */
export async function listProjects(
  db: Db,
  scope: Scope,
  filters: TProjectFilters,
  options: ProjectListOptions = {},
): Promise<{ rows: ProjectRow[]; total: number }> {
  const where = projectFilterCondition(scope, filters);
  const { sort = '-updatedAt', page = 1, pageSize = 20, withTotal = true } = options;
  if (pageSize === null || !withTotal) {
    const query = selectProjects(db)
      .where(where)
      .orderBy(...orderBy(sort));
    const list = await (pageSize === null ? query : query.limit(pageSize).offset((page - 1) * pageSize));
    return { rows: list, total: list.length };
  }
  const paged = await joinNames(
    db
      .select({ ...selection, total: windowTotal })
      .from(projects)
      .$dynamic(),
  )
    .where(where)
    .orderBy(...orderBy(sort))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return splitWindowTotal(paged, page, () => db.select({ total: count() }).from(projects).where(where));
}

/** Count and total investment per stage, for the kanban. */
export async function stageTotals(
  db: Db,
  scope: Scope,
  filters: TProjectFilters,
): Promise<{ stage: Stage; count: number; totalInvestmentWan: string }[]> {
  return db
    .select({
      stage: projects.stage,
      count: count(),
      totalInvestmentWan: sql<string>`coalesce(sum(${projects.totalInvestmentWan}), 0)::text`,
    })
    .from(projects)
    .where(projectFilterCondition(scope, filters))
    .groupBy(projects.stage);
}

/** One project the scope sees (confidentiality applied); `lock` holds its row until the transaction ends. */
export async function findProjectInScope(
  db: Db,
  scope: Scope,
  id: string,
  lock = false,
): Promise<ProjectRow | undefined> {
  const query = selectProjects(db)
    .where(and(eq(projects.id, id), projectVisible(scope)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: projects }) : await query;
  return row;
}

/**
 * Reserves `count` sequence numbers of project codes for (year, region) with one counter update
 * in the caller's transaction; returns the first (the others follow it).
 */
export async function reserveProjectSeqs(tx: Db, year: number, regionCode: string, count: number): Promise<number> {
  const [row] = await rows<{ last: number }>(
    tx,
    sql`insert into project_code_counters (year, region_code, last) values (${year}, ${regionCode}, ${count})
        on conflict (year, region_code) do update set last = project_code_counters.last + ${count}
        returning last`,
  );
  return Number(row!.last) - count + 1;
}

/** Inserts projects with multi-row INSERTs; returns their ids (chosen here) in the order given. */
export async function insertProjects(tx: Db, values: ProjectValues[]): Promise<string[]> {
  const rowsWithIds = values.map((v) => ({ id: randomUUID(), ...v }));
  await insertMany(tx, projects, rowsWithIds);
  return rowsWithIds.map((v) => v.id);
}

/** Links enterprises to new projects (nothing to replace), with multi-row INSERTs. */
export async function insertProjectEnterprises(
  tx: Db,
  links: { projectId: string; enterpriseId: string; role: 'investor' | 'partner' }[],
): Promise<void> {
  await insertMany(tx, projectEnterprises, links);
}

export async function insertTransitions(tx: Db, values: (typeof projectTransitions.$inferInsert)[]): Promise<void> {
  await insertMany(tx, projectTransitions, values);
}

/** Projects by id with the names the presenter shows, whatever the scope (just written by the caller). */
export async function findProjectRows(db: Db, ids: string[]): Promise<ProjectRow[]> {
  const out: ProjectRow[] = [];
  for (let i = 0; i < ids.length; i += BULK_CHUNK) {
    out.push(...(await selectProjects(db).where(inArray(projects.id, ids.slice(i, i + BULK_CHUNK)))));
  }
  return out;
}

/** Writes new values when the row still has `version`; false when someone else saved first. */
export async function updateProject(
  tx: Db,
  id: string,
  version: number,
  values: Partial<ProjectValues>,
): Promise<boolean> {
  const updated = await tx
    .update(projects)
    .set({ ...values, version: sql`${projects.version} + 1`, updatedAt: new Date() })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning({ id: projects.id });
  return updated.length > 0;
}

export async function replaceProjectEnterprises(
  tx: Db,
  projectId: string,
  links: { enterpriseId: string; role: 'investor' | 'partner' }[],
): Promise<void> {
  await tx.delete(projectEnterprises).where(eq(projectEnterprises.projectId, projectId));
  if (links.length) await tx.insert(projectEnterprises).values(links.map((l) => ({ projectId, ...l })));
}

export async function insertTransition(tx: Db, values: typeof projectTransitions.$inferInsert): Promise<void> {
  await tx.insert(projectTransitions).values(values);
}

export async function findUnit(
  db: Db,
  id: string,
): Promise<{ id: string; name: string; regionCode: string; active: boolean } | undefined> {
  const [row] = await db
    .select({ id: units.id, name: units.name, regionCode: units.regionCode, active: units.active })
    .from(units)
    .where(eq(units.id, id))
    .limit(1);
  return row;
}

/** Whether a region code lies inside the scope (the region itself exists). */
export async function regionVisible(db: Db, scope: Scope, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.code, code), regionInScope(regions.code, scope)))
    .limit(1);
  return Boolean(row);
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code)).limit(1);
  return Boolean(row);
}

// ---------------------------------------------------------------- timeline

const actors = alias(users, 'actors');

export async function listTransitions(db: Db, projectId: string) {
  return db
    .select({
      id: projectTransitions.id,
      fromStage: projectTransitions.fromStage,
      toStage: projectTransitions.toStage,
      direction: projectTransitions.direction,
      reason: projectTransitions.reason,
      gate: projectTransitions.gate,
      actorId: projectTransitions.actorId,
      actorName: actors.displayName,
      at: projectTransitions.at,
    })
    .from(projectTransitions)
    .leftJoin(actors, eq(actors.id, projectTransitions.actorId))
    .where(eq(projectTransitions.projectId, projectId))
    .orderBy(asc(projectTransitions.at), asc(projectTransitions.id));
}
export type TransitionRow = Awaited<ReturnType<typeof listTransitions>>[number];

/** Every report version, newest month first, the current version of a month before its older ones. */
export async function listReports(db: Db, projectId: string) {
  return db
    .select({
      id: progressReports.id,
      month: progressReports.month,
      version: progressReports.version,
      isCurrent: progressReports.isCurrent,
      text: progressReports.text,
      substantiveProgress: progressReports.substantiveProgress,
      fundsInPlaceWan: progressReports.fundsInPlaceWan,
      problems: progressReports.problems,
      unitId: progressReports.unitId,
      unitName: units.name,
      submittedBy: progressReports.submittedBy,
      submittedByName: actors.displayName,
      submittedAt: progressReports.submittedAt,
      late: progressReports.late,
      correctionReason: progressReports.correctionReason,
    })
    .from(progressReports)
    .innerJoin(units, eq(units.id, progressReports.unitId))
    .leftJoin(actors, eq(actors.id, progressReports.submittedBy))
    .where(eq(progressReports.projectId, projectId))
    .orderBy(desc(progressReports.month), desc(progressReports.version));
}
export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

export async function listTaskForces(db: Db, projectId: string) {
  return db
    .select({
      id: taskForces.id,
      leaderName: taskForces.leaderName,
      leadUnitId: taskForces.leadUnitId,
      leadUnitName: units.name,
      members: taskForces.members,
      note: taskForces.note,
      assignedAt: taskForces.assignedAt,
      active: taskForces.active,
    })
    .from(taskForces)
    .innerJoin(units, eq(units.id, taskForces.leadUnitId))
    .where(eq(taskForces.projectId, projectId))
    .orderBy(desc(taskForces.assignedAt));
}
export type TaskForceRow = Awaited<ReturnType<typeof listTaskForces>>[number];

// ---------------------------------------------------------------- files

export type FileMeta = Omit<typeof files.$inferSelect, 'data'>;

const fileMeta = {
  id: files.id,
  name: files.name,
  mimeType: files.mimeType,
  size: files.size,
  sha256: files.sha256,
  regionCode: files.regionCode,
  uploadedBy: files.uploadedBy,
  createdAt: files.createdAt,
};

/**
 * A file is visible when it was uploaded in the scope, or when it is the agreement of a project
 * the scope sees (the host region's officers read the agreement the first-negotiation unit filed).
 */
function fileVisible(scope: Scope): SQL {
  return sql`(${regionInScope(files.regionCode, scope)} or exists (
    select 1 from projects where ${projects.agreementFileId} = ${files.id} and ${projectVisible(scope)}))`;
}

export async function insertFile(tx: Db, values: typeof files.$inferInsert): Promise<FileMeta> {
  const [row] = await tx.insert(files).values(values).returning(fileMeta);
  return row!;
}

export async function findFileMeta(db: Db, scope: Scope, id: string): Promise<FileMeta | undefined> {
  const [row] = await db
    .select(fileMeta)
    .from(files)
    .where(and(eq(files.id, id), fileVisible(scope)))
    .limit(1);
  return row;
}

export async function findFileWithData(
  db: Db,
  scope: Scope,
  id: string,
): Promise<(FileMeta & { data: Buffer }) | undefined> {
  const [row] = await db
    .select({ ...fileMeta, data: files.data })
    .from(files)
    .where(and(eq(files.id, id), fileVisible(scope)))
    .limit(1);
  return row;
}
