import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { PROJECT_NAME_SIMILARITY } from '../../../domain/duplicates';
import { insertMany } from '../../db/bulk';
import { type Db, rows } from '../../db/client';
import {
  coordinationConflicts,
  coordinationCredits,
  escalations,
  filingExceptions,
  firstReports,
  projectEnterprises,
  projects,
  projectTransfers,
  redirectConsents,
  regions,
  signingFilings,
  units,
} from '../../db/schema';
import { type Scope, regionInScope } from '../../lib/scope';
import { projectVisible } from '../projects/repository';

export type ProjectFacts = typeof projects.$inferSelect;

/** One project the scope sees (confidentiality applied), optionally locked for the transaction. */
export async function findVisibleProject(
  db: Db,
  scope: Scope,
  id: string,
  lock = false,
): Promise<ProjectFacts | undefined> {
  const query = db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), projectVisible(scope)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findProject(db: Db, id: string): Promise<ProjectFacts | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
  return row;
}

export async function findProjects(db: Db, ids: string[]): Promise<ProjectFacts[]> {
  if (ids.length === 0) return [];
  return db.select().from(projects).where(inArray(projects.id, ids));
}

export interface RegionRef {
  code: string;
  name: string;
  path: string;
  level: string;
}

export async function findRegion(db: Db, code: string): Promise<RegionRef | undefined> {
  const [row] = await db
    .select({ code: regions.code, name: regions.name, path: regions.path, level: regions.level })
    .from(regions)
    .where(eq(regions.code, code));
  return row;
}

export async function findUnit(
  db: Db,
  id: string,
): Promise<{ id: string; name: string; regionCode: string } | undefined> {
  const [row] = await db
    .select({ id: units.id, name: units.name, regionCode: units.regionCode })
    .from(units)
    .where(eq(units.id, id));
  return row;
}

