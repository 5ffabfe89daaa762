import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { TargetStatus } from '../../../domain/chain-targets';
import { type Db, rows } from '../../db/client';
import {
  catalogClassifications,
  catalogEntries,
  chainSegments,
  chains,
  chainTeams,
  enterprises,
  projects,
  regions,
  segmentEnterprises,
  targetContacts,
  targetEnterprises,
  units,
  users,
} from '../../db/schema';
import { type Scope, regionInScope } from '../../lib/scope';
// The rule of who sees a project belongs to the projects module; reuse it, never restate it.
import { projectVisible } from '../projects/repository';

export type ChainRow = typeof chains.$inferSelect & {
  regionName: string;
  regionPath: string;
  catalogEntryName: { zh: string; en: string } | null;
  catalogEntrySource: string | null;
  leaderName: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  leadUnitNames: string[];
  secretaryName: string | null;
  members: string[];
};
export type SegmentRow = typeof chainSegments.$inferSelect;
export type SegmentEnterpriseRow = typeof segmentEnterprises.$inferSelect;

// ---------------------------------------------------------------- chains

function selectChains(db: Db) {
  return db
    .select({
      chain: chains,
      regionName: regions.name,
      regionPath: regions.path,
      catalogEntryName: catalogEntries.name,
      catalogEntrySource: catalogEntries.source,
      leaderName: chainTeams.leaderName,
      leadUnitId: chainTeams.leadUnitId,
      leadUnitName: units.name,
      leadUnitNames: chainTeams.leadUnitNames,
      secretaryName: chainTeams.secretaryName,
      members: chainTeams.members,
    })
    .from(chains)
    .innerJoin(regions, eq(regions.code, chains.regionCode))
    .leftJoin(catalogEntries, eq(catalogEntries.code, chains.catalogEntryCode))
    .leftJoin(chainTeams, eq(chainTeams.chainId, chains.id))
    .leftJoin(units, eq(units.id, chainTeams.leadUnitId));
}

type SelectedChain = Awaited<ReturnType<ReturnType<typeof selectChains>['execute']>>[number];
function toChainRow(r: SelectedChain): ChainRow {
  return {
    ...r.chain,
    regionName: r.regionName,
    regionPath: r.regionPath,
    catalogEntryName: r.catalogEntryName,
    catalogEntrySource: r.catalogEntrySource,
    leaderName: r.leaderName,
    leadUnitId: r.leadUnitId,
    leadUnitName: r.leadUnitName,
    leadUnitNames: r.leadUnitNames ?? [],
    secretaryName: r.secretaryName,
    members: r.members ?? [],
  };
}

export async function findChain(db: Db, scope: Scope, id: string, lock = false): Promise<ChainRow | undefined> {
  const query = selectChains(db).where(and(eq(chains.id, id), regionInScope(chains.regionCode, scope)));
  const [row] = lock ? await query.for('update', { of: chains }) : await query;
  return row ? toChainRow(row) : undefined;
}

/** Chains in scope (optionally under one region), in region then seed order. */
export async function listChains(db: Db, scope: Scope, regionCode?: string): Promise<ChainRow[]> {
  const under = regionCode
    ? sql`${chains.regionCode} in (select code from regions where path like
        (select path from regions where code = ${regionCode}) || '%')`
    : undefined;
  const result = await selectChains(db)
    .where(and(regionInScope(chains.regionCode, scope), under))
    .orderBy(asc(chains.regionCode), asc(chains.sort), asc(chains.name));
  return result.map(toChainRow);
}

export async function insertChain(db: Db, values: typeof chains.$inferInsert): Promise<string | undefined> {
  const [row] = await db.insert(chains).values(values).onConflictDoNothing().returning({ id: chains.id });
  if (row) await db.insert(chainTeams).values({ chainId: row.id });
  return row?.id;
}

export async function updateChain(db: Db, id: string, values: Partial<typeof chains.$inferInsert>): Promise<void> {
  await db
    .update(chains)
    .set({ ...values, version: sql`${chains.version} + 1`, updatedAt: new Date() })
    .where(eq(chains.id, id));
}

