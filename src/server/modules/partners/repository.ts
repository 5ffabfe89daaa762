import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { partners, projects, referrals, regions, units } from '../../db/schema';
import { containsPattern, splitWindowTotal, windowTotal } from '../../lib/listing';
import { type Scope, regionInScope } from '../../lib/scope';
import { projectVisible } from '../projects/repository';
import type { TPartnerListQuery } from './schema';
import { isUniqueViolation } from '../../db/errors';

export type PartnerValues = Omit<typeof partners.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type PartnerRow = typeof partners.$inferSelect & {
  regionName: string;
  ownerUnitName: string;
  referralCount: number;
};

const referralCount = sql<number>`(select count(*)::int from referrals r where r.partner_id = ${partners.id})`;

const selection = {
  id: partners.id,
  kind: partners.kind,
  name: partners.name,
  contactPerson: partners.contactPerson,
  phone: partners.phone,
  email: partners.email,
  country: partners.country,
  location: partners.location,
  focusIndustries: partners.focusIndustries,
  status: partners.status,
  ownerUnitId: partners.ownerUnitId,
  regionCode: partners.regionCode,
  note: partners.note,
  createdBy: partners.createdBy,
  version: partners.version,
  createdAt: partners.createdAt,
  updatedAt: partners.updatedAt,
  regionName: regions.name,
  ownerUnitName: units.name,
  referralCount,
};

function selectPartners(db: Db) {
  return joinNames(db.select(selection).from(partners).$dynamic());
}

/** The region and owner unit names a partner row carries (drizzle's dynamic query building). */
function joinNames<Q extends PgSelect>(query: Q) {
  return query
    .innerJoin(regions, eq(regions.code, partners.regionCode))
    .innerJoin(units, eq(units.id, partners.ownerUnitId));
}

export async function listPartners(
  db: Db,
  scope: Scope,
  query: TPartnerListQuery,
  q: string | null,
): Promise<{ rows: PartnerRow[]; total: number }> {
  const pattern = q ? containsPattern(q) : null;
  const where = and(
    regionInScope(partners.regionCode, scope),
    query.kind ? eq(partners.kind, query.kind) : undefined,
    query.status ? eq(partners.status, query.status) : undefined,
    pattern
      ? sql`(${partners.name} ilike ${pattern} or ${partners.contactPerson} ilike ${pattern}
          or ${partners.location} ilike ${pattern} or array_to_string(${partners.focusIndustries}, ' ') ilike ${pattern})`
      : undefined,
  );
  const paged = await joinNames(
    db
      .select({ ...selection, total: windowTotal })
      .from(partners)
      .$dynamic(),
  )
    .where(where)
    .orderBy(asc(partners.kind), desc(partners.updatedAt), asc(partners.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return splitWindowTotal(paged, query.page, () => db.select({ total: count() }).from(partners).where(where));
}

export async function findPartner(db: Db, scope: Scope, id: string, lock = false): Promise<PartnerRow | undefined> {
  const query = selectPartners(db)
    .where(and(eq(partners.id, id), regionInScope(partners.regionCode, scope)))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: partners }) : await query;
  return row;
}