export async function regionInCallerScope(db: Db, scope: Scope, code: string): Promise<boolean> {
  const [row] = await rows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from regions where code = ${code} and ${regionInScope(sql`code`, scope)}) as ok`,
  );
  return Boolean(row?.ok);
}

// ------------------------------------------------------------------ first report

export type FirstReportValues = typeof firstReports.$inferInsert;

/** Several first reports in one INSERT (a batch of registrations). */
export async function insertFirstReports(tx: Db, values: FirstReportValues[]): Promise<void> {
  await insertMany(tx, firstReports, values, { onConflictDoNothing: true });
}

export interface FirstReportRow {
  projectId: string;
  unitId: string;
  unitName: string;
  regionCode: string;
  regionName: string;
  reportedAt: Date;
  reportedOn: string;
  subject: boolean;
  exclusivityEndsOn: string | null;
  source: string | null;
}

export async function findFirstReport(db: Db, projectId: string): Promise<FirstReportRow | undefined> {
  const [row] = await db
    .select({
      projectId: firstReports.projectId,
      unitId: firstReports.unitId,
      unitName: units.name,
      regionCode: firstReports.regionCode,
      regionName: regions.name,
      reportedAt: firstReports.reportedAt,
      reportedOn: firstReports.reportedOn,
      subject: firstReports.subject,
      exclusivityEndsOn: firstReports.exclusivityEndsOn,
      source: firstReports.source,
    })
    .from(firstReports)
    .innerJoin(units, eq(units.id, firstReports.unitId))
    .innerJoin(regions, eq(regions.code, firstReports.regionCode))
    .where(eq(firstReports.projectId, projectId));
  return row;
}

/** Windows whose last day is `endsOn` and whose reminder has not gone out. */
export async function windowsEndingOn(db: Db, endsOn: string) {
  return db
    .select({
      projectId: firstReports.projectId,
      unitId: firstReports.unitId,
      exclusivityEndsOn: firstReports.exclusivityEndsOn,
      projectName: projects.name,
      projectCode: projects.code,
    })
    .from(firstReports)
    .innerJoin(projects, eq(projects.id, firstReports.projectId))
    .where(and(eq(firstReports.exclusivityEndsOn, endsOn), sql`${firstReports.remindedOn} is null`));
}

export async function markWindowReminded(tx: Db, projectId: string, on: string): Promise<void> {
  await tx.update(firstReports).set({ remindedOn: on }).where(eq(firstReports.projectId, projectId));
}

// ------------------------------------------------------------------ duplicates

export async function enterpriseIdsOf(db: Db, projectId: string): Promise<string[]> {
  const list = await db
    .select({ id: projectEnterprises.enterpriseId })
    .from(projectEnterprises)
    .where(eq(projectEnterprises.projectId, projectId));
  return list.map((r) => r.id);
}

export interface DuplicateCandidateRow {
  projectId: string;
  firstRegionCode: string;
  firstRegionName: string;
  firstRegionPath: string;
  firstUnitId: string;
  firstUnitName: string;
  exclusivityEndsOn: string | null;
  basis: 'credit_code' | 'name_core';
}

/**
 * Projects of the same enterprise in any region: the enterprises given, plus every enterprise
 * whose name core equals one of theirs (btree), then their projects (project_enterprises index)
 * that are still active and similar — name cores at trigram similarity ≥ 0.3, or the same
 * industry division. Bounded by the enterprise's own projects, so it stays a few index probes.
 */
export async function findDuplicateCandidates(
  db: Db,
  input: { projectId: string; enterpriseIds: string[]; nameCore: string; industryDivision: string | null },
): Promise<DuplicateCandidateRow[]> {
  if (input.enterpriseIds.length === 0) return [];
  const ids = sql.join(
    input.enterpriseIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return rows<DuplicateCandidateRow>(
    db,
    sql`with own as (
          select id, credit_code, name_core from enterprises where id in (${ids})
        ), matched as (
          select id, case when credit_code is not null then 'credit_code' else 'name_core' end as basis from own
          union
          select e.id, 'name_core' from enterprises e
          where e.name_core in (select name_core from own where name_core <> '') and e.id not in (select id from own)
        )
        select p.id as "projectId", p.first_region_code as "firstRegionCode", r.name as "firstRegionName",
               r.path as "firstRegionPath", p.first_unit_id as "firstUnitId", u.name as "firstUnitName",
               fr.exclusivity_ends_on::text as "exclusivityEndsOn", min(m.basis) as basis
        from matched m
        join project_enterprises pe on pe.enterprise_id = m.id
        join projects p on p.id = pe.project_id
        join regions r on r.code = p.first_region_code
        join units u on u.id = p.first_unit_id
        left join first_reports fr on fr.project_id = p.id
        where p.id <> ${input.projectId}
          and p.stage not in ('terminated', 'achieved')
          and (similarity(p.name_core, ${input.nameCore}) >= ${PROJECT_NAME_SIMILARITY}
               ${input.industryDivision ? sql`or p.industry_division = ${input.industryDivision}` : sql``})
        group by p.id, r.name, r.path, u.name, fr.exclusivity_ends_on
        order by min(m.basis), p.id
        limit 20`,
  );
}

export interface BatchRegistration {
  projectId: string;
  enterpriseIds: string[];
  nameCore: string;
  industryDivision: string | null;
}

/**
 * `findDuplicateCandidates` for a batch of projects registered in one transaction, in one query
 * per chunk: the same matching, with each row naming the batch project it is a candidate of
 * (`forProjectId`). A project of the batch is a candidate only of the ones registered after it
 * (as if they had been registered one by one); `inBatch` marks those, whose first report is not
 * written yet (their `exclusivityEndsOn` is null here and is known to the caller).
 */
export async function findDuplicateCandidatesBatch(
  db: Db,
  batch: readonly BatchRegistration[],
): Promise<(DuplicateCandidateRow & { forProjectId: string; inBatch: boolean })[]> {
  const items = batch.map((b, ord) => ({
    project_id: b.projectId,
    ord,
    name_core: b.nameCore,
    industry_division: b.industryDivision,
  }));
  const links = batch.flatMap((b) => b.enterpriseIds.map((id) => ({ project_id: b.projectId, enterprise_id: id })));
  if (links.length === 0) return [];
  return rows<DuplicateCandidateRow & { forProjectId: string; inBatch: boolean }>(
    db,
    sql`with batch as (
          select * from jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
            as b(project_id uuid, ord int, name_core text, industry_division text)
        ), own as (
          select l.project_id as for_id, e.id, e.credit_code, e.name_core
          from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as l(project_id uuid, enterprise_id uuid)
          join enterprises e on e.id = l.enterprise_id
        ), matched as (
          select for_id, id, case when credit_code is not null then 'credit_code' else 'name_core' end as basis from own
          union
          select o.for_id, e.id, 'name_core' from own o
          join enterprises e on e.name_core = o.name_core
          where o.name_core <> '' and e.id not in (select o2.id from own o2 where o2.for_id = o.for_id)
        ), found as (
          select b.project_id as "forProjectId", (cb.project_id is not null) as "inBatch",
                 p.id as "projectId", p.first_region_code as "firstRegionCode", r.name as "firstRegionName",
                 r.path as "firstRegionPath", p.first_unit_id as "firstUnitId", u.name as "firstUnitName",
                 fr.exclusivity_ends_on::text as "exclusivityEndsOn", min(m.basis) as basis
          from matched m
          join batch b on b.project_id = m.for_id
          join project_enterprises pe on pe.enterprise_id = m.id
          join projects p on p.id = pe.project_id
          left join batch cb on cb.project_id = p.id
          join regions r on r.code = p.first_region_code
          join units u on u.id = p.first_unit_id
          left join first_reports fr on fr.project_id = p.id
          where p.id <> b.project_id
            and (cb.ord is null or cb.ord < b.ord)
            and p.stage not in ('terminated', 'achieved')
            and (similarity(p.name_core, b.name_core) >= ${PROJECT_NAME_SIMILARITY}
                 or (b.industry_division is not null and p.industry_division = b.industry_division))
          group by b.project_id, cb.project_id, p.id, r.name, r.path, u.name, fr.exclusivity_ends_on
        )
        select * from (
          select f.*, row_number() over (partition by "forProjectId" order by basis, "projectId") as n from found f
        ) ranked
        where n <= 20
        order by "forProjectId", basis, "projectId"`,
  );
}

/** The new conflict's id, or undefined when this pair was recorded before. */
/** Rows per statement when conflicts are written together (7 parameters a row). */
const CONFLICT_CHUNK = 500;

/**
 * Records conflicts; a pair already recorded is left as it is. Returns the ids of the new rows by
 * `projectId|otherProjectId`.
 */
export async function insertConflicts(
  tx: Db,
  values: readonly (typeof coordinationConflicts.$inferInsert)[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < values.length; i += CONFLICT_CHUNK) {
    const written = await tx
      .insert(coordinationConflicts)
      .values(values.slice(i, i + CONFLICT_CHUNK))
      .onConflictDoNothing()
      .returning({
        id: coordinationConflicts.id,
        projectId: coordinationConflicts.projectId,
        otherProjectId: coordinationConflicts.otherProjectId,
      });
    for (const row of written) ids.set(`${row.projectId}|${row.otherProjectId}`, row.id);
  }
  return ids;
}

/** Conflicts that hold the project back: open ones, and those decided for the first reporter. */
export async function blockingConflict(db: Db, projectId: string) {
  const [row] = await db
    .select({ id: coordinationConflicts.id, status: coordinationConflicts.status })
    .from(coordinationConflicts)
    .where(
      and(eq(coordinationConflicts.projectId, projectId), inArray(coordinationConflicts.status, ['open', 'upheld'])),
    )
    .limit(1);
  return row;
}

const conflictSelection = sql`c.id, c.level, c.status, c.basis, c.detected_on::text as "detectedOn",
  c.decision_reason as "decisionReason", c.decided_at as "decidedAt", c.created_at as "createdAt",
  c.arbiter_region_code as "arbiterRegionCode", ar.name as "arbiterRegionName",
  p.id as "projectId", p.code as "projectCode", p.name as "projectName",
  p.first_unit_id as "projectUnitId", pu.name as "projectUnitName",
  p.first_region_code as "projectRegionCode", pr.name as "projectRegionName",
  o.id as "otherProjectId", o.code as "otherProjectCode", o.name as "otherProjectName",
  o.first_unit_id as "otherUnitId", ou.name as "otherUnitName",
  o.first_region_code as "otherRegionCode", orr.name as "otherRegionName",
  ofr.exclusivity_ends_on::text as "otherExclusivityEndsOn"`;

const conflictFrom = sql`from coordination_conflicts c
  join regions ar on ar.code = c.arbiter_region_code
  join projects p on p.id = c.project_id
  join units pu on pu.id = p.first_unit_id
  join regions pr on pr.code = p.first_region_code
  join projects o on o.id = c.other_project_id
  join units ou on ou.id = o.first_unit_id
  join regions orr on orr.code = o.first_region_code
  left join first_reports ofr on ofr.project_id = o.id`;

export interface ConflictRow {
  id: string;
  level: 'conflict' | 'warning';
  status: 'open' | 'upheld' | 'released' | 'noted';
  basis: 'credit_code' | 'name_core';
  detectedOn: string;
  decisionReason: string | null;
  decidedAt: Date | string | null;
  createdAt: Date | string;
  arbiterRegionCode: string;
  arbiterRegionName: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  projectUnitId: string;
  projectUnitName: string;
  projectRegionCode: string;
  projectRegionName: string;
  otherProjectId: string;
  otherProjectCode: string;
  otherProjectName: string;
  otherUnitId: string;
  otherUnitName: string;
  otherRegionCode: string;
  otherRegionName: string;
  otherExclusivityEndsOn: string | null;
}

/** Conflicts (not warnings) whose arbiter region is in the scope. */
export async function listConflictsToArbitrate(db: Db, scope: Scope, status: string | null): Promise<ConflictRow[]> {
  return rows<ConflictRow>(
    db,
    sql`select ${conflictSelection} ${conflictFrom}
        where c.level = 'conflict' and ${regionInScope(sql`c.arbiter_region_code`, scope)}
          ${status ? sql`and c.status = ${status}` : sql``}
        order by c.created_at desc limit 200`,
  );
}

export async function findConflict(db: Db, id: string, lock = false): Promise<ConflictRow | undefined> {
  const [row] = await rows<ConflictRow>(
    db,
    sql`select ${conflictSelection} ${conflictFrom} where c.id = ${id} ${lock ? sql`for update of c` : sql``}`,
  );
  return row;
}

/** Conflicts a project is on either side of. */
export async function conflictsOfProject(db: Db, projectId: string): Promise<ConflictRow[]> {
  return rows<ConflictRow>(
    db,
    sql`select ${conflictSelection} ${conflictFrom}
        where c.project_id = ${projectId} or c.other_project_id = ${projectId}
        order by c.created_at desc`,
  );
}

export async function decideConflict(
  tx: Db,
  id: string,
  values: { status: 'upheld' | 'released'; decidedBy: string; decisionReason: string },
): Promise<boolean> {
  const updated = await tx
    .update(coordinationConflicts)
    .set({ ...values, decidedAt: new Date() })
    .where(and(eq(coordinationConflicts.id, id), eq(coordinationConflicts.status, 'open')))
    .returning({ id: coordinationConflicts.id });
  return updated.length > 0;
}

// ------------------------------------------------------------------ transfers

export async function insertTransfer(
  tx: Db,
  values: typeof projectTransfers.$inferInsert,
): Promise<string | undefined> {
  const [row] = await tx
    .insert(projectTransfers)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: projectTransfers.id });
  return row?.id;
}

export interface TransferRow {
  id: string;
  kind: 'transfer' | 'redirect';
  status: 'offered' | 'accepted' | 'declined' | 'withdrawn';
  reason: string;
  answerReason: string | null;
  createdAt: Date | string;
  answeredAt: Date | string | null;
  projectId: string;
  projectCode: string;
  projectName: string;
  projectStage: string;
  totalInvestmentWan: string;
  industryDivision: string | null;
  fromRegionCode: string;
  fromRegionName: string;
  toRegionCode: string;
  toRegionName: string;
  offeredByUnitId: string;
  offeredByUnitName: string;
  offeredByName: string | null;
  answeredByUnitId: string | null;
  answeredByUnitName: string | null;
  answeredByName: string | null;
}

const transferSelect = sql`select t.id, t.kind, t.status, t.reason, t.answer_reason as "answerReason",
    t.created_at as "createdAt", t.answered_at as "answeredAt",
    p.id as "projectId", p.code as "projectCode", p.name as "projectName", p.stage as "projectStage",
    p.total_investment_wan::text as "totalInvestmentWan", p.industry_division as "industryDivision",
    t.from_region_code as "fromRegionCode", fr.name as "fromRegionName",
    t.to_region_code as "toRegionCode", tr.name as "toRegionName",
    t.offered_by_unit_id as "offeredByUnitId", ou.name as "offeredByUnitName", ob.display_name as "offeredByName",
    t.answered_by_unit_id as "answeredByUnitId", au.name as "answeredByUnitName", ab.display_name as "answeredByName"
  from project_transfers t
  join projects p on p.id = t.project_id
  join regions fr on fr.code = t.from_region_code
  join regions tr on tr.code = t.to_region_code
  join units ou on ou.id = t.offered_by_unit_id
  left join users ob on ob.id = t.offered_by
  left join units au on au.id = t.answered_by_unit_id
  left join users ab on ab.id = t.answered_by`;

export async function findTransfer(db: Db, id: string, lock = false): Promise<TransferRow | undefined> {
  const [row] = await rows<TransferRow>(
    db,
    sql`${transferSelect} where t.id = ${id} ${lock ? sql`for update of t` : sql``}`,
  );
  return row;
}

/** Offers to the scope's regions (incoming) or from them, or about projects it sees (outgoing). */
export async function listTransfers(
  db: Db,
  scope: Scope,
  direction: 'incoming' | 'outgoing',
  status: string | null,
): Promise<TransferRow[]> {
  const where =
    direction === 'incoming'
      ? regionInScope(sql`t.to_region_code`, scope)
      : sql`(${regionInScope(sql`t.from_region_code`, scope)} or t.project_id in (select id from projects where ${projectVisible(scope)}))`;
  return rows<TransferRow>(
    db,
    sql`${transferSelect} where ${where} ${status ? sql`and t.status = ${status}` : sql``}
        order by t.created_at desc limit 200`,
  );
}

export async function transfersOfProject(db: Db, projectId: string): Promise<TransferRow[]> {
  return rows<TransferRow>(db, sql`${transferSelect} where t.project_id = ${projectId} order by t.created_at`);
}

export async function answerTransfer(
  tx: Db,
  id: string,
  values: {
    status: 'accepted' | 'declined';
    answeredBy: string;
    answeredByUnitId: string;
    answerReason: string | null;
  },
): Promise<boolean> {
  const updated = await tx
    .update(projectTransfers)
    .set({ ...values, answeredAt: new Date() })
    .where(and(eq(projectTransfers.id, id), eq(projectTransfers.status, 'offered')))
    .returning({ id: projectTransfers.id });
  return updated.length > 0;
}

/**
 * The accepting region becomes the host and its unit takes over the monthly reports; the first
 * unit and first region stay (they keep the credit of the first negotiation).
 */
export async function moveProjectHost(
  tx: Db,
  projectId: string,
  values: { hostRegionCode: string; responsibleUnitId: string },
): Promise<void> {
  await tx
    .update(projects)
    .set({ ...values, version: sql`${projects.version} + 1`, updatedAt: new Date() })
    .where(eq(projects.id, projectId));
}

export async function hasAcceptedTransfer(db: Db, projectId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projectTransfers.id })
    .from(projectTransfers)
    .where(and(eq(projectTransfers.projectId, projectId), eq(projectTransfers.status, 'accepted')))
    .limit(1);
  return Boolean(row);
}

// ------------------------------------------------------------------ credits

export async function insertCredits(tx: Db, values: (typeof coordinationCredits.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(coordinationCredits).values(values).onConflictDoNothing();
}

export async function listCredits(db: Db, scope: Scope, filter: { projectId?: string; from?: string; to?: string }) {
  const conditions: SQL[] = [regionInScope(sql`c.region_code`, scope)];
  if (filter.projectId) conditions.push(sql`c.project_id = ${filter.projectId}`);
  if (filter.from) conditions.push(sql`c.landed_on >= ${filter.from}`);
  if (filter.to) conditions.push(sql`c.landed_on <= ${filter.to}`);
  return rows<{
    id: string;
    projectId: string;
    projectCode: string;
    projectName: string;
    regionCode: string;
    regionName: string;
    role: 'first' | 'host';
    share: string;
    rule: string;
    source: string;
    landedOn: string;
  }>(
    db,
    sql`select c.id, c.project_id as "projectId", p.code as "projectCode", p.name as "projectName",
          c.region_code as "regionCode", r.name as "regionName", c.role, c.share::text as share, c.rule, c.source,
          c.landed_on::text as "landedOn"
        from coordination_credits c join projects p on p.id = c.project_id join regions r on r.code = c.region_code
        where ${sql.join(conditions, sql` and `)}
        order by c.landed_on desc, p.code, c.role limit 500`,
  );
}

// ------------------------------------------------------------------ escalation

export async function insertEscalation(tx: Db, values: typeof escalations.$inferInsert): Promise<string | undefined> {
  const [row] = await tx.insert(escalations).values(values).onConflictDoNothing().returning({ id: escalations.id });
  return row?.id;
}

export interface EscalationRow {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  projectStage: string;
  hostRegionCode: string;
  hostRegionName: string;
  responsibleUnitId: string;
  responsibleUnitName: string;
  toRegionCode: string;
  toRegionName: string;
  amountWan: string;
  thresholdWan: string;
  source: string;
  escalatedOn: string;
  responsibleLeader: string | null;
  serviceTeam: string | null;
  actionPlan: string | null;
  completedAt: Date | string | null;
  lastRemindedOn: string | null;
  version: number;
}

const escalationSelect = sql`select x.id, x.project_id as "projectId", p.code as "projectCode", p.name as "projectName",
    p.stage as "projectStage", p.host_region_code as "hostRegionCode", hr.name as "hostRegionName",
    p.responsible_unit_id as "responsibleUnitId", ru.name as "responsibleUnitName",
    x.to_region_code as "toRegionCode", tr.name as "toRegionName", x.amount_wan::text as "amountWan",
    x.threshold_wan::text as "thresholdWan", x.source, x.escalated_on::text as "escalatedOn",
    x.responsible_leader as "responsibleLeader", x.service_team as "serviceTeam", x.action_plan as "actionPlan",
    x.completed_at as "completedAt", x.last_reminded_on::text as "lastRemindedOn", x.version
  from escalations x
  join projects p on p.id = x.project_id
  join regions hr on hr.code = p.host_region_code
  join regions tr on tr.code = x.to_region_code
  join units ru on ru.id = p.responsible_unit_id`;

const threeOnesMissing = sql`(coalesce(btrim(x.responsible_leader), '') = '' or coalesce(btrim(x.service_team), '') = ''
  or coalesce(btrim(x.action_plan), '') = '')`;

/** Escalations on a list in the scope, or of projects the scope sees. */
export async function listEscalations(db: Db, scope: Scope, missingOnly: boolean): Promise<EscalationRow[]> {
  return rows<EscalationRow>(
    db,
    sql`${escalationSelect}
        where (${regionInScope(sql`x.to_region_code`, scope)} or x.project_id in (select id from projects where ${projectVisible(scope)}))
          ${missingOnly ? sql`and ${threeOnesMissing}` : sql``}
        order by x.escalated_on desc, p.code limit 500`,
  );
}

export async function findEscalation(db: Db, id: string): Promise<EscalationRow | undefined> {
  const [row] = await rows<EscalationRow>(db, sql`${escalationSelect} where x.id = ${id}`);
  return row;
}

export async function findEscalationOfProject(db: Db, projectId: string): Promise<EscalationRow | undefined> {
  const [row] = await rows<EscalationRow>(db, sql`${escalationSelect} where x.project_id = ${projectId}`);
  return row;
}

export async function updateThreeOnes(
  tx: Db,
  id: string,
  version: number,
  values: {
    responsibleLeader: string | null;
    serviceTeam: string | null;
    actionPlan: string | null;
    complete: boolean;
  },
): Promise<boolean> {
  const updated = await tx
    .update(escalations)
    .set({
      responsibleLeader: values.responsibleLeader,
      serviceTeam: values.serviceTeam,
      actionPlan: values.actionPlan,
      completedAt: values.complete ? new Date() : null,
      version: sql`${escalations.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(escalations.id, id), eq(escalations.version, version)))
    .returning({ id: escalations.id });
  return updated.length > 0;
}

