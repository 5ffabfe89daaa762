import { eq, sql } from 'drizzle-orm';
import { type Db, preparedStatement } from '../../db/client';
import { regions, sessions, units, users } from '../../db/schema';

export async function findUserForLogin(db: Db, username: string) {
  const [row] = await db
    .select({ user: users, unit: units, region: regions })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return row;
}

export async function recordFailedLogin(db: Db, userId: string, maxFailures: number, lockMinutes: number) {
  await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures}
        then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
}

export async function clearFailedLogins(db: Db, userId: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: Db, userId: string, exceptId?: string) {
  await db
    .delete(sessions)
    .where(
      exceptId ? sql`${sessions.userId} = ${userId} and ${sessions.id} <> ${exceptId}` : eq(sessions.userId, userId),
    );
}

/** The live session with its user, unit and region (every signed-in request reads it). */
const sessionById = preparedStatement((db) =>
  db
    .select({ session: sessions, user: users, unit: units, region: regions })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(sql`${sessions.id} = ${sql.placeholder('id')} and ${sessions.expiresAt} > now() and ${users.active}`)
    .limit(1)
    .prepare('auth_find_session'),
);

/** The live session with its user, unit and region, or nothing. */
export async function findSession(db: Db, id: string) {
  const [row] = await sessionById(db).execute({ id });
  return row;
}

export async function touchSession(db: Db, id: string) {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
}

export async function updatePassword(db: Db, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: new Date(), version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} <= now()`);
}
