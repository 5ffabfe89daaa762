import { createHash, randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, inArray, type Placeholder, sql, type SQL } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import { DATABASES, type Stage } from '../../../domain/lifecycle';
import { CONFIDENTIAL_READERS } from '../../../domain/permissions';
import { BULK_CHUNK, insertMany } from '../../db/bulk';
import { type Db, preparedStatement, rows } from '../../db/client';
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
import { type Scope, regionInScope, regionInSubtree } from '../../lib/scope';
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
  return visibleTo(scope.all, scope.path + '%', scope.userId);
}

/** `projectVisible` over values or a prepared statement's placeholders (`all` fixes the statement's shape). */
function visibleTo(all: boolean, pathPattern: string | Placeholder, userId: string | Placeholder): SQL {
  const region = all
    ? sql`true`
    : sql`(${regionInSubtree(projects.firstRegionCode, pathPattern)} or ${regionInSubtree(projects.hostRegionCode, pathPattern)})`;
  const confidential = sql`(${projects.confidentiality} = 'normal' or exists (
    select 1 from users u where u.id = ${userId}
      and (u.role in (${sql.join(
        CONFIDENTIAL_READERS.map((role) => sql`${role}`),
        sql`, `,
      )}) or u.unit_id = ${projects.firstUnitId} or u.unit_id = ${projects.responsibleUnitId})))`;
  return sql`(${region} and ${confidential})`;
}

/** The placeholders of a prepared read that a scope fills: see `scopeValues`. */
const SCOPE = { pathPattern: sql.placeholder('pathPattern'), userId: sql.placeholder('userId') };
const scopeValues = (scope: Scope) => ({ pathPattern: scope.path + '%', userId: scope.userId });

/** The free values of a list's WHERE (the caller's, and the text, region, unit and amount filters). */
interface FilterValues {
  pathPattern: string;
  userId: string;
  contains?: string;
  pinyin?: string;
  hostRegion?: string;
  firstUnitId?: string;
  minInvestmentWan?: string;
  viewMinInvestmentWan?: string;
}

/** The free values of `filters` for `scope`: what a prepared list statement is executed with. */
function filterValues(scope: Scope, filters: TProjectFilters): FilterValues {
  const q = filters.q;
  const compact = q?.replace(/\s+/g, '').toLowerCase() ?? '';
  return {
    ...scopeValues(scope),
    contains: q ? containsPattern(q) : undefined,
    pinyin: q && /^[a-z][a-z0-9]*$/.test(compact) ? containsPattern(compact) : undefined,
    hostRegion: filters.hostRegion,
    firstUnitId: filters.firstUnitId,
    minInvestmentWan: filters.minInvestmentWan,
    viewMinInvestmentWan: filters.view ? findSavedView(filters.view)?.minInvestmentWan : undefined,
  };
}

/** How a free value enters the SQL: as itself (`values`), or as a placeholder of a prepared statement. */
type Bind = <K extends keyof FilterValues>(key: K) => FilterValues[K] | Placeholder;

/**
 * Search by project name, by an enterprise's name and (latin input) by pinyin keys. Project names go
 * through their trigram index; enterprises are checked per candidate project (`exists`), because a
 * two-character Chinese term has no trigram to look up and would otherwise scan every enterprise.
 */
function searchCondition(bind: Bind, pinyin: boolean): SQL {
  const enterpriseMatch = pinyin
    ? sql`(e.name ilike ${bind('contains')} or e.name_pinyin like ${bind('pinyin')})`
    : sql`e.name ilike ${bind('contains')}`;
  return sql`(${projects.name} ilike ${bind('contains')}
    ${pinyin ? sql`or ${projects.namePinyin} like ${bind('pinyin')}` : sql``}
    or exists (select 1 from project_enterprises pe join enterprises e on e.id = pe.enterprise_id
      where pe.project_id = ${projects.id} and ${enterpriseMatch}))`;
}

/** The WHERE of a project list: scope first, then every filter given. `q` must already be folded. */
export function projectFilterCondition(scope: Scope, filters: TProjectFilters): SQL | undefined {
  const values = filterValues(scope, filters);
  return filterCondition(scope, filters, values, (key) => values[key]);
}

/**
 * `projectFilterCondition` with its free values bound by `bind`. What is left in the SQL itself
 * (stages, channel, stalled, which filters are given) is the statement's shape: `listShape`.
 */
