import { and, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { type Db, preparedStatement } from '../../db/client';
import { meta, passwordHistory, rateLimitHits, recoveryCodes, regions, sessions, units, users } from '../../db/schema';
import { POLICY_KEY } from '../security/policy';

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

export async function findUserById(db: Db, id: string) {
  const [row] = await db
    .select({ user: users, unit: units, region: regions })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

/** Counts a wrong password or second factor; the `maxFailures`-th locks the account for `lockMinutes`. */
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

/** The session passed its second factor. */
export async function completeSession(db: Db, id: string) {
  await db.update(sessions).set({ pending: null, lastSeenAt: new Date() }).where(eq(sessions.id, id));
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

/**
 * The live session with its user, unit, region and the stored security policy (one statement: every
 * signed-in request reads it, and the idle limit and two-factor rule come from the policy).
 */
const sessionById = preparedStatement((db) =>
  db
    .select({ session: sessions, user: users, unit: units, region: regions, policy: meta.value })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .leftJoin(meta, sql`${meta.key} = ${POLICY_KEY}`)
    .where(sql`${sessions.id} = ${sql.placeholder('id')} and ${sessions.expiresAt} > now() and ${users.active}`)
    .limit(1)
    .prepare('auth_find_session'),
);

/** The live session with its user, unit, region and stored policy, or nothing. */
export async function findSession(db: Db, id: string) {
  const [row] = await sessionById(db).execute({ id });
  return row;
}

export async function touchSession(db: Db, id: string) {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
}

/** Sets a password the user chose, keeps its hash in the history, and clears `must_change_password`. */
export async function updatePassword(db: Db, userId: string, passwordHash: string, keep: number) {
  await db
    .update(users)
    .set({
      passwordHash,
      passwordChangedAt: new Date(),
      mustChangePassword: false,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
  await addPasswordHistory(db, userId, passwordHash, keep);
}

/** Records a password's hash and forgets all but the newest `keep`. */
export async function addPasswordHistory(db: Db, userId: string, passwordHash: string, keep: number) {
  await db.insert(passwordHistory).values({ userId, passwordHash });
  const newest = db
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(keep);
  await db
    .delete(passwordHistory)
    .where(and(eq(passwordHistory.userId, userId), notInArray(passwordHistory.id, newest)));
}

/** The hashes of the current password and the newest earlier ones, `count` in all at most. */
export async function recentPasswordHashes(db: Db, userId: string, count: number): Promise<string[]> {
  const [current] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  const history = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(count);
  const hashes = [...new Set([current?.hash, ...history.map((h) => h.hash)].filter((h): h is string => !!h))];
  return hashes.slice(0, count);
}

export async function setTotpSecret(db: Db, userId: string, secret: string) {
  await db.update(users).set({ totpSecret: secret, totpEnabledAt: null }).where(eq(users.id, userId));
}

export async function enableTotp(db: Db, userId: string) {
  await db.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, userId));
}

export async function disableTotp(db: Db, userId: string) {
  await db.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Voids the user's recovery codes and stores a new set (as hashes). */
export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Spends one unused recovery code; false when there is none with this hash. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const list = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return list.length;
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} <= now()`);
}

/**
 * Spends a TOTP time step for the user: one sign-in per 30-second code, so a code seen over a
 * shoulder or in a log cannot be replayed while it is still valid. Kept as a one-hit window in the
 * shared counters table (purged with the other ended windows); false when the step was spent.
 */
export async function spendTotpStep(db: Db, userId: string, stepStart: Date): Promise<boolean> {
  const inserted = await db
    .insert(rateLimitHits)
    .values({ bucket: `totp-step:${userId}`, windowStart: stepStart, hits: 1 })
    .onConflictDoNothing()
    .returning({ hits: rateLimitHits.hits });
  return inserted.length === 1;
}
