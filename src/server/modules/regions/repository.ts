import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions, units } from '../../db/schema';
import { type Scope, regionInScope } from '../../lib/scope';
import type { TRegionSeat, TUnitListQuery } from './schema';
import { containsPattern, splitWindowTotal, windowTotal } from '../../lib/listing';

export type RegionRow = typeof regions.$inferSelect;
export type UnitRow = typeof units.$inferSelect & { regionName: string };

/** `column` holds a region code in the subtree of `code` (the region itself included). */
export function regionInSubtree(column: typeof units.regionCode, code: string): SQL {
  return sql`${column} in (select code from regions
    where path like (select path from regions where code = ${code}) || '%')`;
}

/** Every region the scope reaches, in display order. */
export async function listRegionsInScope(db: Db, scope: Scope): Promise<RegionRow[]> {
  return db
    .select()
    .from(regions)
    .where(regionInScope(regions.code, scope))
    .orderBy(asc(regions.sort), asc(regions.code));
}

/** One region inside the scope; `lock` holds its row until the transaction ends. */
export async function findRegion(db: Db, scope: Scope, code: string, lock = false): Promise<RegionRow | undefined> {
  const q = db
    .select()
    .from(regions)
    .where(and(eq(regions.code, code), regionInScope(regions.code, scope)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Sets (or, with null, clears) a region's seat; both coordinates change together. */
export async function updateRegionSeat(db: Db, code: string, seat: TRegionSeat | null): Promise<void> {
  await db
    .update(regions)
    .set(seat ? { seatLng: seat.lng.toFixed(6), seatLat: seat.lat.toFixed(6) } : { seatLng: null, seatLat: null })
    .where(eq(regions.code, code));
}

const unitSelection = {
  id: units.id,
  name: units.name,
  nameEn: units.nameEn,
  kind: units.kind,
  regionCode: units.regionCode,
  active: units.active,
  version: units.version,
  createdAt: units.createdAt,
  updatedAt: units.updatedAt,
  regionName: regions.name,
};

export async function listUnits(
  db: Db,
  scope: Scope,
  query: TUnitListQuery,
): Promise<{ rows: UnitRow[]; total: number }> {
  const where = and(
    regionInScope(units.regionCode, scope),
    query.regionCode ? regionInSubtree(units.regionCode, query.regionCode) : undefined,
    query.kind ? eq(units.kind, query.kind) : undefined,
    query.q
      ? sql`(${units.name} ilike ${containsPattern(query.q)} or ${units.nameEn} ilike ${containsPattern(query.q)})`
      : undefined,
  );
  const paged = await db
    .select({ ...unitSelection, total: windowTotal })
    .from(units)
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(where)
    .orderBy(asc(regions.sort), asc(units.name), asc(units.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return splitWindowTotal(paged, query.page, () => db.select({ total: count() }).from(units).where(where));
}

/** One unit inside the scope; `lock` holds its row until the transaction ends. */
export async function findUnit(db: Db, scope: Scope, id: string, lock = false): Promise<UnitRow | undefined> {
  const q = db
    .select(unitSelection)
    .from(units)
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(and(eq(units.id, id), regionInScope(units.regionCode, scope)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: units }) : await q;
  return row;
}

export async function unitNameTaken(db: Db, regionCode: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        eq(units.regionCode, regionCode),
        eq(units.name, name),
        exceptId ? sql`${units.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function insertUnit(db: Db, values: typeof units.$inferInsert): Promise<string> {
  const [row] = await db.insert(units).values(values).returning({ id: units.id });
  return row!.id;
}

/** Applies `patch` only if the row still has `version`; false when someone else changed it first. */
export async function updateUnit(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Pick<typeof units.$inferInsert, 'name' | 'nameEn' | 'kind' | 'active'>>,
): Promise<boolean> {
  const updated = await db
    .update(units)
    .set({ ...patch, version: sql`${units.version} + 1`, updatedAt: new Date() })
    .where(and(eq(units.id, id), eq(units.version, version)))
    .returning({ id: units.id });
  return updated.length === 1;
}
