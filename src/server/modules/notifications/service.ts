import type { Bilingual } from '../../../domain/errors';
import { AppError } from '../../../domain/errors';
import type { Db } from '../../db/client';
import type { Role } from '../../db/schema';
import type { AuthContext } from '../../lib/auth-context';
import * as repo from './repository';

/** Who receives a notification: named users, a unit's users, or a region's users in some roles. */
export type NotificationRecipients =
  | { userIds: string[]; unitId?: never; regionCode?: never; roles?: never }
  | { unitId: string; roles?: readonly Role[]; userIds?: never; regionCode?: never }
  | { regionCode: string; roles: readonly Role[]; userIds?: never; unitId?: never };

export type NotifyInput = NotificationRecipients & {
  /** Stable machine name, e.g. `project.transfer_requested`. */
  kind: string;
  title: Bilingual;
  body: Bilingual;
  entity?: string;
  entityId?: string;
};

/**
 * Sends one notification to each recipient, inside the caller's transaction so it exists exactly
 * when the change it announces does. Inactive users receive nothing. Returns the recipient ids.
 */
export async function notify(tx: Db, input: NotifyInput): Promise<string[]> {
  let recipients: string[];
  if (input.userIds) recipients = await repo.activeUserIds(tx, [...new Set(input.userIds)]);
  else if (input.unitId) recipients = await repo.activeUnitUserIds(tx, input.unitId, input.roles);
  else recipients = await repo.activeRegionUserIds(tx, input.regionCode!, input.roles ?? []);
  await repo.insertNotifications(
    tx,
    recipients.map((userId) => ({
      userId,
      kind: input.kind,
      titleZh: input.title.zh,
      titleEn: input.title.en,
      bodyZh: input.body.zh,
      bodyEn: input.body.en,
      entity: input.entity ?? null,
      entityId: input.entityId ?? null,
    })),
  );
  return recipients;
}

export async function listMyNotifications(
  db: Db,
  auth: AuthContext,
  query: { unread: boolean; page: number; pageSize: number },
) {
  return repo.listForUser(db, auth.user.id, {
    unreadOnly: query.unread,
    page: query.page,
    pageSize: query.pageSize,
  });
}

/** Another user's notification is "not found", like anything outside the caller's reach. */
export async function markRead(db: Db, auth: AuthContext, id: string): Promise<void> {
  if (!(await repo.markRead(db, auth.user.id, id))) throw new AppError('NOT_FOUND');
}

export async function markAllRead(db: Db, auth: AuthContext): Promise<void> {
  await repo.markAllRead(db, auth.user.id);
}