export async function updateTeam(db: Db, chainId: string, values: Partial<typeof chainTeams.$inferInsert>) {
  await db
    .insert(chainTeams)
    .values({ chainId, ...values })
    .onConflictDoUpdate({ target: chainTeams.chainId, set: values });
}

export async function chainNameTaken(db: Db, regionCode: string, name: string, ownId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: chains.id })
    .from(chains)
    .where(and(eq(chains.regionCode, regionCode), eq(chains.name, name)));
  return Boolean(row && row.id !== ownId);
}

// ---------------------------------------------------------------- segments

export async function segmentsOf(db: Db, chainIds: string[]): Promise<SegmentRow[]> {
  if (!chainIds.length) return [];
  return db
    .select()
    .from(chainSegments)
    .where(inArray(chainSegments.chainId, chainIds))
    .orderBy(asc(chainSegments.chainId), asc(chainSegments.sort), asc(chainSegments.createdAt));
}

export async function segmentEnterprisesOf(db: Db, chainId: string): Promise<SegmentEnterpriseRow[]> {
  return db
    .select(getSegmentEnterpriseColumns())
    .from(segmentEnterprises)
    .innerJoin(chainSegments, eq(chainSegments.id, segmentEnterprises.segmentId))
    .where(eq(chainSegments.chainId, chainId))
    .orderBy(asc(segmentEnterprises.role), asc(segmentEnterprises.createdAt));
}

function getSegmentEnterpriseColumns() {
  return {
    id: segmentEnterprises.id,
    segmentId: segmentEnterprises.segmentId,
    enterpriseId: segmentEnterprises.enterpriseId,
    name: segmentEnterprises.name,
    role: segmentEnterprises.role,
    createdAt: segmentEnterprises.createdAt,
  };
}

/** A segment the caller can see (through its chain's region), with its chain. */
export async function findSegment(
  db: Db,
  scope: Scope,
  id: string,
  lock = false,
): Promise<(SegmentRow & { chainRegionCode: string; chainRegionPath: string; chainName: string }) | undefined> {
  const query = db
    .select({
      segment: chainSegments,
      chainRegionCode: chains.regionCode,
      chainRegionPath: regions.path,
      chainName: chains.name,
    })
    .from(chainSegments)
    .innerJoin(chains, eq(chains.id, chainSegments.chainId))
    .innerJoin(regions, eq(regions.code, chains.regionCode))
    .where(and(eq(chainSegments.id, id), regionInScope(chains.regionCode, scope)));
  const [row] = lock ? await query.for('update', { of: chainSegments }) : await query;
  return row
    ? {
        ...row.segment,
        chainRegionCode: row.chainRegionCode,
        chainRegionPath: row.chainRegionPath,
        chainName: row.chainName,
      }
    : undefined;
}

export async function insertSegment(db: Db, values: typeof chainSegments.$inferInsert): Promise<string> {
  const [row] = await db.insert(chainSegments).values(values).returning({ id: chainSegments.id });
  return row!.id;
}

export async function nextSegmentSort(db: Db, chainId: string): Promise<number> {
  const [row] = await rows<{ next: number }>(
    db,
    sql`select (coalesce(max(sort), -1) + 1)::int as next from chain_segments where chain_id = ${chainId}`,
  );
  return row?.next ?? 0;
}

export async function updateSegment(db: Db, id: string, values: Partial<typeof chainSegments.$inferInsert>) {
  await db
    .update(chainSegments)
    .set({ ...values, version: sql`${chainSegments.version} + 1`, updatedAt: new Date() })
    .where(eq(chainSegments.id, id));
}

/** What hangs on a segment: sub-segments, targets and linked projects (any, in scope or not). */
export async function segmentDependents(db: Db, id: string) {
  const [row] = await rows<{ children: number; targets: number; projects: number }>(
    db,
    sql`select
      (select count(*) from chain_segments where parent_id = ${id})::int as children,
      (select count(*) from target_enterprises where segment_id = ${id})::int as targets,
      (select count(*) from projects where chain_node_id = ${id})::int as projects`,
  );
  return row!;
}