function filterCondition(scope: Scope, filters: TProjectFilters, values: FilterValues, bind: Bind): SQL | undefined {
  const view = filters.view ? findSavedView(filters.view) : undefined;
  const stageSets: (readonly Stage[])[] = [];
  if (filters.database) stageSets.push(DATABASES[filters.database]);
  if (filters.stage) stageSets.push([filters.stage]);
  if (view) stageSets.push(view.stages);
  return and(
    visibleTo(scope.all, bind('pathPattern')!, bind('userId')!),
    ...stageSets.map((stages) => inArray(projects.stage, [...stages])),
    values.minInvestmentWan ? sql`${projects.totalInvestmentWan} >= ${bind('minInvestmentWan')}::numeric` : undefined,
    values.viewMinInvestmentWan
      ? sql`${projects.totalInvestmentWan} >= ${bind('viewMinInvestmentWan')}::numeric`
      : undefined,
    values.contains ? searchCondition(bind, values.pinyin !== undefined) : undefined,
    values.hostRegion
      ? sql`${projects.hostRegionCode} in (select code from regions where path like
          (select path from regions where code = ${bind('hostRegion')}) || '%')`
      : undefined,
    values.firstUnitId ? eq(projects.firstUnitId, bind('firstUnitId')!) : undefined,
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
 * `foldSearch` in the service), plus the total, both from one windowed statement.
 */
export async function listProjects(
  db: Db,
  scope: Scope,
  filters: TProjectFilters,
  options: ProjectListOptions = {},
): Promise<{ rows: ProjectRow[]; total: number }> {
  const { sort = '-updatedAt', page = 1, pageSize = 20, withTotal = true } = options;
  if (pageSize === null || !withTotal) {
    const query = selectProjects(db)
      .where(projectFilterCondition(scope, filters))
      .orderBy(...orderBy(sort));
    const list = await (pageSize === null ? query : query.limit(pageSize).offset((page - 1) * pageSize));
    return { rows: list, total: list.length };
  }
  const values = filterValues(scope, filters);
  const paged = await pagedList(db, scope, filters, values, sort).execute({
    ...values,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return splitWindowTotal(paged, page, () =>
    db.select({ total: count() }).from(projects).where(projectFilterCondition(scope, filters)),
  );
}

/** Paged list statements prepared per database handle and shape; past this many shapes they are built each time. */
const MAX_LIST_SHAPES = 200;
const listStatements = new WeakMap<Db, Map<string, ReturnType<typeof buildPagedList>>>();

/**
 * What fixes a list statement's SQL: the scope's kind, which free filters are given, and the values
 * written into it (stages, channel, stalled, sort). The free values are its placeholders.
 */
function listShape(scope: Scope, filters: TProjectFilters, values: FilterValues, sort: ProjectSort): string {
  const given = (Object.keys(values) as (keyof FilterValues)[]).filter((k) => values[k] !== undefined);
  return JSON.stringify([
    scope.all,
    given,
    filters.database,
    filters.stage,
    filters.view,
    filters.sourceChannel,
    filters.stalled,
    sort,
  ]);
}

/**
 * The list page with its window total as a prepared statement (the officers' most used read):
 * Drizzle builds it once per shape and node-postgres plans it once per connection.
 */
function pagedList(db: Db, scope: Scope, filters: TProjectFilters, values: FilterValues, sort: ProjectSort) {
  const shape = listShape(scope, filters, values, sort);
  let byShape = listStatements.get(db);
  if (!byShape) listStatements.set(db, (byShape = new Map()));
  let statement = byShape.get(shape);
  if (!statement) {
    const name = `project_list_${createHash('sha1').update(shape).digest('hex').slice(0, 16)}`;
    statement = buildPagedList(db, scope, filters, values, sort, name);
    if (byShape.size < MAX_LIST_SHAPES) byShape.set(shape, statement);
  }
  return statement;
}

function buildPagedList(
  db: Db,
  scope: Scope,
  filters: TProjectFilters,
  values: FilterValues,
  sort: ProjectSort,
  name: string,
) {
  return joinNames(
    db
      .select({ ...selection, total: windowTotal })
      .from(projects)
      .$dynamic(),
  )
    .where(filterCondition(scope, filters, values, (key) => sql.placeholder(key)))
    .orderBy(...orderBy(sort))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(name);
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
  if (lock) {
    const [row] = await selectProjects(db)
      .where(and(eq(projects.id, id), projectVisible(scope)))
      .limit(1)
      .for('update', { of: projects });
    return row;
  }
  const [row] = await (scope.all ? projectById.all : projectById.scoped)(db).execute({ id, ...scopeValues(scope) });
  return row;
}

/** The project page's read (prepared): one shape for the administrator, one for a region's scope. */
const projectById = {
  all: preparedStatement((db) =>
    selectProjects(db)
      .where(and(eq(projects.id, sql.placeholder('id')), visibleTo(true, SCOPE.pathPattern, SCOPE.userId)))
      .limit(1)
      .prepare('project_by_id_all'),
  ),
  scoped: preparedStatement((db) =>
    selectProjects(db)
      .where(and(eq(projects.id, sql.placeholder('id')), visibleTo(false, SCOPE.pathPattern, SCOPE.userId)))
      .limit(1)
      .prepare('project_by_id_scoped'),
  ),
};

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

// ---------------------------------------------------------------- timeline

const actors = alias(users, 'actors');

export async function listTransitions(db: Db, projectId: string) {
  return transitionsOf(db).execute({ projectId });
}
const transitionsOf = preparedStatement((db) =>
  db
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
    .where(eq(projectTransitions.projectId, sql.placeholder('projectId')))
    .orderBy(asc(projectTransitions.at), asc(projectTransitions.id))
    .prepare('project_transitions'),
);
export type TransitionRow = Awaited<ReturnType<typeof listTransitions>>[number];

/** Every report version, newest month first, the current version of a month before its older ones. */
export async function listReports(db: Db, projectId: string) {
  return reportsOf(db).execute({ projectId });
}
const reportsOf = preparedStatement((db) =>
  db
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
    .where(eq(progressReports.projectId, sql.placeholder('projectId')))
    .orderBy(desc(progressReports.month), desc(progressReports.version))
    .prepare('project_reports'),
);
export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

export async function listTaskForces(db: Db, projectId: string) {
  return taskForcesOf(db).execute({ projectId });
}
const taskForcesOf = preparedStatement((db) =>
  db
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
    .where(eq(taskForces.projectId, sql.placeholder('projectId')))
    .orderBy(desc(taskForces.assignedAt))
    .prepare('project_task_forces'),
);
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
