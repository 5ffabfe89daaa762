import { aliasedTable, and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { type Db, rows } from '../../db/client';
import { buildings, inquiries, parcels, projects, regions, users } from '../../db/schema';
import { containsPattern, splitWindowTotal, windowTotal } from '../../lib/listing';
import { type Scope, regionInScope } from '../../lib/scope';
import type { TInquiryQuery, TSupplyQuery } from './schema';

// ---------------------------------------------------------------- public supply

/**
 * A published parcel or building as the portal shows it: nothing the public may not see (no unit,
 * note, reservation, project or reference price) is even selected.
 */
export interface SupplyRow {
  id: string;
  kind: 'parcel' | 'building';
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  regionNameEn: string;
  size: string;
  use: string | null;
  buildingKind: string | null;
  address: string | null;
  lng: string | null;
  lat: string | null;
  price: string | null;
  readyToBuild: boolean | null;
  availableOn: string | null;
  status: 'available' | 'reserved';
}

/** `column` holds a region code in the subtree of `code` (the region itself included). */
function inSubtree(column: SQL, code: string): SQL {
  return sql`${column} in (select code from regions where path like (select path from regions where code = ${code}) || '%')`;
}

/**
 * One page of the published supply, parcels and buildings together (UNION ALL of two filtered
 * selects), ordered by region code, then code.
 */
export async function listPublishedSupply(db: Db, f: TSupplyQuery): Promise<{ rows: SupplyRow[]; total: number }> {
  const pattern = f.q ? containsPattern(f.q) : null;
  const common = (alias: SQL) =>
    sql.join(
      [
        sql`${alias}.published and ${alias}.status in ('available', 'reserved')`,
        f.region ? inSubtree(sql`${alias}.region_code`, f.region) : undefined,
        pattern
          ? sql`(${alias}.name ilike ${pattern} or ${alias}.code ilike ${pattern} or ${alias}.address ilike ${pattern})`
          : undefined,
      ].filter((c): c is SQL => c !== undefined),
      sql` and `,
    );
  const parts: SQL[] = [];
  if (f.kind !== 'building') {
    parts.push(sql`select p.id, 'parcel' as kind, p.code, p.name, p.region_code, p.area_mu::text as size,
        p.use, null::text as building_kind, p.address, p.lng::text as lng, p.lat::text as lat,
        case when p.price_kind = 'listed' then p.price_wan_per_mu::text end as price,
        p.ready_to_build, p.available_on::text as available_on, p.status
      from parcels p
      where ${common(sql.raw('p'))}${f.use ? sql` and p.use = ${f.use}` : sql``}`);
  }
  // A land use describes parcels only: asking for one leaves the buildings out.
  if (f.kind !== 'parcel' && !f.use) {
    parts.push(sql`select b.id, 'building' as kind, b.code, b.name, b.region_code, b.floor_area_m2::text as size,
        null::text as use, b.kind as building_kind, b.address, b.lng::text as lng, b.lat::text as lat,
        b.rent_yuan_m2_month::text as price, null::boolean as ready_to_build,
        b.available_on::text as available_on, b.status
      from buildings b
      where ${common(sql.raw('b'))}`);
  }
  // Buildings asked for with a land use: nothing can match, and an empty UNION is not SQL.
  if (!parts.length) return { rows: [], total: 0 };
  const union = sql.join(parts, sql` union all `);
  const paged = await rows<Omit<SupplyRow, 'regionName' | 'regionNameEn'> & Record<string, unknown>>(
    db,
    sql`select s.id, s.kind, s.code, s.name, s.region_code as "regionCode", r.name as "regionName",
          r.name_en as "regionNameEn", s.size, s.use, s.building_kind as "buildingKind", s.address, s.lng, s.lat,
          s.price, s.ready_to_build as "readyToBuild", s.available_on as "availableOn", s.status,
          ${windowTotal} as total
        from (${union}) s join regions r on r.code = s.region_code
        order by s.region_code, s.code, s.kind
        limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
  );
  return splitWindowTotal(paged as unknown as (SupplyRow & { total: number })[], f.page, () =>
    rows<{ total: number }>(db, sql`select count(*)::int as total from (${union}) s`),
  );
}

/** A published parcel or building still on offer (available or reserved), with its region. */
export async function findPublishedItem(
  db: Db,
  kind: 'parcel' | 'building',
  id: string,
): Promise<{ id: string; regionCode: string } | undefined> {
  const table = kind === 'parcel' ? parcels : buildings;
  const [row] = await db
    .select({ id: table.id, regionCode: table.regionCode })
    .from(table)
    .where(and(eq(table.id, id), eq(table.published, true), sql`${table.status} in ('available', 'reserved')`))
    .limit(1);
  return row;
}

// ---------------------------------------------------------------- inquiries

export type InquiryValues = Omit<
  typeof inquiries.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'status' | 'decidedAt' | 'decidedBy' | 'declineReason' | 'projectId'
>;

const decider = aliasedTable(users, 'decider');

const selection = {
  id: inquiries.id,
  reference: inquiries.reference,
  company: inquiries.company,
  contactName: inquiries.contactName,
  phone: inquiries.phone,
  email: inquiries.email,
  regionCode: inquiries.regionCode,
  regionName: regions.name,
  regionNameEn: regions.nameEn,
  industry: inquiries.industry,
  investmentWan: inquiries.investmentWan,
  landMu: inquiries.landMu,
  message: inquiries.message,
  parcelId: inquiries.parcelId,
  parcelCode: parcels.code,
  parcelName: parcels.name,
  buildingId: inquiries.buildingId,
  buildingCode: buildings.code,
  buildingName: buildings.name,
  status: inquiries.status,
  createdAt: inquiries.createdAt,
  decidedAt: inquiries.decidedAt,
  decidedById: inquiries.decidedBy,
  decidedByName: decider.displayName,
  declineReason: inquiries.declineReason,
  projectId: inquiries.projectId,
  projectCode: projects.code,
  projectName: projects.name,
  version: inquiries.version,
};

/** The names an inquiry row carries: region, item, decider, project (drizzle's dynamic query building). */
function joinRefs<Q extends PgSelect>(query: Q) {
  return query
    .innerJoin(regions, eq(regions.code, inquiries.regionCode))
    .leftJoin(parcels, eq(parcels.id, inquiries.parcelId))
    .leftJoin(buildings, eq(buildings.id, inquiries.buildingId))
    .leftJoin(decider, eq(decider.id, inquiries.decidedBy))
    .leftJoin(projects, eq(projects.id, inquiries.projectId));
}

function selectInquiries(db: Db) {
  return joinRefs(db.select(selection).from(inquiries).$dynamic());
}

export type InquiryRow = Awaited<ReturnType<typeof selectInquiries>>[number];

/** Inquiries of the scope's regions, newest first. */
export async function listInquiries(
  db: Db,
  scope: Scope,
  f: TInquiryQuery,
): Promise<{ rows: InquiryRow[]; total: number }> {
  const pattern = f.q ? containsPattern(f.q) : null;
  const where = and(
    regionInScope(inquiries.regionCode, scope),
    f.status ? eq(inquiries.status, f.status) : undefined,
    pattern
      ? sql`(${inquiries.reference} ilike ${pattern} or ${inquiries.company} ilike ${pattern}
          or ${inquiries.contactName} ilike ${pattern} or ${inquiries.phone} ilike ${pattern})`
      : undefined,
  );
  const paged = await joinRefs(
    db
      .select({ ...selection, total: windowTotal })
      .from(inquiries)
      .$dynamic(),
  )
    .where(where)
    .orderBy(desc(inquiries.createdAt), desc(inquiries.reference))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return splitWindowTotal(paged, f.page, () => db.select({ total: count() }).from(inquiries).where(where));
}

/** One inquiry inside the scope (another region's is not found); `lock` holds it to the transaction's end. */
export async function findInquiry(db: Db, scope: Scope, id: string, lock = false): Promise<InquiryRow | undefined> {
  const query = selectInquiries(db)
    .where(and(eq(inquiries.id, id), regionInScope(inquiries.regionCode, scope)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: inquiries }) : await query;
  return row;
}

/** The next number of a China calendar day's references (a counter row per day, taken with an upsert). */
export async function nextReferenceSeq(tx: Db, day: string): Promise<number> {
  const [row] = await rows<{ last: number }>(
    tx,
    sql`insert into inquiry_day_counters (day, last) values (${day}, 1)
        on conflict (day) do update set last = inquiry_day_counters.last + 1
        returning last`,
  );
  return Number(row!.last);
}

export async function insertInquiry(tx: Db, values: InquiryValues): Promise<{ id: string; createdAt: Date }> {
  const [row] = await tx
    .insert(inquiries)
    .values(values)
    .returning({ id: inquiries.id, createdAt: inquiries.createdAt });
  return row!;
}

/** Records a decision when `version` is still current; false when someone else changed the inquiry first. */
export async function decideInquiry(
  tx: Db,
  id: string,
  version: number,
  decision:
    | { status: 'accepted'; decidedBy: string; projectId: string }
    | { status: 'declined'; decidedBy: string; declineReason: string },
): Promise<boolean> {
  const now = new Date();
  const done = await tx
    .update(inquiries)
    .set({ ...decision, decidedAt: now, version: sql`${inquiries.version} + 1`, updatedAt: now })
    .where(and(eq(inquiries.id, id), eq(inquiries.version, version), eq(inquiries.status, 'new')))
    .returning({ id: inquiries.id });
  return done.length > 0;
}