/** Escalations still missing 三个一 whose last reminder is older than `before` (or never sent). */
export async function escalationsToRemind(db: Db, before: string): Promise<EscalationRow[]> {
  return rows<EscalationRow>(
    db,
    sql`${escalationSelect} where ${threeOnesMissing} and (x.last_reminded_on is null or x.last_reminded_on <= ${before})
        order by x.escalated_on limit 1000`,
  );
}

export async function markEscalationReminded(tx: Db, id: string, on: string): Promise<void> {
  await tx.update(escalations).set({ lastRemindedOn: on }).where(eq(escalations.id, id));
}

// ------------------------------------------------------------------ filing

export async function insertFiling(tx: Db, values: typeof signingFilings.$inferInsert): Promise<string> {
  const [row] = await tx.insert(signingFilings).values(values).returning({ id: signingFilings.id });
  return row!.id;
}

export async function filingsOf(db: Db, projectId: string) {
  return db
    .select({
      id: signingFilings.id,
      filedOn: signingFilings.filedOn,
      plannedSigningDate: signingFilings.plannedSigningDate,
      note: signingFilings.note,
      unitName: units.name,
      createdAt: signingFilings.createdAt,
    })
    .from(signingFilings)
    .innerJoin(units, eq(units.id, signingFilings.unitId))
    .where(eq(signingFilings.projectId, projectId))
    .orderBy(desc(signingFilings.filedOn));
}

