import { and, count, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications, type Role, units, users } from '../../db/schema';
import { splitWindowTotal, windowTotal } from '../../lib/listing';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotifications(tx: Db, values: Array<typeof notifications.$inferInsert>) {
  if (values.length === 0) return;
  await tx.insert(notifications).values(values);
}

/** Active users among `ids` (unknown or inactive ones receive nothing). */
export async function activeUserIds(tx: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const list = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  return list.map((u) => u.id);
}

/** Active users of one unit, optionally only those with one of `roles`. */
export async function activeUnitUserIds(tx: Db, unitId: string, roles?: readonly Role[]): Promise<string[]> {
  const list = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.unitId, unitId),
        eq(users.active, true),
        roles?.length ? inArray(users.role, [...roles]) : undefined,
      ),
    );
  return list.map((u) => u.id);
}

/** Active users with one of `roles` in active units of the region itself (not its subtree). */
export async function activeRegionUserIds(tx: Db, regionCode: string, roles: readonly Role[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const list = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(units.regionCode, regionCode),
        eq(units.active, true),
        eq(users.active, true),
        inArray(users.role, [...roles]),
      ),
    );
  return list.map((u) => u.id);
}

export async function listForUser(
  db: Db,
  userId: string,
  options: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
  const filter = and(eq(notifications.userId, userId), options.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [paged, [unreadRow]] = await Promise.all([
    db
      .select({ ...getTableColumns(notifications), total: windowTotal })
      .from(notifications)
      .where(filter)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    // The badge number: the unread ones whatever the filter.
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  const { rows: items, total } = await splitWindowTotal(paged, options.page, () =>
    db.select({ total: count() }).from(notifications).where(filter),
  );
  return { items, total, unread: unreadRow?.n ?? 0 };
}

/** Marks one of the user's notifications read (keeping the first read time); false when not theirs. */
export async function markRead(db: Db, userId: string, id: string): Promise<boolean> {
  const done = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return done.length > 0;
}

export async function markAllRead(db: Db, userId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
