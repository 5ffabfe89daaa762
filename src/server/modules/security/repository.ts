import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { meta, regions, units, users } from '../../db/schema';
import { type Scope, regionInScope } from '../../lib/scope';
import { POLICY_KEY } from './policy';

/** The stored policy document, or undefined while the defaults apply. */
export async function findStoredPolicy(db: Db, lock = false): Promise<unknown> {
  const q = db.select({ value: meta.value }).from(meta).where(eq(meta.key, POLICY_KEY));
  const [row] = lock ? await q.for('update') : await q;
  return row?.value;
}

export async function storePolicy(db: Db, value: Record<string, unknown>): Promise<void> {
  await db
    .insert(meta)
    .values({ key: POLICY_KEY, value })
    .onConflictDoUpdate({ target: meta.key, set: { value, updatedAt: new Date() } });
}

/** Accounts locked out right now, inside the scope. */
export async function listLockedUsers(db: Db, scope: Scope) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      regionName: regions.name,
      lockedUntil: users.lockedUntil,
      failedLogins: users.failedLogins,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(and(sql`${users.lockedUntil} > now()`, regionInScope(units.regionCode, scope)))
    .orderBy(asc(users.username));
}

/** One user inside the scope, held until the transaction ends. */
export async function findUserForUnlock(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      lockedUntil: users.lockedUntil,
      failedLogins: users.failedLogins,
      regionCode: units.regionCode,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.id, id), regionInScope(units.regionCode, scope)))
    .for('update', { of: users });
  return row;
}

export async function unlockUser(db: Db, id: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}