export async function insertFilingException(tx: Db, values: typeof filingExceptions.$inferInsert): Promise<string> {
  const [row] = await tx.insert(filingExceptions).values(values).returning({ id: filingExceptions.id });
  return row!.id;
}

export async function filingExceptionsOf(db: Db, projectId: string) {
  return rows<{ id: string; reason: string; decidedByName: string; createdAt: Date | string }>(
    db,
    sql`select f.id, f.reason, u.display_name as "decidedByName", f.created_at as "createdAt"
        from filing_exceptions f join users u on u.id = f.decided_by
        where f.project_id = ${projectId} order by f.created_at`,
  );
}

// ------------------------------------------------------------------ stalled redirect

export async function insertConsent(tx: Db, values: typeof redirectConsents.$inferInsert): Promise<string> {
  const [row] = await tx.insert(redirectConsents).values(values).returning({ id: redirectConsents.id });
  return row!.id;
}

export async function consentsOf(db: Db, projectId: string) {
  return rows<{ id: string; unitName: string; givenByName: string; note: string | null; createdAt: Date | string }>(
    db,
    sql`select c.id, un.name as "unitName", u.display_name as "givenByName", c.note, c.created_at as "createdAt"
        from redirect_consents c join users u on u.id = c.given_by join units un on un.id = c.unit_id
        where c.project_id = ${projectId} order by c.created_at`,
  );
}

