import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type Role, regions, units, users } from '../../db/schema';
import { type Scope, regionInScope } from '../../lib/scope';
import { containsPattern, splitWindowTotal, windowTotal } from '../../lib/listing';
import type { TUserListQuery } from './schema';

const userSelection = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  active: users.active,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
  totpEnabled: sql<boolean>`${users.totpEnabledAt} is not null`,
  version: users.version,
  createdAt: users.createdAt,
  unitName: units.name,
  regionCode: regions.code,
  regionName: regions.name,
};

/** A user with their unit and region; never the password hash. */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  active: boolean;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  version: number;
  createdAt: Date;
  unitName: string;
  regionCode: string;
  regionName: string;
}

export async function listUsers(
  db: Db,
  scope: Scope,
  query: TUserListQuery,
): Promise<{ rows: UserRow[]; total: number }> {
  const where = and(
    regionInScope(units.regionCode, scope),
    query.unitId ? eq(users.unitId, query.unitId) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    query.q
      ? sql`(${users.username} ilike ${containsPattern(query.q)} or ${users.displayName} ilike ${containsPattern(query.q)})`
      : undefined,
  );
  const paged = await db
    .select({ ...userSelection, total: windowTotal })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(where)
    .orderBy(asc(regions.sort), asc(users.username))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return splitWindowTotal(paged, query.page, () =>
    db.select({ total: count() }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(where),
  );
}

/** One user whose unit lies inside the scope; `lock` holds the user row until the transaction ends. */
export async function findUser(db: Db, scope: Scope, id: string, lock = false): Promise<UserRow | undefined> {
  const q = db
    .select(userSelection)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(and(eq(users.id, id), regionInScope(units.regionCode, scope)))
    .limit(1);
  const [row] = lock ? await q.for('update', { of: users }) : await q;
  return row;
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return Boolean(row);
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<string> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

/** Applies `patch` only if the row still has `version`; false when someone else changed it first. */
export async function updateUser(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Pick<typeof users.$inferInsert, 'displayName' | 'role' | 'unitId' | 'active'>>,
): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return updated.length === 1;
}

/** Sets a password chosen by an administrator: the user must replace it at the next sign-in. */
export async function resetPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash,
      passwordChangedAt: new Date(),
      mustChangePassword: true,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, id));
}

/** Active accounts with this role other than `exceptId`, anywhere. */
export async function countActiveWithRole(db: Db, role: Role, exceptId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, role), eq(users.active, true), sql`${users.id} <> ${exceptId}`));
  return Number(row?.n ?? 0);
}