/** Inserts a partner; null when the owner unit already keeps one of that kind and name. */
export async function insertPartner(db: Db, values: PartnerValues): Promise<string | null> {
  try {
    const [row] = await db.insert(partners).values(values).returning({ id: partners.id });
    return row?.id ?? null;
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

export async function updatePartner(
  db: Db,
  id: string,
  version: number,
  values: Partial<PartnerValues>,
): Promise<'updated' | 'stale' | 'duplicate'> {
  try {
    const updated = await db
      .update(partners)
      .set({ ...values, version: sql`${partners.version} + 1`, updatedAt: new Date() })
      .where(and(eq(partners.id, id), eq(partners.version, version)))
      .returning({ id: partners.id });
    return updated.length ? 'updated' : 'stale';
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate';
    throw err;
  }
}

const referralSelection = {
  id: referrals.id,
  partnerId: referrals.partnerId,
  partnerName: partners.name,
  partnerKind: partners.kind,
  projectId: referrals.projectId,
  projectCode: projects.code,
  projectName: projects.name,
  projectStage: projects.stage,
  referredOn: referrals.referredOn,
  note: referrals.note,
  createdAt: referrals.createdAt,
};
export type ReferralRow = {
  id: string;
  partnerId: string;
  partnerName: string;
  partnerKind: (typeof partners.$inferSelect)['kind'];
  projectId: string;
  projectCode: string;
  projectName: string;
  projectStage: string;
  referredOn: string;
  note: string | null;
  createdAt: Date;
};

/** Referrals of a partner to projects the scope sees (a confidential project stays hidden). */
export async function listReferrals(db: Db, scope: Scope, where: SQL): Promise<ReferralRow[]> {
  return db
    .select(referralSelection)
    .from(referrals)
    .innerJoin(partners, eq(partners.id, referrals.partnerId))
    .innerJoin(projects, eq(projects.id, referrals.projectId))
    .where(and(where, regionInScope(partners.regionCode, scope), projectVisible(scope)))
    .orderBy(desc(referrals.referredOn), asc(referrals.id));
}

export function referralsOfPartner(db: Db, scope: Scope, partnerId: string): Promise<ReferralRow[]> {
  return listReferrals(db, scope, eq(referrals.partnerId, partnerId));
}

export async function findReferral(db: Db, scope: Scope, partnerId: string, id: string) {
  const [row] = await listReferrals(db, scope, and(eq(referrals.partnerId, partnerId), eq(referrals.id, id))!);
  return row;
}

/** Inserts a referral; null when the partner already referred that project. */
export async function insertReferral(db: Db, values: typeof referrals.$inferInsert): Promise<string | null> {
  try {
    const [row] = await db.insert(referrals).values(values).returning({ id: referrals.id });
    return row?.id ?? null;
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

export async function deleteReferral(db: Db, id: string): Promise<void> {
  await db.delete(referrals).where(eq(referrals.id, id));
}

const LANDED_STAGES = ['registered', 'started', 'producing', 'achieved'] as const;

const projectFacts = {
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
  firstUnitId: projects.firstUnitId,
  firstUnitName: units.name,
  firstRegionCode: projects.firstRegionCode,
  hostRegionCode: projects.hostRegionCode,
};

/** Landed projects the scope sees whose first-negotiation region is in the scope (the unit's side pays). */
export function landedProjectsOfFirstUnits(db: Db, scope: Scope) {
  return db
    .select(projectFacts)
    .from(projects)
    .innerJoin(units, eq(units.id, projects.firstUnitId))
    .where(
      and(
        inArray(projects.stage, [...LANDED_STAGES]),
        projectVisible(scope),
        regionInScope(projects.firstRegionCode, scope),
      ),
    );
}

/** Referrals by partners in the scope to landed projects the scope sees. */
export function referralsToLandedProjects(db: Db, scope: Scope) {
  return db
    .select({
      ...projectFacts,
      partnerId: partners.id,
      partnerName: partners.name,
      partnerKind: partners.kind,
      referredOn: referrals.referredOn,
    })
    .from(referrals)
    .innerJoin(partners, eq(partners.id, referrals.partnerId))
    .innerJoin(projects, eq(projects.id, referrals.projectId))
    .innerJoin(units, eq(units.id, projects.firstUnitId))
    .where(
      and(
        inArray(projects.stage, [...LANDED_STAGES]),
        regionInScope(partners.regionCode, scope),
        projectVisible(scope),
      ),
    );
}

/** A project the scope sees (confidentiality applied), or undefined. */
export async function findVisibleProject(
  db: Db,
  scope: Scope,
  id: string,
): Promise<{ id: string; code: string; name: string; hostRegionCode: string } | undefined> {
  const [row] = await db
    .select({ id: projects.id, code: projects.code, name: projects.name, hostRegionCode: projects.hostRegionCode })
    .from(projects)
    .where(and(eq(projects.id, id), projectVisible(scope)))
    .limit(1);
  return row;
}
