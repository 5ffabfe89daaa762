/** The queries of the audit trail: who may see an entity's history, and the trail as a whole. */
import { type SQL, and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client';
import { agreements, auditLog, projects, serviceTickets } from '../../db/schema';
import { containsPattern, windowTotal } from '../../lib/listing';
import { type Scope, regionInScope } from '../../lib/scope';
import { COUNTRY_CODE } from '../../seed/regions';
import { projectVisible } from '../projects/repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Entities whose history follows the entity's own read rule: a project's as the project page
 * (region and confidentiality), a ticket's and an agreement's as their project's.
 */
const ENTITY_READ_RULES: Record<string, (id: string, scope: Scope) => SQL> = {
  project: (id, scope) =>
    sql`exists (select 1 from ${projects} where ${projects.id} = ${id} and ${projectVisible(scope)})`,
  ticket: (id, scope) =>
    sql`exists (select 1 from ${serviceTickets} join ${projects} on ${projects.id} = ${serviceTickets.projectId}
      where ${serviceTickets.id} = ${id} and ${projectVisible(scope)})`,
  agreement: (id, scope) =>
    sql`exists (select 1 from ${agreements} join ${projects} on ${projects.id} = ${agreements.projectId}
      where ${agreements.id} = ${id} and ${projectVisible(scope)})`,
};

/** Whether `entity` has a read rule of its own (else its history is for the audit role only). */
export function hasEntityReadRule(entity: string): boolean {
  return Object.hasOwn(ENTITY_READ_RULES, entity);
}

/** Whether the caller may read the entity itself; an id that is not a uuid names nothing. */
export async function entityReadable(db: Db, scope: Scope, entity: string, id: string): Promise<boolean> {
  const rule = ENTITY_READ_RULES[entity];
  if (!rule || !UUID.test(id)) return false;
  const [row] = await rows<{ ok: boolean }>(db, sql`select ${rule(id, scope)} as ok`);
  return row?.ok === true;
}

export async function historyRows(db: Db, entity: string, entityId: string, scope: Scope | null) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, entity),
        eq(auditLog.entityId, entityId),
        scope ? regionInScope(auditLog.regionCode, scope) : undefined,
      ),
    )
    .orderBy(auditLog.seq);
}

export interface TrailFilter {
  actorId?: string;
  actorUsername?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  /** Inclusive start and exclusive end instants. */
  from?: Date;
  to?: Date;
  /** Rows of this region's subtree (within the caller's scope). */
  regionPath?: string;
}

function trailWhere(scope: Scope, f: TrailFilter): SQL | undefined {
  return and(
    // Rows without a region (system events, sign-ins of unknown names) are national: only a country-level auditor sees them.
    scope.all || scope.regionCode === COUNTRY_CODE ? undefined : regionInScope(auditLog.regionCode, scope),
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.actorUsername
      ? sql`${auditLog.actorId} in (select u.id from users u where u.username = ${f.actorUsername})`
      : undefined,
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.action ? sql`${auditLog.action} like ${containsPattern(f.action).slice(1)}` : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
    f.regionPath
      ? sql`${auditLog.regionCode} in (select code from regions where path like ${f.regionPath + '%'})`
      : undefined,
  );
}

const trailColumns = {
  seq: auditLog.seq,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: sql<string | null>`(select u.display_name from users u where u.id = ${auditLog.actorId})`,
  actorUsername: sql<string | null>`(select u.username from users u where u.id = ${auditLog.actorId})`,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  regionCode: auditLog.regionCode,
  regionName: sql<string | null>`(select r.name from regions r where r.code = ${auditLog.regionCode})`,
  before: auditLog.before,
  after: auditLog.after,
  keyed: auditLog.keyed,
  hash: auditLog.hash,
};

/** One page of the trail, newest first, with the total of matching rows. */
export async function trailPage(db: Db, scope: Scope, f: TrailFilter, page: number, pageSize: number) {
  const paged = await db
    .select({ ...trailColumns, total: windowTotal })
    .from(auditLog)
    .where(trailWhere(scope, f))
    .orderBy(desc(auditLog.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  if (paged.length === 0 && page > 1) {
    const [c] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(trailWhere(scope, f));
    return { rows: [], total: c?.total ?? 0 };
  }
  return { rows: paged.map(({ total: _t, ...r }) => r), total: paged[0]?.total ?? 0 };
}

/** Up to `limit` matching rows, newest first, for the export. */
export async function trailRows(db: Db, scope: Scope, f: TrailFilter, limit: number) {
  return db.select(trailColumns).from(auditLog).where(trailWhere(scope, f)).orderBy(desc(auditLog.seq)).limit(limit);
}

export type TrailRow = Awaited<ReturnType<typeof trailRows>>[number];

/** The path of a region inside the caller's scope, or null when it is outside or unknown. */
export async function regionPathInScope(db: Db, scope: Scope, code: string): Promise<string | null> {
  const [row] = await rows<{ path: string }>(
    db,
    sql`select path from regions where code = ${code} and ${regionInScope(sql`code`, scope)}`,
  );
  return row?.path ?? null;
}
