import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client';
import {
  assessmentSchemes,
  indicatorDefinitions,
  periodSnapshots,
  regions,
  samplingChecks,
  samplingItems,
  snapshotCorrections,
  targets,
  units,
} from '../../db/schema';
import { type Scope, regionInScope } from '../../lib/scope';

export type RegionRow = typeof regions.$inferSelect;
export type TargetRow = typeof targets.$inferSelect & { regionName: string };
export type SchemeRow = typeof assessmentSchemes.$inferSelect;
export type SnapshotRow = typeof periodSnapshots.$inferSelect;
export type CorrectionRow = typeof snapshotCorrections.$inferSelect;

export interface MetricRow {
  metric: string;
  count: number;
  amount: string;
}

export async function findRegionInScope(db: Db, scope: Scope, code: string): Promise<RegionRow | undefined> {
  const [row] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.code, code), regionInScope(regions.code, scope)))
    .limit(1);
  return row;
}

export async function findRegion(db: Db, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

/** The regions directly under `code`, in display order: the regions a scheme ranks. */
export async function childRegions(db: Db, code: string): Promise<RegionRow[]> {
  return db.select().from(regions).where(eq(regions.parentCode, code)).orderBy(asc(regions.sort), asc(regions.code));
}

/**
 * Metric sums over a region's subtree for months [from, to], per direct child of the region
 * (`child` is the child's code, null for rows of the region itself). `bases` picks host only
 * (dashboard: no project counted twice) or host and credit (assessment: both regions credited).
 */
export async function metricsByChild(
  db: Db,
  root: RegionRow,
  from: string,
  to: string,
  bases: ('host' | 'credit')[],
): Promise<(MetricRow & { child: string | null })[]> {
  const childPathLength = root.path.length + 7;
  const list = await rows<{ child_path: string; metric: string; count: string | number; amount: string }>(
    db,
    sql`select substring(r.path, 1, ${childPathLength}) as child_path, s.metric,
          sum(s.count) as count, sum(s.amount)::text as amount
        from region_month_summary s join regions r on r.code = s.region_code
        where r.path like ${root.path + '%'} and s.month >= ${from} and s.month <= ${to}
          and s.basis in (${sql.join(
            bases.map((b) => sql`${b}`),
            sql`, `,
          )})
        group by 1, 2`,
  );
  return list.map((r) => ({
    child: r.child_path.length === childPathLength ? r.child_path.slice(-7, -1) : null,
    metric: r.metric,
    count: Number(r.count),
    amount: r.amount,
  }));
}

/** Metric sums over a subtree for one month key (e.g. 'current') or a range, by month. */
export async function metricsByMonth(
  db: Db,
  root: RegionRow,
  from: string,
  to: string,
  metrics: string[],
): Promise<(MetricRow & { month: string })[]> {
  const list = await rows<{ month: string; metric: string; count: string | number; amount: string }>(
    db,
    sql`select s.month, s.metric, sum(s.count) as count, sum(s.amount)::text as amount
        from region_month_summary s
        where s.region_code in (select code from regions where path like ${root.path + '%'})
          and s.basis = 'host' and s.month >= ${from} and s.month <= ${to}
          and s.metric in (${sql.join(
            metrics.map((m) => sql`${m}`),
            sql`, `,
          )})
        group by 1, 2`,
  );
  return list.map((r) => ({ month: r.month, metric: r.metric, count: Number(r.count), amount: r.amount }));
}

/** Current-state metrics (stage:*, chain:*, stalled) of a subtree, host basis. */
export async function currentMetrics(db: Db, root: RegionRow): Promise<MetricRow[]> {
  const list = await rows<{ metric: string; count: string | number; amount: string }>(
    db,
    sql`select s.metric, sum(s.count) as count, sum(s.amount)::text as amount
        from region_month_summary s
        where s.region_code in (select code from regions where path like ${root.path + '%'})
          and s.basis = 'host' and s.month = 'current'
        group by 1`,
  );
  return list.map((r) => ({ metric: r.metric, count: Number(r.count), amount: r.amount }));
}

// ---------------------------------------------------------------- targets

const targetSelection = {
  id: targets.id,
  year: targets.year,
  regionCode: targets.regionCode,
  indicator: targets.indicator,
  value: targets.value,
  origin: targets.origin,
  source: targets.source,
  note: targets.note,
  version: targets.version,
  updatedBy: targets.updatedBy,
  updatedAt: targets.updatedAt,
  regionName: regions.name,
};

export async function listTargets(db: Db, scope: Scope, year: number, regionCode?: string): Promise<TargetRow[]> {
  return db
    .select(targetSelection)
    .from(targets)
    .innerJoin(regions, eq(regions.code, targets.regionCode))
    .where(
      and(
        eq(targets.year, year),
        regionInScope(targets.regionCode, scope),
        regionCode
          ? sql`${targets.regionCode} in (select code from regions where path like
              (select path from regions where code = ${regionCode}) || '%')`
          : undefined,
      ),
    )
    .orderBy(asc(regions.path), asc(targets.indicator));
}

/** Targets of given regions for a year, as { region → { indicator → value } }. */
export async function targetsOf(
  db: Db,
  year: number,
  regionCodes: string[],
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  if (regionCodes.length === 0) return out;
  const list = await rows<{ region_code: string; indicator: string; value: string }>(
    db,
    sql`select region_code, indicator, value::text as value from targets
        where year = ${year} and region_code in (${sql.join(
          regionCodes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
  );
  for (const r of list) {
    const m = out.get(r.region_code) ?? {};
    m[r.indicator] = r.value;
    out.set(r.region_code, m);
  }
  return out;
}

export async function findTarget(db: Db, year: number, regionCode: string, indicator: string) {
  const [row] = await db
    .select()
    .from(targets)
    .where(and(eq(targets.year, year), eq(targets.regionCode, regionCode), eq(targets.indicator, indicator)))
    .limit(1);
  return row;
}

export async function findTargetById(db: Db, id: string): Promise<TargetRow | undefined> {
  const [row] = await db
    .select(targetSelection)
    .from(targets)
    .innerJoin(regions, eq(regions.code, targets.regionCode))
    .where(eq(targets.id, id))
    .limit(1);
  return row;
}

export async function insertTarget(tx: Db, values: typeof targets.$inferInsert): Promise<string> {
  const [row] = await tx.insert(targets).values(values).returning({ id: targets.id });
  return row!.id;
}

/** Writes a target when it still has `version`; false when someone else saved first. */
export async function updateTarget(
  tx: Db,
  id: string,
  version: number,
  values: Partial<typeof targets.$inferInsert>,
): Promise<boolean> {
  const updated = await tx
    .update(targets)
    .set({ ...values, version: sql`${targets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(targets.id, id), eq(targets.version, version)))
    .returning({ id: targets.id });
  return updated.length > 0;
}

// ---------------------------------------------------------------- schemes

export async function listSchemes(db: Db): Promise<SchemeRow[]> {
  return db.select().from(assessmentSchemes).orderBy(asc(assessmentSchemes.regionCode));
}

/** The scheme in force for a region in a year. */
export async function schemeFor(db: Db, regionCode: string, year: number): Promise<SchemeRow | undefined> {
  const [row] = await db
    .select()
    .from(assessmentSchemes)
    .where(
      and(
        eq(assessmentSchemes.regionCode, regionCode),
        sql`${assessmentSchemes.validFrom} <= ${year}`,
        sql`(${assessmentSchemes.validTo} is null or ${assessmentSchemes.validTo} >= ${year})`,
      ),
    )
    .orderBy(desc(assessmentSchemes.validFrom))
    .limit(1);
  return row;
}

export async function updateScheme(
  tx: Db,
  id: string,
  version: number,
  values: Partial<typeof assessmentSchemes.$inferInsert>,
): Promise<boolean> {
  const updated = await tx
    .update(assessmentSchemes)
    .set({ ...values, version: sql`${assessmentSchemes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.version, version)))
    .returning({ id: assessmentSchemes.id });
  return updated.length > 0;
}

export async function findScheme(db: Db, id: string): Promise<SchemeRow | undefined> {
  const [row] = await db.select().from(assessmentSchemes).where(eq(assessmentSchemes.id, id)).limit(1);
  return row;
}

// ---------------------------------------------------------------- snapshots

export async function findSnapshot(db: Db, regionCode: string, period: string): Promise<SnapshotRow | undefined> {
  const [row] = await db
    .select()
    .from(periodSnapshots)
    .where(and(eq(periodSnapshots.regionCode, regionCode), eq(periodSnapshots.period, period)))
    .limit(1);
  return row;
}

export async function findSnapshotById(db: Db, scope: Scope, id: string): Promise<SnapshotRow | undefined> {
  const [row] = await db
    .select()
    .from(periodSnapshots)
    .where(and(eq(periodSnapshots.id, id), regionInScope(periodSnapshots.regionCode, scope)))
    .limit(1);
  return row;
}

export async function listSnapshots(db: Db, scope: Scope, regionCode?: string) {
  return db
    .select({
      id: periodSnapshots.id,
      regionCode: periodSnapshots.regionCode,
      regionName: regions.name,
      period: periodSnapshots.period,
      closedAt: periodSnapshots.closedAt,
    })
    .from(periodSnapshots)
    .innerJoin(regions, eq(regions.code, periodSnapshots.regionCode))
    .where(
      and(
        regionInScope(periodSnapshots.regionCode, scope),
        regionCode ? eq(periodSnapshots.regionCode, regionCode) : undefined,
      ),
    )
    .orderBy(desc(periodSnapshots.period));
}

/** Closed year snapshots of a region before `year`, oldest first: the history the reminder rule reads. */
export async function yearSnapshots(db: Db, regionCode: string, beforeYear: number): Promise<SnapshotRow[]> {
  return db
    .select()
    .from(periodSnapshots)
    .where(
      and(
        eq(periodSnapshots.regionCode, regionCode),
        sql`${periodSnapshots.period} ~ '^[0-9]{4}$'`,
        sql`${periodSnapshots.period} < ${String(beforeYear)}`,
      ),
    )
    .orderBy(asc(periodSnapshots.period));
}

export async function insertSnapshot(tx: Db, values: typeof periodSnapshots.$inferInsert): Promise<SnapshotRow> {
  const [row] = await tx.insert(periodSnapshots).values(values).onConflictDoNothing().returning();
  return row!;
}

export async function listCorrections(db: Db, snapshotId: string): Promise<CorrectionRow[]> {
  return db
    .select()
    .from(snapshotCorrections)
    .where(eq(snapshotCorrections.snapshotId, snapshotId))
    .orderBy(asc(snapshotCorrections.correctedAt));
}

export async function insertCorrection(
  tx: Db,
  values: typeof snapshotCorrections.$inferInsert,
): Promise<CorrectionRow> {
  const [row] = await tx.insert(snapshotCorrections).values(values).returning();
  return row!;
}

// ---------------------------------------------------------------- sampling

/** Regions (direct children of `root`, or root itself) whose projects a sampling check found false in `year`. */
export async function falseDataRegions(db: Db, root: RegionRow, year: number): Promise<Set<string>> {
  const childPathLength = root.path.length + 7;
  const list = await rows<{ child_path: string }>(
    db,
    sql`select distinct substring(r.path, 1, ${childPathLength}) as child_path
        from sampling_items i join sampling_checks c on c.id = i.check_id
        join projects p on p.id = i.project_id join regions r on r.code = p.host_region_code
        where i.result = 'false' and c.year = ${year} and r.path like ${root.path + '%'}`,
  );
  return new Set(list.filter((r) => r.child_path.length === childPathLength).map((r) => r.child_path.slice(-7, -1)));
}

/** The projects of each unit (by responsible unit) hosted in a subtree, not terminated: what a check samples from. */
export async function samplingCandidates(db: Db, root: RegionRow): Promise<Map<string, string[]>> {
  const list = await rows<{ unit_id: string; id: string }>(
    db,
    sql`select p.responsible_unit_id as unit_id, p.id from projects p
        where p.host_region_code in (select code from regions where path like ${root.path + '%'})
          and p.stage <> 'terminated'`,
  );
  const out = new Map<string, string[]>();
  for (const r of list) out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), r.id]);
  return out;
}

export async function insertCheck(tx: Db, values: typeof samplingChecks.$inferInsert): Promise<string> {
  const [row] = await tx.insert(samplingChecks).values(values).returning({ id: samplingChecks.id });
  return row!.id;
}

export async function insertItems(tx: Db, values: (typeof samplingItems.$inferInsert)[]): Promise<void> {
  if (values.length) await tx.insert(samplingItems).values(values);
}

export async function listChecks(db: Db, scope: Scope) {
  return db
    .select({
      id: samplingChecks.id,
      regionCode: samplingChecks.regionCode,
      regionName: regions.name,
      year: samplingChecks.year,
      perUnit: samplingChecks.perUnit,
      seed: samplingChecks.seed,
      note: samplingChecks.note,
      createdAt: samplingChecks.createdAt,
      items: sql<number>`(select count(*) from sampling_items i where i.check_id = ${samplingChecks.id})`.mapWith(
        Number,
      ),
      verified: sql<number>`(select count(*) from sampling_items i where i.check_id = ${samplingChecks.id}
        and i.result is not null)`.mapWith(Number),
    })
    .from(samplingChecks)
    .innerJoin(regions, eq(regions.code, samplingChecks.regionCode))
    .where(regionInScope(samplingChecks.regionCode, scope))
    .orderBy(desc(samplingChecks.createdAt));
}

export async function findCheck(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(samplingChecks)
    .where(and(eq(samplingChecks.id, id), regionInScope(samplingChecks.regionCode, scope)))
    .limit(1);
  return row;
}

export async function listItems(db: Db, checkId: string) {
  return rows<{
    id: string;
    project_id: string;
    project_code: string;
    project_name: string;
    unit_id: string;
    unit_name: string;
    result: 'confirmed' | 'corrected' | 'false' | null;
    note: string | null;
    verified_at: Date | string | null;
  }>(
    db,
    sql`select i.id, i.project_id, p.code as project_code, p.name as project_name, i.unit_id, u.name as unit_name,
          i.result, i.note, i.verified_at
        from sampling_items i join projects p on p.id = i.project_id join units u on u.id = i.unit_id
        where i.check_id = ${checkId} order by u.name, p.code`,
  );
}

export async function findItem(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select({ id: samplingItems.id, checkId: samplingItems.checkId, regionCode: samplingChecks.regionCode })
    .from(samplingItems)
    .innerJoin(samplingChecks, eq(samplingChecks.id, samplingItems.checkId))
    .where(and(eq(samplingItems.id, id), regionInScope(samplingChecks.regionCode, scope)))
    .limit(1);
  return row;
}

export async function recordFinding(
  tx: Db,
  id: string,
  values: { result: 'confirmed' | 'corrected' | 'false'; note: string | null; verifiedBy: string },
): Promise<void> {
  await tx
    .update(samplingItems)
    .set({ ...values, verifiedAt: new Date() })
    .where(eq(samplingItems.id, id));
}

/**
 * Per unit of a subtree: required-field completeness of its projects, report timeliness in the
 * year, and its sampled projects with their findings.
 */
export async function unitQualityFacts(db: Db, root: RegionRow, year: number) {
  return rows<{
    unit_id: string;
    unit_name: string;
    region_code: string;
    projects: string | number;
    filled: string | number;
    reports: string | number;
    on_time: string | number;
    sampled: string | number;
    confirmed: string | number;
    corrected: string | number;
    false_count: string | number;
  }>(
    db,
    sql`with u as (select id, name, region_code from units where region_code in
          (select code from regions where path like ${root.path + '%'})),
      p as (select p.responsible_unit_id as unit_id, count(*) as projects,
              sum((p.industry_section is not null)::int + (p.source_channel <> '')::int
                + (coalesce(p.responsible_leader, '') <> '')::int
                + (exists (select 1 from project_enterprises pe where pe.project_id = p.id))::int
                + (p.land_demand_mu is not null)::int + (p.jobs is not null)::int) as filled
            from projects p where p.responsible_unit_id in (select id from u) group by 1),
      r as (select r.unit_id, count(*) as reports, count(*) filter (where not r.late) as on_time
            from progress_reports r where r.version = 1 and r.month like ${`${year}-%`}
              and r.unit_id in (select id from u) group by 1),
      s as (select i.unit_id, count(*) as sampled,
              count(*) filter (where i.result = 'confirmed') as confirmed,
              count(*) filter (where i.result = 'corrected') as corrected,
              count(*) filter (where i.result = 'false') as false_count
            from sampling_items i join sampling_checks c on c.id = i.check_id
            where c.year = ${year} and i.unit_id in (select id from u) group by 1)
      select u.id as unit_id, u.name as unit_name, u.region_code,
        coalesce(p.projects, 0) as projects, coalesce(p.filled, 0) as filled,
        coalesce(r.reports, 0) as reports, coalesce(r.on_time, 0) as on_time,
        coalesce(s.sampled, 0) as sampled, coalesce(s.confirmed, 0) as confirmed,
        coalesce(s.corrected, 0) as corrected, coalesce(s.false_count, 0) as false_count
      from u left join p on p.unit_id = u.id left join r on r.unit_id = u.id left join s on s.unit_id = u.id
      where p.projects is not null or r.reports is not null or s.sampled is not null
      order by u.region_code, u.name`,
  );
}

export async function unitName(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, id)).limit(1);
  return row?.name;
}

export async function upsertDefinitions(db: Db, values: (typeof indicatorDefinitions.$inferInsert)[]): Promise<void> {
  if (values.length) await db.insert(indicatorDefinitions).values(values).onConflictDoNothing();
}