export async function deleteSegment(db: Db, id: string): Promise<void> {
  await db.delete(chainSegments).where(eq(chainSegments.id, id));
}

/** The ids of a segment and every segment under it. */
export async function segmentSubtree(db: Db, id: string): Promise<string[]> {
  const result = await rows<{ id: string }>(
    db,
    sql`with recursive tree as (
      select id from chain_segments where id = ${id}
      union all
      select s.id from chain_segments s join tree on s.parent_id = tree.id)
    select id from tree`,
  );
  return result.map((r) => r.id);
}

export async function insertSegmentEnterprise(db: Db, values: typeof segmentEnterprises.$inferInsert) {
  const [row] = await db.insert(segmentEnterprises).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteSegmentEnterprise(db: Db, segmentId: string, id: string) {
  const [row] = await db
    .delete(segmentEnterprises)
    .where(and(eq(segmentEnterprises.id, id), eq(segmentEnterprises.segmentId, segmentId)))
    .returning();
  return row;
}

// ---------------------------------------------------------------- per-segment figures

export async function targetCounts(db: Db, chainIds: string[]) {
  if (!chainIds.length) return [];
  return rows<{ segmentId: string; status: TargetStatus; n: number }>(
    db,
    sql`select t.segment_id as "segmentId", t.status, count(*)::int as n
      from target_enterprises t join chain_segments s on s.id = t.segment_id
      where s.chain_id in ${chainIds} group by t.segment_id, t.status`,
  );
}

/** Projects the caller may see on the chains' segments, grouped by segment and stage. */
export async function projectStats(db: Db, scope: Scope, chainIds: string[]) {
  if (!chainIds.length) return [];
  return rows<{ segmentId: string; stage: string; n: number; total: string }>(
    db,
    sql`select ${projects.chainNodeId} as "segmentId", ${projects.stage} as stage, count(*)::int as n,
        coalesce(sum(${projects.totalInvestmentWan}), 0)::text as total
      from ${projects} join chain_segments s on s.id = ${projects.chainNodeId}
      where s.chain_id in ${chainIds} and ${projectVisible(scope)}
      group by ${projects.chainNodeId}, ${projects.stage}`,
  );
}

export async function chainProjects(db: Db, scope: Scope, chainId: string) {
  return rows<{ id: string; code: string; name: string; stage: string; total: string; segmentId: string }>(
    db,
    sql`select ${projects.id} as id, ${projects.code} as code, ${projects.name} as name, ${projects.stage} as stage,
        ${projects.totalInvestmentWan}::text as total, ${projects.chainNodeId} as "segmentId"
      from ${projects} join chain_segments s on s.id = ${projects.chainNodeId}
      where s.chain_id = ${chainId} and ${projectVisible(scope)}
      order by ${projects.updatedAt} desc, ${projects.id}
      limit 500`,
  );
}

// ---------------------------------------------------------------- targets

export type TargetRow = typeof targetEnterprises.$inferSelect & {
  chainId: string;
  enterpriseName: string;
  enterpriseCreditCode: string | null;
  enterpriseTags: string[];
  enterpriseDivision: string | null;
  ownerUnitName: string;
  projectCode: string | null;
  projectName: string | null;
  projectStage: string | null;
};

function selectTargets(db: Db) {
  return db
    .select({
      target: targetEnterprises,
      chainId: chainSegments.chainId,
      enterpriseName: enterprises.name,
      enterpriseCreditCode: enterprises.creditCode,
      enterpriseTags: enterprises.tags,
      enterpriseDivision: enterprises.industryDivision,
      ownerUnitName: units.name,
      projectCode: projects.code,
      projectName: projects.name,
      projectStage: projects.stage,
    })
    .from(targetEnterprises)
    .innerJoin(chainSegments, eq(chainSegments.id, targetEnterprises.segmentId))
    .innerJoin(chains, eq(chains.id, chainSegments.chainId))
    .innerJoin(enterprises, eq(enterprises.id, targetEnterprises.enterpriseId))
    .innerJoin(units, eq(units.id, targetEnterprises.ownerUnitId))
    .leftJoin(projects, eq(projects.id, targetEnterprises.projectId));
}

type SelectedTarget = Awaited<ReturnType<ReturnType<typeof selectTargets>['execute']>>[number];
function toTargetRow(r: SelectedTarget): TargetRow {
  const { target, ...rest } = r;
  return { ...target, ...rest };
}

export async function findTarget(db: Db, scope: Scope, id: string, lock = false): Promise<TargetRow | undefined> {
  const query = selectTargets(db).where(and(eq(targetEnterprises.id, id), regionInScope(chains.regionCode, scope)));
  const [row] = lock ? await query.for('update', { of: targetEnterprises }) : await query;
  return row ? toTargetRow(row) : undefined;
}

export async function listTargets(db: Db, segmentIds: string[]): Promise<TargetRow[]> {
  if (!segmentIds.length) return [];
  const result = await selectTargets(db)
    .where(inArray(targetEnterprises.segmentId, segmentIds))
    .orderBy(asc(targetEnterprises.createdAt), asc(targetEnterprises.id));
  return result.map(toTargetRow);
}

export async function contactsOf(db: Db, targetIds: string[]) {
  if (!targetIds.length) return [];
  return db
    .select({
      id: targetContacts.id,
      targetId: targetContacts.targetId,
      contactedOn: targetContacts.contactedOn,
      channel: targetContacts.channel,
      summary: targetContacts.summary,
      byId: users.id,
      byName: users.displayName,
      at: targetContacts.createdAt,
    })
    .from(targetContacts)
    .leftJoin(users, eq(users.id, targetContacts.createdBy))
    .where(inArray(targetContacts.targetId, targetIds))
    .orderBy(asc(targetContacts.contactedOn), asc(targetContacts.createdAt));
}

export async function insertTarget(db: Db, values: typeof targetEnterprises.$inferInsert): Promise<string | undefined> {
  const [row] = await db
    .insert(targetEnterprises)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: targetEnterprises.id });
  return row?.id;
}

