import {
  type AnyColumn,
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { type Db, rows } from '../../db/client';
import {
  buildings,
  funds,
  parcels,
  projectDemands,
  projects,
  quotaAllocations,
  regions,
  reservations,
  units,
  users,
  zoneQuotas,
} from '../../db/schema';
import { type Scope, regionInScope } from '../../lib/scope';
import type { TBuildingQuery, TFundQuery, TMapQuery, TParcelQuery, TQuotaQuery } from './schema';
import { isUniqueViolation } from '../../db/errors';
import { containsPattern, splitWindowTotal, windowTotal } from '../../lib/listing';

/** The region and its subtree. */
function inSubtree(column: SQL | AnyColumn, code: string): SQL {
  return sql`${column} in (select code from regions where path like (select path from regions where code = ${code}) || '%')`;
}

const refs = {
  regionName: regions.name,
  regionPath: regions.path,
  zoneLevel: regions.zoneLevel,
  unitName: units.name,
};

/** The region and unit a parcel, building or fund row names (drizzle's dynamic query building). */
function joinRefs<Q extends PgSelect>(query: Q, table: typeof parcels | typeof buildings | typeof funds) {
  return query.innerJoin(regions, eq(regions.code, table.regionCode)).innerJoin(units, eq(units.id, table.unitId));
}

/** A page of a library list: 1-based `page`; with `pageSize` null every matching row (the Excel export). */
export interface LibraryPage {
  page: number;
  pageSize: number | null;
}

// ---------------------------------------------------------------- parcels

export type ParcelValues = Omit<typeof parcels.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type ParcelRow = typeof parcels.$inferSelect & {
  regionName: string;
  regionPath: string;
  zoneLevel: 'national' | 'provincial' | 'other' | null;
  unitName: string;
};

function selectParcels(db: Db) {
  return joinRefs(
    db
      .select({ ...getTableColumns(parcels), ...refs })
      .from(parcels)
      .$dynamic(),
    parcels,
  );
}

function parcelWhere(scope: Scope, f: Partial<TParcelQuery>): SQL | undefined {
  return and(
    regionInScope(parcels.regionCode, scope),
    f.q
      ? sql`(${parcels.name} ilike ${containsPattern(f.q)} or ${parcels.code} ilike ${containsPattern(f.q)})`
      : undefined,
    f.regionCode ? inSubtree(parcels.regionCode, f.regionCode) : undefined,
    f.use ? eq(parcels.use, f.use) : undefined,
    f.status ? eq(parcels.status, f.status) : undefined,
    f.minMu ? gte(parcels.areaMu, f.minMu) : undefined,
    f.maxMu ? lte(parcels.areaMu, f.maxMu) : undefined,
    f.readyToBuild !== undefined ? eq(parcels.readyToBuild, f.readyToBuild) : undefined,
    f.supplyMode ? sql`${f.supplyMode} = any(${parcels.supplyModes})` : undefined,
    f.published !== undefined ? eq(parcels.published, f.published) : undefined,
  );
}

export async function listParcels(
  db: Db,
  scope: Scope,
  f: Partial<TParcelQuery>,
  paging: LibraryPage,
): Promise<{ rows: ParcelRow[]; total: number }> {
  const where = parcelWhere(scope, f);
  if (paging.pageSize === null) {
    const list = await selectParcels(db).where(where).orderBy(desc(parcels.areaMu), asc(parcels.code));
    return { rows: list, total: list.length };
  }
  const paged = await joinRefs(
    db
      .select({ ...getTableColumns(parcels), ...refs, total: windowTotal })
      .from(parcels)
      .$dynamic(),
    parcels,
  )
    .where(where)
    .orderBy(desc(parcels.areaMu), asc(parcels.code))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return splitWindowTotal(paged, paging.page, () => db.select({ total: count() }).from(parcels).where(where));
}

export async function findParcel(db: Db, scope: Scope, id: string, lock = false): Promise<ParcelRow | undefined> {
  const q = selectParcels(db)
    .where(and(eq(parcels.id, id), regionInScope(parcels.regionCode, scope)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: parcels }) : await q;
  return row;
}

/** Inserts a parcel; null when (region, code) is taken. */
export async function insertParcel(tx: Db, values: ParcelValues): Promise<string | null> {
  const [row] = await tx.insert(parcels).values(values).onConflictDoNothing().returning({ id: parcels.id });
  return row?.id ?? null;
}

export async function updateParcel(
  tx: Db,
  id: string,
  version: number,
  values: Partial<ParcelValues>,
): Promise<'ok' | 'stale' | 'duplicate'> {
  try {
    const done = await tx
      .update(parcels)
      .set({ ...values, version: sql`${parcels.version} + 1`, updatedAt: new Date() })
      .where(and(eq(parcels.id, id), eq(parcels.version, version)))
      .returning({ id: parcels.id });
    return done.length ? 'ok' : 'stale';
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate';
    throw err;
  }
}

// ---------------------------------------------------------------- buildings

export type BuildingValues = Omit<typeof buildings.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type BuildingRow = typeof buildings.$inferSelect & {
  regionName: string;
  regionPath: string;
  zoneLevel: 'national' | 'provincial' | 'other' | null;
  unitName: string;
};

function selectBuildings(db: Db) {
  return joinRefs(
    db
      .select({ ...getTableColumns(buildings), ...refs })
      .from(buildings)
      .$dynamic(),
    buildings,
  );
}

function buildingWhere(scope: Scope, f: Partial<TBuildingQuery>): SQL | undefined {
  return and(
    regionInScope(buildings.regionCode, scope),
    f.q
      ? sql`(${buildings.name} ilike ${containsPattern(f.q)} or ${buildings.code} ilike ${containsPattern(f.q)})`
      : undefined,
    f.regionCode ? inSubtree(buildings.regionCode, f.regionCode) : undefined,
    f.kind ? eq(buildings.kind, f.kind) : undefined,
    f.status ? eq(buildings.status, f.status) : undefined,
    f.minM2 !== undefined ? gte(buildings.floorAreaM2, f.minM2) : undefined,
    f.maxM2 !== undefined ? lte(buildings.floorAreaM2, f.maxM2) : undefined,
    f.crane === true ? sql`${buildings.craneTons} > 0` : undefined,
    f.crane === false ? sql`coalesce(${buildings.craneTons}, 0) = 0` : undefined,
    f.published !== undefined ? eq(buildings.published, f.published) : undefined,
  );
}

export async function listBuildings(
  db: Db,
  scope: Scope,
  f: Partial<TBuildingQuery>,
  paging: LibraryPage,
): Promise<{ rows: BuildingRow[]; total: number }> {
  const where = buildingWhere(scope, f);
  if (paging.pageSize === null) {
    const list = await selectBuildings(db).where(where).orderBy(desc(buildings.floorAreaM2), asc(buildings.code));
    return { rows: list, total: list.length };
  }
  const paged = await joinRefs(
    db
      .select({ ...getTableColumns(buildings), ...refs, total: windowTotal })
      .from(buildings)
      .$dynamic(),
    buildings,
  )
    .where(where)
    .orderBy(desc(buildings.floorAreaM2), asc(buildings.code))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return splitWindowTotal(paged, paging.page, () => db.select({ total: count() }).from(buildings).where(where));
}

export async function findBuilding(db: Db, scope: Scope, id: string, lock = false): Promise<BuildingRow | undefined> {
  const q = selectBuildings(db)
    .where(and(eq(buildings.id, id), regionInScope(buildings.regionCode, scope)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: buildings }) : await q;
  return row;
}

export async function insertBuilding(tx: Db, values: BuildingValues): Promise<string | null> {
  const [row] = await tx.insert(buildings).values(values).onConflictDoNothing().returning({ id: buildings.id });
  return row?.id ?? null;
}

export async function updateBuilding(
  tx: Db,
  id: string,
  version: number,
  values: Partial<BuildingValues>,
): Promise<'ok' | 'stale' | 'duplicate'> {
  try {
    const done = await tx
      .update(buildings)
      .set({ ...values, version: sql`${buildings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(buildings.id, id), eq(buildings.version, version)))
      .returning({ id: buildings.id });
    return done.length ? 'ok' : 'stale';
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate';
    throw err;
  }
}

/** Sets an item's status as a reservation starts or ends (no version bump: the reservation is the change). */
export async function setItemStatus(
  tx: Db,
  item: { kind: 'parcel' | 'building'; id: string },
  status: 'available' | 'reserved' | 'used',
): Promise<void> {
  if (item.kind === 'parcel') {
    await tx.update(parcels).set({ status, updatedAt: new Date() }).where(eq(parcels.id, item.id));
  } else {
    await tx.update(buildings).set({ status, updatedAt: new Date() }).where(eq(buildings.id, item.id));
  }
}

// ---------------------------------------------------------------- funds

export type FundValues = Omit<typeof funds.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type FundRow = typeof funds.$inferSelect & {
  regionName: string;
  regionPath: string;
  zoneLevel: 'national' | 'provincial' | 'other' | null;
  unitName: string;
};

function selectFunds(db: Db) {
  return joinRefs(
    db
      .select({ ...getTableColumns(funds), ...refs })
      .from(funds)
      .$dynamic(),
    funds,
  );
}

export async function listFunds(
  db: Db,
  scope: Scope,
  f: Partial<TFundQuery>,
  paging: LibraryPage,
): Promise<{ rows: FundRow[]; total: number }> {
  const where = and(
    regionInScope(funds.regionCode, scope),
    f.q ? sql`${funds.name} ilike ${containsPattern(f.q)}` : undefined,
    f.regionCode ? inSubtree(funds.regionCode, f.regionCode) : undefined,
    f.stage ? sql`${f.stage} = any(${funds.stages})` : undefined,
    f.industry ? sql`${f.industry} = any(${funds.focusIndustries})` : undefined,
  );
  if (paging.pageSize === null) {
    const list = await selectFunds(db).where(where).orderBy(desc(funds.sizeWan), asc(funds.name));
    return { rows: list, total: list.length };
  }
  const paged = await joinRefs(
    db
      .select({ ...getTableColumns(funds), ...refs, total: windowTotal })
      .from(funds)
      .$dynamic(),
    funds,
  )
    .where(where)
    .orderBy(desc(funds.sizeWan), asc(funds.name))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return splitWindowTotal(paged, paging.page, () => db.select({ total: count() }).from(funds).where(where));
}

export async function findFund(db: Db, scope: Scope, id: string, lock = false): Promise<FundRow | undefined> {
  const q = selectFunds(db)
    .where(and(eq(funds.id, id), regionInScope(funds.regionCode, scope)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: funds }) : await q;
  return row;
}

export async function insertFund(tx: Db, values: FundValues): Promise<string | null> {
  const [row] = await tx.insert(funds).values(values).onConflictDoNothing().returning({ id: funds.id });
  return row?.id ?? null;
}

export async function updateFund(
  tx: Db,
  id: string,
  version: number,
  values: Partial<FundValues>,
): Promise<'ok' | 'stale' | 'duplicate'> {
  try {
    const done = await tx
      .update(funds)
      .set({ ...values, version: sql`${funds.version} + 1`, updatedAt: new Date() })
      .where(and(eq(funds.id, id), eq(funds.version, version)))
      .returning({ id: funds.id });
    return done.length ? 'ok' : 'stale';
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate';
    throw err;
  }
}

// ---------------------------------------------------------------- quotas

export type QuotaRow = typeof zoneQuotas.$inferSelect & {
  regionName: string;
  zoneLevel: 'national' | 'provincial' | 'other' | null;
  unitName: string;
  allocated: string;
};

function selectQuotas(db: Db) {
  return db
    .select({
      ...getTableColumns(zoneQuotas),
      regionName: regions.name,
      zoneLevel: regions.zoneLevel,
      unitName: units.name,
      allocated: sql<string>`coalesce((select sum(a.amount) from quota_allocations a
        where a.quota_id = ${zoneQuotas.id}), 0)::text`,
    })
    .from(zoneQuotas)
    .innerJoin(regions, eq(regions.code, zoneQuotas.regionCode))
    .innerJoin(units, eq(units.id, zoneQuotas.unitId));
}

export async function listQuotas(db: Db, scope: Scope, f: TQuotaQuery): Promise<QuotaRow[]> {
  return selectQuotas(db)
    .where(
      and(
        regionInScope(zoneQuotas.regionCode, scope),
        f.year ? eq(zoneQuotas.year, f.year) : undefined,
        f.regionCode ? inSubtree(zoneQuotas.regionCode, f.regionCode) : undefined,
        f.kind ? eq(zoneQuotas.kind, f.kind) : undefined,
      ),
    )
    .orderBy(desc(zoneQuotas.year), asc(regions.sort), asc(zoneQuotas.kind));
}

export async function findQuota(db: Db, scope: Scope, id: string, lock = false): Promise<QuotaRow | undefined> {
  const q = selectQuotas(db)
    .where(and(eq(zoneQuotas.id, id), regionInScope(zoneQuotas.regionCode, scope)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: zoneQuotas }) : await q;
  return row;
}

export async function insertQuota(tx: Db, values: typeof zoneQuotas.$inferInsert): Promise<string | null> {
  const [row] = await tx.insert(zoneQuotas).values(values).onConflictDoNothing().returning({ id: zoneQuotas.id });
  return row?.id ?? null;
}

export async function updateQuotaTotal(tx: Db, id: string, version: number, total: string): Promise<boolean> {
  const done = await tx
    .update(zoneQuotas)
    .set({ total, version: sql`${zoneQuotas.version} + 1`, updatedAt: new Date() })
    .where(and(eq(zoneQuotas.id, id), eq(zoneQuotas.version, version)))
    .returning({ id: zoneQuotas.id });
  return done.length > 0;
}

export async function listAllocations(db: Db, quotaId: string) {
  return db
    .select({
      id: quotaAllocations.id,
      quotaId: quotaAllocations.quotaId,
      projectId: quotaAllocations.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      amount: quotaAllocations.amount,
      allocatedOn: quotaAllocations.allocatedOn,
      note: quotaAllocations.note,
    })
    .from(quotaAllocations)
    .leftJoin(projects, eq(projects.id, quotaAllocations.projectId))
    .where(eq(quotaAllocations.quotaId, quotaId))
    .orderBy(desc(quotaAllocations.allocatedOn), asc(quotaAllocations.id));
}
export type AllocationRow = Awaited<ReturnType<typeof listAllocations>>[number];

export async function insertAllocation(tx: Db, values: typeof quotaAllocations.$inferInsert): Promise<string> {
  const [row] = await tx.insert(quotaAllocations).values(values).returning({ id: quotaAllocations.id });
  return row!.id;
}

/**
 * What each region (of `codes`) can still give in `year`, per quota kind: total − allocations.
 * One grouped query over the quota table's unique index.
 */
export async function remainingQuotas(
  db: Db,
  codes: string[],
  year: number,
): Promise<{ regionCode: string; kind: string; remaining: string }[]> {
  const safe = codes.filter((c) => /^[0-9A-Za-z]+$/.test(c));
  if (safe.length === 0) return [];
  // One array parameter rather than an IN list: far cheaper to bind and plan for many codes.
  const found = await rows<{ region_code: string; kind: string; remaining: string }>(
    db,
    sql`select q.region_code, q.kind, (q.total - coalesce(sum(a.amount), 0))::text as remaining
        from zone_quotas q left join quota_allocations a on a.quota_id = q.id
        where q.year = ${year} and q.region_code = any(${`{${safe.join(',')}}`}::text[])
        group by q.id`,
  );
  return found.map((r) => ({ regionCode: r.region_code, kind: r.kind, remaining: r.remaining }));
}

// ---------------------------------------------------------------- regions and units

export async function findRegion(
  db: Db,
  code: string,
): Promise<{ code: string; name: string; path: string; level: string; zoneLevel: string | null } | undefined> {
  const [row] = await db
    .select({
      code: regions.code,
      name: regions.name,
      path: regions.path,
      level: regions.level,
      zoneLevel: regions.zoneLevel,
    })
    .from(regions)
    .where(eq(regions.code, code))
    .limit(1);
  return row;
}

export async function regionsByCode(db: Db, codes: string[]): Promise<{ code: string; name: string; path: string }[]> {
  if (codes.length === 0) return [];
  return db
    .select({ code: regions.code, name: regions.name, path: regions.path })
    .from(regions)
    .where(inArray(regions.code, codes));
}

// ---------------------------------------------------------------- demands

export async function findDemand(db: Db, projectId: string, lock = false) {
  const q = db.select().from(projectDemands).where(eq(projectDemands.projectId, projectId)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}
export type DemandRow = typeof projectDemands.$inferSelect;
export type DemandValues = Omit<
  typeof projectDemands.$inferInsert,
  'projectId' | 'version' | 'createdAt' | 'updatedAt'
>;

export async function insertDemand(tx: Db, projectId: string, values: DemandValues): Promise<boolean> {
  const done = await tx
    .insert(projectDemands)
    .values({ projectId, ...values })
    .onConflictDoNothing()
    .returning({ id: projectDemands.projectId });
  return done.length > 0;
}

export async function updateDemand(tx: Db, projectId: string, version: number, values: DemandValues): Promise<boolean> {
  const done = await tx
    .update(projectDemands)
    .set({ ...values, version: sql`${projectDemands.version} + 1`, updatedAt: new Date() })
    .where(and(eq(projectDemands.projectId, projectId), eq(projectDemands.version, version)))
    .returning({ id: projectDemands.projectId });
  return done.length > 0;
}

// ---------------------------------------------------------------- matching candidates

export interface CandidateRow {
  id: string;
  code: string;
  name: string;
  size: string;
  /** Parcel: its land use; building: its kind. */
  use: string;
  readyToBuild: boolean;
  availableOn: string | null;
  status: 'available' | 'reserved' | 'used';
  regionCode: string;
  regionName: string;
  regionPath: string;
  zoneLevel: 'national' | 'provincial' | 'other' | null;
}

/** How many candidates each look-up returns; the ranking sees at most three times this. */
export const CANDIDATE_POOL = 150;

export interface CandidateOptions {
  /** The wanted size (亩, or m² as an integer string) and the smallest worth loading; null = no size demand. */
  wanted: string | null;
  minSize: string | null;
  preferredPaths: string[];
}

/**
 * Available items of one kind the scope sees, for matching, in one round trip and without a
 * sorting pass over the whole library: the items of the preferred regions (few, found by the
 * region index) nearest the wanted size, plus the nearest in size above and below it anywhere in
 * scope, each read in order from the (status, size) index and stopped at the pool size.
 */
async function candidates(
  db: Db,
  scope: Scope,
  kind: 'parcel' | 'building',
  opts: CandidateOptions,
): Promise<CandidateRow[]> {
  const table = kind === 'parcel' ? sql`parcels` : sql`buildings`;
  const size = kind === 'parcel' ? sql`t.area_mu` : sql`t.floor_area_m2`;
  const columns = sql`t.id, t.code, t.name, ${size}::text as size,
    ${kind === 'parcel' ? sql`t.use` : sql`t.kind`} as use,
    ${kind === 'parcel' ? sql`t.ready_to_build` : sql`true`} as ready_to_build,
    t.available_on::text as available_on, t.status, t.region_code,
    r.name as region_name, r.path as region_path, r.zone_level`;
  const from = sql`from ${table} t join regions r on r.code = t.region_code`;
  const base = sql`t.status = 'available' and ${regionInScope(sql`t.region_code`, scope)}
    ${opts.minSize ? sql`and ${size} >= ${opts.minSize}::numeric` : sql``}`;
  const parts: SQL[] = [];
  if (opts.preferredPaths.length) {
    const preferred = sql.join(
      opts.preferredPaths.map((p) => sql`path like ${p + '%'}`),
      sql` or `,
    );
    const near = opts.wanted ? sql`abs(${size} - ${opts.wanted}::numeric)` : size;
    parts.push(sql`(select ${columns} ${from} where ${base}
      and t.region_code in (select code from regions where ${preferred})
      order by ${near}, t.code limit ${CANDIDATE_POOL})`);
  }
  if (opts.wanted) {
    parts.push(sql`(select ${columns} ${from} where ${base} and ${size} >= ${opts.wanted}::numeric
      order by ${size}, t.code limit ${CANDIDATE_POOL})`);
    parts.push(sql`(select ${columns} ${from} where ${base} and ${size} < ${opts.wanted}::numeric
      order by ${size} desc, t.code limit ${CANDIDATE_POOL})`);
  } else {
    parts.push(sql`(select ${columns} ${from} where ${base} order by ${size} desc, t.code limit ${CANDIDATE_POOL})`);
  }
  const found = await rows<{
    id: string;
    code: string;
    name: string;
    size: string;
    use: string;
    ready_to_build: boolean;
    available_on: string | null;
    status: CandidateRow['status'];
    region_code: string;
    region_name: string;
    region_path: string;
    zone_level: CandidateRow['zoneLevel'];
  }>(db, sql.join(parts, sql` union all `));
  const seen = new Map<string, CandidateRow>();
  for (const r of found) {
    if (seen.has(r.id)) continue;
    seen.set(r.id, {
      id: r.id,
      code: r.code,
      name: r.name,
      size: r.size,
      use: r.use,
      readyToBuild: r.ready_to_build,
      availableOn: r.available_on,
      status: r.status,
      regionCode: r.region_code,
      regionName: r.region_name,
      regionPath: r.region_path,
      zoneLevel: r.zone_level,
    });
  }
  return [...seen.values()];
}

export function parcelCandidates(db: Db, scope: Scope, opts: CandidateOptions): Promise<CandidateRow[]> {
  return candidates(db, scope, 'parcel', opts);
}

export function buildingCandidates(db: Db, scope: Scope, opts: CandidateOptions): Promise<CandidateRow[]> {
  return candidates(db, scope, 'building', opts);
}

// ---------------------------------------------------------------- reservations

const reservationSelection = {
  ...getTableColumns(reservations),
  parcelCode: parcels.code,
  parcelName: parcels.name,
  buildingCode: buildings.code,
  buildingName: buildings.name,
  projectCode: projects.code,
  projectName: projects.name,
  regionName: regions.name,
  holderName: users.displayName,
  holderUnitName: units.name,
};

function selectReservations(db: Db) {
  return joinReservationNames(db.select(reservationSelection).from(reservations).$dynamic());
}

/** The item, project, region and holder a reservation row names (drizzle's dynamic query building). */
function joinReservationNames<Q extends PgSelect>(query: Q) {
  return query
    .leftJoin(parcels, eq(parcels.id, reservations.parcelId))
    .leftJoin(buildings, eq(buildings.id, reservations.buildingId))
    .innerJoin(projects, eq(projects.id, reservations.projectId))
    .innerJoin(regions, eq(regions.code, reservations.regionCode))
    .innerJoin(users, eq(users.id, reservations.holderUserId))
    .innerJoin(units, eq(units.id, reservations.holderUnitId));
}
export type ReservationRow = Awaited<ReturnType<ReturnType<typeof selectReservations>['limit']>>[number];

export async function listReservations(
  db: Db,
  scope: Scope,
  f: { status?: string; projectId?: string },
  paging: { page: number; pageSize: number },
): Promise<{ rows: ReservationRow[]; total: number }> {
  const where = and(
    regionInScope(reservations.regionCode, scope),
    f.status ? eq(reservations.status, f.status as 'active') : undefined,
    f.projectId ? eq(reservations.projectId, f.projectId) : undefined,
  );
  const paged = await joinReservationNames(
    db
      .select({ ...reservationSelection, total: windowTotal })
      .from(reservations)
      .$dynamic(),
  )
    .where(where)
    .orderBy(desc(reservations.createdAt), asc(reservations.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return splitWindowTotal(paged, paging.page, () => db.select({ total: count() }).from(reservations).where(where));
}

export async function findReservation(
  db: Db,
  scope: Scope | null,
  id: string,
  lock = false,
): Promise<ReservationRow | undefined> {
  const q = selectReservations(db)
    .where(and(eq(reservations.id, id), scope ? regionInScope(reservations.regionCode, scope) : undefined))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: reservations }) : await q;
  return row;
}

export async function insertReservation(tx: Db, values: typeof reservations.$inferInsert): Promise<string | null> {
  try {
    const [row] = await tx.insert(reservations).values(values).returning({ id: reservations.id });
    return row!.id;
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

export async function updateReservation(
  tx: Db,
  id: string,
  values: Partial<typeof reservations.$inferInsert>,
): Promise<void> {
  await tx
    .update(reservations)
    .set({ ...values, version: sql`${reservations.version} + 1`, updatedAt: new Date() })
    .where(eq(reservations.id, id));
}

/** Active holds with their project's state, for the daily job, in batches by id. */
export async function activeHolds(db: Db, afterId: string | null, limit: number) {
  return db
    .select({
      id: reservations.id,
      parcelId: reservations.parcelId,
      buildingId: reservations.buildingId,
      expiresOn: reservations.expiresOn,
      releaseCause: reservations.releaseCause,
      releaseDueOn: reservations.releaseDueOn,
      regionCode: reservations.regionCode,
      holderUserId: reservations.holderUserId,
      holderUnitId: reservations.holderUnitId,
      projectId: reservations.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      stage: projects.stage,
      stalledSince: projects.stalledSince,
      itemCode: sql<string>`coalesce(${parcels.code}, ${buildings.code})`,
      itemName: sql<string>`coalesce(${parcels.name}, ${buildings.name})`,
    })
    .from(reservations)
    .innerJoin(projects, eq(projects.id, reservations.projectId))
    .leftJoin(parcels, eq(parcels.id, reservations.parcelId))
    .leftJoin(buildings, eq(buildings.id, reservations.buildingId))
    .where(and(eq(reservations.status, 'active'), afterId ? sql`${reservations.id} > ${afterId}` : undefined))
    .orderBy(asc(reservations.id))
    .limit(limit);
}
export type ActiveHold = Awaited<ReturnType<typeof activeHolds>>[number];

// ---------------------------------------------------------------- lists

export async function levelTotals(db: Db, scope: Scope, regionCode: string) {
  return rows<{
    level: 'province' | 'city' | 'county' | 'zone';
    zone_level: 'national' | 'provincial' | 'other' | null;
    parcels: number;
    parcel_area: string;
    buildings: number;
    building_area: string;
    funds: number;
  }>(
    db,
    sql`with items as (
          select p.region_code, 1 as parcels, p.area_mu as parcel_area, 0 as buildings, 0 as building_area, 0 as funds
            from parcels p where p.status <> 'used' and ${regionInScope(sql`p.region_code`, scope)}
              and ${inSubtree(sql`p.region_code`, regionCode)}
          union all
          select b.region_code, 0, 0, 1, b.floor_area_m2, 0
            from buildings b where b.status <> 'used' and ${regionInScope(sql`b.region_code`, scope)}
              and ${inSubtree(sql`b.region_code`, regionCode)}
          union all
          select f.region_code, 0, 0, 0, 0, 1
            from funds f where ${regionInScope(sql`f.region_code`, scope)} and ${inSubtree(sql`f.region_code`, regionCode)}
        )
        select r.level, r.zone_level, sum(i.parcels)::int as parcels, sum(i.parcel_area)::text as parcel_area,
          sum(i.buildings)::int as buildings, sum(i.building_area)::text as building_area, sum(i.funds)::int as funds
        from items i join regions r on r.code = i.region_code
        group by r.level, r.zone_level
        order by case r.level when 'province' then 1 when 'city' then 2 when 'county' then 3 else 4 end,
          case r.zone_level when 'national' then 1 when 'provincial' then 2 else 3 end`,
  );
}

/** Quota totals and allocations in the subtree for a year, split by whether the region is a priority zone. */
export async function allocationShares(db: Db, regionCode: string, year: number) {
  return rows<{ kind: string; total: string; priority: string }>(
    db,
    sql`select q.kind,
          coalesce(sum(a.amount), 0)::text as total,
          coalesce(sum(a.amount) filter (where r.zone_level in ('national', 'provincial')), 0)::text as priority
        from quota_allocations a
        join zone_quotas q on q.id = a.quota_id
        join regions r on r.code = q.region_code
        where q.year = ${year} and ${inSubtree(sql`q.region_code`, regionCode)}
        group by q.kind`,
  );
}

/**
 * Major projects that landed in the subtree in `year` (registered on a date of that year), and
 * how many in priority zones. A project is major at or above either threshold.
 */
export async function majorProjectShares(
  db: Db,
  regionCode: string,
  year: number,
  thresholds: { totalWan: string | null; usdWan: string | null },
) {
  const major = sql.join(
    [
      thresholds.totalWan ? sql`p.total_investment_wan >= ${thresholds.totalWan}::numeric` : null,
      thresholds.usdWan ? sql`coalesce(p.foreign_investment_usd_wan, 0) >= ${thresholds.usdWan}::numeric` : null,
    ].filter((s): s is SQL => s !== null),
    sql` or `,
  );
  const [row] = await rows<{ total: number; priority: number }>(
    db,
    sql`select count(*)::int as total,
          (count(*) filter (where r.zone_level in ('national', 'provincial')))::int as priority
        from projects p join regions r on r.code = p.host_region_code
        where p.registered_date >= ${`${year}-01-01`}::date and p.registered_date <= ${`${year}-12-31`}::date
          and p.stage in ('registered', 'started', 'producing', 'achieved')
          and ${inSubtree(sql`p.host_region_code`, regionCode)}
          and (${major})`,
  );
  return row ?? { total: 0, priority: 0 };
}

// ---------------------------------------------------------------- map

export const MAP_LIMIT = 3000;

export async function mapPoints(db: Db, scope: Scope, f: TMapQuery) {
  const out: {
    kind: 'parcel' | 'building';
    id: string;
    code: string;
    name: string;
    lng: string;
    lat: string;
    size: string;
    status: 'available' | 'reserved' | 'used';
    regionCode: string;
    regionName: string;
  }[] = [];
  if (f.kind !== 'building') {
    const list = await db
      .select({
        id: parcels.id,
        code: parcels.code,
        name: parcels.name,
        lng: sql<string>`${parcels.lng}::text`,
        lat: sql<string>`${parcels.lat}::text`,
        size: sql<string>`${parcels.areaMu}::text`,
        status: parcels.status,
        regionCode: parcels.regionCode,
        regionName: regions.name,
      })
      .from(parcels)
      .innerJoin(regions, eq(regions.code, parcels.regionCode))
      .where(
        and(
          regionInScope(parcels.regionCode, scope),
          sql`${parcels.lng} is not null and ${parcels.lat} is not null`,
          f.regionCode ? inSubtree(parcels.regionCode, f.regionCode) : undefined,
          f.status ? eq(parcels.status, f.status) : undefined,
          f.use ? eq(parcels.use, f.use) : undefined,
          f.minMu ? gte(parcels.areaMu, f.minMu) : undefined,
        ),
      )
      .orderBy(asc(parcels.code))
      .limit(MAP_LIMIT + 1);
    out.push(...list.map((p) => ({ ...p, kind: 'parcel' as const })));
  }
  if (f.kind !== 'parcel') {
    const list = await db
      .select({
        id: buildings.id,
        code: buildings.code,
        name: buildings.name,
        lng: sql<string>`${buildings.lng}::text`,
        lat: sql<string>`${buildings.lat}::text`,
        size: sql<string>`${buildings.floorAreaM2}::text`,
        status: buildings.status,
        regionCode: buildings.regionCode,
        regionName: regions.name,
      })
      .from(buildings)
      .innerJoin(regions, eq(regions.code, buildings.regionCode))
      .where(
        and(
          regionInScope(buildings.regionCode, scope),
          sql`${buildings.lng} is not null and ${buildings.lat} is not null`,
          f.regionCode ? inSubtree(buildings.regionCode, f.regionCode) : undefined,
          f.status ? eq(buildings.status, f.status) : undefined,
        ),
      )
      .orderBy(asc(buildings.code))
      .limit(MAP_LIMIT + 1);
    out.push(...list.map((p) => ({ ...p, kind: 'building' as const })));
  }
  return out;
}