/**
 * Regions (other than `exceptRegion`, under `withinPath`) that already host projects of the
 * industry division, most first: where a stalled negotiation might be steered (jilin §三(一)).
 */
export async function regionsHostingIndustry(db: Db, division: string, withinPath: string, exceptRegion: string) {
  return rows<{ code: string; name: string; projects: number }>(
    db,
    sql`select r.code, r.name, count(*)::int as projects
        from projects p join regions r on r.code = p.host_region_code
        where p.industry_division = ${division} and p.host_region_code <> ${exceptRegion}
          and p.stage in ('signed', 'registered', 'started', 'producing', 'achieved')
          and r.path like ${withinPath + '%'}
        group by r.code, r.name order by count(*) desc, r.code limit 10`,
  );
}

// ------------------------------------------------------------------ Jilin monthly list

/** Projects in scope signed in [from, to] (still signed or further along), with their host region. */
export async function signedBetween(db: Db, scope: Scope, from: string, to: string) {
  return rows<{
    id: string;
    code: string;
    name: string;
    stage: string;
    signingDate: string;
    contractAmountWan: string | null;
    totalInvestmentWan: string;
    hostRegionCode: string;
    hostRegionName: string;
    firstUnitName: string;
  }>(
    db,
    sql`select p.id, p.code, p.name, p.stage, p.signing_date::text as "signingDate",
          p.contract_amount_wan::text as "contractAmountWan", p.total_investment_wan::text as "totalInvestmentWan",
          p.host_region_code as "hostRegionCode", r.name as "hostRegionName", u.name as "firstUnitName"
        from projects p join regions r on r.code = p.host_region_code join units u on u.id = p.first_unit_id
        where p.signing_date between ${from} and ${to} and p.stage <> 'terminated'
          and p.id in (select id from projects where ${projectVisible(scope)})
        order by p.signing_date, p.code`,
  );
}