export async function updateTarget(db: Db, id: string, values: Partial<typeof targetEnterprises.$inferInsert>) {
  await db
    .update(targetEnterprises)
    .set({ ...values, version: sql`${targetEnterprises.version} + 1`, updatedAt: new Date() })
    .where(eq(targetEnterprises.id, id));
}

export async function insertContact(db: Db, values: typeof targetContacts.$inferInsert): Promise<void> {
  await db.insert(targetContacts).values(values);
}

// ---------------------------------------------------------------- lookups

export async function enterpriseInScope(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name, industryDivision: enterprises.industryDivision })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), regionInScope(enterprises.regionCode, scope)));
  return row;
}

export async function regionInScopeExists(db: Db, scope: Scope, code: string) {
  const [row] = await db
    .select({ code: regions.code, name: regions.name, path: regions.path })
    .from(regions)
    .where(and(eq(regions.code, code), regionInScope(regions.code, scope)));
  return row;
}

export async function catalogEntryExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: catalogEntries.code })
    .from(catalogEntries)
    .where(eq(catalogEntries.code, code));
  return Boolean(row);
}

// ---------------------------------------------------------------- recommendations

export interface CandidateRow {
  id: string;
  name: string;
  industrySection: string | null;
  industryDivision: string | null;
  tags: string[];
  registeredCapitalWan: string | null;
  investsInProvince: boolean;
  contacted: boolean;
}

/**
 * Enterprises in scope that could fill a segment: a division or section of the segment, or a
 * keyword in the name. Already targets of the segment, or already its local enterprises, are left
 * out. The scoring itself is src/domain/recommend.ts.
 */
export async function recommendationCandidates(
  db: Db,
  scope: Scope,
  options: { segmentId: string; divisions: string[]; sections: string[]; keywords: string[]; provincePath: string },
): Promise<CandidateRow[]> {
  const fits: SQL[] = [];
  if (options.divisions.length) fits.push(sql`e.industry_division in ${options.divisions}`);
  if (options.sections.length) fits.push(sql`e.industry_section in ${options.sections}`);
  for (const k of options.keywords) fits.push(sql`e.name like ${'%' + k.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`);
  if (!fits.length) return [];
  return rows<CandidateRow>(
    db,
    sql`select e.id, e.name, e.industry_section as "industrySection", e.industry_division as "industryDivision",
        e.tags, e.registered_capital_wan::text as "registeredCapitalWan",
        exists (select 1 from project_enterprises pe join projects p on p.id = pe.project_id
          where pe.enterprise_id = e.id and p.stage <> 'terminated'
            and p.host_region_code in (select code from regions where path like ${options.provincePath + '%'}))
          as "investsInProvince",
        exists (select 1 from target_enterprises t where t.enterprise_id = e.id
          and (t.last_contact_on is not null or t.status in ('contacted', 'negotiating', 'converted'))) as contacted
      from enterprises e
      where ${regionInScope(sql`e.region_code`, scope)}
        and (${sql.join(fits, sql` or `)})
        and not exists (select 1 from target_enterprises t where t.segment_id = ${options.segmentId} and t.enterprise_id = e.id)
        and not exists (select 1 from segment_enterprises se where se.segment_id = ${options.segmentId} and se.enterprise_id = e.id)
      order by e.id
      limit 2000`,
  );
}

// ---------------------------------------------------------------- gaps and indicators

/** Live (not achieved, not terminated) visible projects per segment of a chain. */
export async function liveProjectsBySegment(db: Db, scope: Scope, chainId: string) {
  return rows<{ segmentId: string; n: number; total: string }>(
    db,
    sql`select ${projects.chainNodeId} as "segmentId", count(*)::int as n,
        coalesce(sum(${projects.totalInvestmentWan}), 0)::text as total
      from ${projects} join chain_segments s on s.id = ${projects.chainNodeId}
      where s.chain_id = ${chainId} and ${projects.stage} not in ('achieved', 'terminated') and ${projectVisible(scope)}
      group by ${projects.chainNodeId}`,
  );
}

/** Visible projects hosted under a region, with whether they sit on a key chain. */
export async function indicatorProjects(db: Db, scope: Scope, regionPath: string) {
  return rows<{ total: string; signingDate: string | null; stage: string; onKeyChain: boolean }>(
    db,
    sql`select ${projects.totalInvestmentWan}::text as total, ${projects.signingDate}::text as "signingDate",
        ${projects.stage} as stage,
        exists (select 1 from chain_segments s join chains c on c.id = s.chain_id
          where s.id = ${projects.chainNodeId} and c.is_key) as "onKeyChain"
      from ${projects}
      where ${projects.signingDate} is not null
        and ${projects.hostRegionCode} in (select code from regions where path like ${regionPath + '%'})
        and ${projectVisible(scope)}`,
  );
}

// ---------------------------------------------------------------- catalogs

export async function regionOf(db: Db, code: string) {
  const [row] = await db
    .select({ code: regions.code, name: regions.name, path: regions.path })
    .from(regions)
    .where(eq(regions.code, code));
  return row;
}

export async function regionNames(db: Db, codes: string[]) {
  if (!codes.length) return new Map<string, string>();
  const result = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, codes));
  return new Map(result.map((r) => [r.code, r.name]));
}

export async function assignedEntries(db: Db, entityType: 'project' | 'enterprise', entityId: string) {
  return db
    .select({ code: catalogEntries.code })
    .from(catalogClassifications)
    .innerJoin(catalogEntries, eq(catalogEntries.code, catalogClassifications.entryCode))
    .where(and(eq(catalogClassifications.entityType, entityType), eq(catalogClassifications.entityId, entityId)))
    .orderBy(asc(catalogEntries.sort));
}

export async function replaceClassifications(
  db: Db,
  entityType: 'project' | 'enterprise',
  entityId: string,
  codes: string[],
  userId: string,
): Promise<void> {
  await db
    .delete(catalogClassifications)
    .where(and(eq(catalogClassifications.entityType, entityType), eq(catalogClassifications.entityId, entityId)));
  if (codes.length) {
    await db
      .insert(catalogClassifications)
      .values(codes.map((entryCode) => ({ entityType, entityId, entryCode, createdBy: userId })));
  }
}
